"""Time the PDF script: a full printing, then after changing nothing, then after changing one page.

Usage: python -m scripts.bench_pdfs [OUTPUT]      (make bench-pdf; OUTPUT defaults to bench/pdf.md)

Builds the site once into a temporary folder, from a copy of the project, and prints its PDFs with an empty cache of its own
(the project's .cache/pdfs is left alone), PDF_WORKERS or os.cpu_count() at a time; prints again
with nothing changed; then changes the text of one page (the Kazakh step 5, in the built HTML, as
an edit of its Markdown would) and prints again. Besides the wall-clock time it counts the
processor time of the script and its browser (read from /proc), which does not depend on what
else the machine is doing; the load average says how busy it was.
"""

import os
import platform
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

from scripts.browser import CHROMIUM, chromium_version
from scripts.chapter_pdfs import build_pdfs
from scripts.print_documents import page_url
from tests.sitetools import mkdocs_build

ROOT = Path(__file__).resolve().parent.parent
CHANGED_PAGE = ("kk", "manual/05-ngo-and-board.md")


class ProcessorTime:
    """Processor seconds used by this process and its descendants (sampled from /proc)."""

    def __init__(self):
        self.ticks = os.sysconf("SC_CLK_TCK")
        self.seen = {}
        self._stop = threading.Event()

    def _sample(self):
        parents, times = {}, {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry)] = int(fields[1])
            times[int(entry)] = int(fields[11]) + int(fields[12])
        mine = {os.getpid()}
        for pid in sorted(parents):
            chain, current = [], pid
            while current in parents and current not in mine and current > 1 and len(chain) < 50:
                chain.append(current)
                current = parents[current]
            if current in mine:
                mine.update(chain)
        for pid in mine:
            if pid in times:
                self.seen[pid] = max(self.seen.get(pid, 0), times[pid])

    def _run(self):
        while not self._stop.wait(1.0):
            self._sample()
        self.own = time.thread_time()  # reading /proc costs time too: not the printing's

    def __enter__(self):
        self._sample()
        self.start = dict(self.seen)
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self.thread.join()
        self._sample()
        self.seconds = sum(value - self.start.get(pid, 0) for pid, value in self.seen.items()) / self.ticks - self.own


def run(label, site, cache, project):
    load = os.getloadavg()[0]
    with ProcessorTime() as processor:
        report = build_pdfs(site, cache_dir=cache, project_dir=project)
    print(f"{label}: printed {len(report.printed)} of {len(report.written)} in {report.seconds:.1f} s "
          f"({processor.seconds:.1f} s of processor time, load average {load:.1f})", flush=True)
    return label, report, processor.seconds, load


def main(output):
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as scratch:
        site, cache, project = Path(scratch) / "site", Path(scratch) / "cache", Path(scratch) / "project"
        # a copy of the project, so that edits made meanwhile by others change nothing measured
        for name in ("docs", "data", "macros", "overrides"):
            shutil.copytree(ROOT / name, project / name)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        started = time.monotonic()
        result = mkdocs_build(project, site)
        if result.returncode:
            sys.exit("the site does not build:\n" + (result.stdout + result.stderr)[-3000:])
        build_seconds = time.monotonic() - started
        rows.append(run("Full printing (empty cache)", site, cache, project))
        rows.append(run("Nothing changed", site, cache, project))
        lang, md_path = CHANGED_PAGE
        page = site / page_url(lang, md_path) / "index.html"
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("</article>", "<p>Өзгертілген мәтін.</p></article>", 1), encoding="utf-8")
        rows.append(run(f"One page changed ({lang}/{md_path})", site, cache, project))
        shutil.rmtree(cache, ignore_errors=True)
    workers = rows[0][1].workers
    lines = [
        "# PDF printing: time",
        "",
        (f"Measured {time.strftime('%Y-%m-%d %H:%M')} by `make bench-pdf` (scripts/bench_pdfs.py) on {platform.node()}: "
        f"{os.cpu_count()} cores, {workers} printed at a time; {chromium_version(CHROMIUM)[1]}. "
        f"The site build before it (mkdocs) took {build_seconds:.1f} s."),
        "",
        ("Processor time is that of the script and its browser together; it does not depend on what else the "
        "machine was doing, the wall-clock time does (see the load average, the number of processes "
        "waiting for a core when the step began)."),
        "",
        "| step | PDFs printed | of | wall-clock s | processor s | load average |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for label, report, processor, load in rows:
        lines.append(f"| {label} | {len(report.printed)} | {len(report.written)} | {report.seconds:.1f} | "
                     f"{processor:.1f} | {load:.1f} |")
    changed = rows[2][1].printed
    lines += ["", f"Printed after the change: {', '.join(sorted(changed)) or 'nothing'}.", ""]
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    Path(output).write_text("\n".join(lines), encoding="utf-8")
    print(f"written to {output}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ROOT / "bench" / "pdf.md")
