"""Time the writer's loop: a build with and without the macros, and `mkdocs serve` reloading after a save.

Usage: python -m scripts.bench_build [OUTPUT]       (OUTPUT defaults to bench/build.md)

Everything runs on a copy of the project in a temporary folder (pages, data, macros, theme), so that
edits elsewhere in the tree do not disturb it.

- Build: the strict build of all languages, in a fresh process (cold: the first build after start) and
  again in the same process (warm: what `mkdocs serve` does on every change). "Without macros" is the same
  copy with the macros plugin taken out of mkdocs.yml: the same pages, their macro calls left as text,
  the theme's interface strings given as they are. Goal: with macros at most 1.3 times without.
- Reload: `mkdocs serve` on the copy; the time from saving a page (or a data file) to the served page
  showing the change, which is when the browser reloads. Goal: at most 3 seconds.

Besides the wall-clock time it gives the processor time of the building process, which does not depend
on what else the machine is doing; the load average says how busy it was.
"""

import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 3
RATIO_GOAL = 1.3
RELOAD_GOAL = 3.0
PAGE = ("kk", "manual/03-research.md")  # a page edited under `mkdocs serve`
CHECKLIST_PAGE = "manual/01-founding-team.md"  # a page showing a checklist whose data text is edited

# Run in a fresh Python: build twice, print the wall and processor seconds of each build as JSON.
RUNNER = r"""
import json, logging, os, sys, time
os.environ["NO_MKDOCS_2_WARNING"] = "1"
logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
from mkdocs.commands.build import build
from mkdocs.config import load_config
config_file, site_dir = sys.argv[1:3]
times = []
for _ in range(2):
    config = load_config(config_file, site_dir=site_dir)
    config.plugins.on_startup(command="build", dirty=False)
    wall, cpu = time.perf_counter(), time.process_time()
    build(config)
    times.append([time.perf_counter() - wall, time.process_time() - cpu])
print(json.dumps(times))
"""

# mkdocs.yml hook for the build without macros: the theme's values the macros would have set.
EXTRA_HOOK = """
import json
from pathlib import Path

def on_config(config):
    config.extra.update(json.loads((Path(__file__).parent / "extra.json").read_text(encoding="utf-8")))
    return config
"""


def copy_project(target):
    for part in ("docs", "data", "macros", "overrides"):
        shutil.copytree(ROOT / part, target / part, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "translations.lock"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, target / name)


def theme_extras(project):
    """config.extra as the macros leave it (set by a build of the copy with macros)."""
    code = (
        "import json, os, sys; os.environ['NO_MKDOCS_2_WARNING'] = '1'\n"
        "from mkdocs.config import load_config\n"
        "config = load_config(sys.argv[1]); config.plugins.on_config(config)\n"
        "print(json.dumps({k: v for k, v in config.extra.items() if k.startswith('handbook')}, default=str))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(project / "mkdocs.yml")], cwd=project, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def without_macros(project):
    """A mkdocs.yml for the same copy without the macros plugin."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    lines = config.splitlines(keepends=True)
    start = next(index for index, line in enumerate(lines) if line.strip() == "- macros:")
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = next(index for index in range(start + 1, len(lines))
               if lines[index].strip() and len(lines[index]) - len(lines[index].lstrip()) <= indent)
    config = "".join(lines[:start] + lines[end:])
    config = re.sub(r"^hooks:\n", "hooks:\n  - bench_extra.py\n", config, count=1, flags=re.MULTILINE)
    if "bench_extra.py" not in config:
        config += "\nhooks:\n  - bench_extra.py\n"
    (project / "bench_extra.py").write_text(EXTRA_HOOK, encoding="utf-8")
    (project / "extra.json").write_text(json.dumps(theme_extras(project), ensure_ascii=False), encoding="utf-8")
    path = project / "mkdocs-without-macros.yml"
    path.write_text(config, encoding="utf-8")
    return path


def time_builds(config_file, site_dir):
    """[(cold wall, cold cpu), (warm wall, warm cpu)] for each of RUNS fresh processes."""
    runs = []
    for _ in range(RUNS):
        result = subprocess.run([sys.executable, "-c", RUNNER, str(config_file), str(site_dir)], check=False,
                                cwd=config_file.parent, capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"the build of {config_file.name} failed:\n{result.stderr[-3000:]}")
        runs.append(json.loads(result.stdout.strip().splitlines()[-1]))
    return runs


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def process_seconds(pid):
    """Processor seconds used so far by a process (from /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def time_reloads(project, only=None):
    """{"page": [(wall, cpu)…], "data": [(wall, cpu)…]}: saving a file until the served page shows it.
    only: serve that language alone (`make serve ONLY=kk`), at the root; then the page only."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if only:
        env["HANDBOOK_ONLY_LANGUAGE"] = only
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
                               "-f", str(project / "mkdocs.yml")], cwd=project, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 300
        while "<html" not in fetch(base):
            if server.poll() is not None or time.time() > deadline:
                raise SystemExit("mkdocs serve did not start:\n" + server.stderr.read()[-3000:])
            time.sleep(0.2)
        time.sleep(2)  # let the first build's watcher settle
        lang, page = PAGE
        page_file = project / "docs" / lang / page
        page_address = base + ("" if only else f"{lang}/") + f"{page[:-3]}/"
        data_file, russian = checklist_text(project)
        data_address = base + CHECKLIST_PAGE[:-3] + "/"
        found = {"page": [], "data": []}
        for run in range(RUNS):
            marker = f"benchmark{run}x{int(time.time())}"
            for kind, path, old, new, address in (
                ("page", page_file, None, f"\n\nZq {marker} paragraph.\n", page_address),
                ("data", data_file, russian, f"{marker} {russian}", data_address),
            ):
                if only and kind == "data":
                    continue
                text = path.read_text(encoding="utf-8")
                changed = text + new if old is None else text.replace(old, new, 1)
                cpu = process_seconds(server.pid)
                start = time.perf_counter()
                save(path, changed)
                while marker not in fetch(address):
                    if time.perf_counter() - start > 120:
                        raise SystemExit(f"the {kind} change never showed at {address}")
                    time.sleep(0.05)
                found[kind].append((time.perf_counter() - start, process_seconds(server.pid) - cpu))
                save(path, text)  # undo, and let that rebuild pass
                while marker in fetch(address):
                    time.sleep(0.1)
                time.sleep(1)
        return found
    finally:
        server.terminate()
        server.wait(timeout=30)


def save(path, text):
    """Save a file as editors do, at once (a file being written could be read half-written)."""
    temporary = path.with_name(f".{path.name}.saving")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def checklist_text(project):
    """(data file, Russian text) of the first checklist item shown on CHECKLIST_PAGE, as written in its file."""
    sys.path.insert(0, str(project))
    from macros.catalogue import DEFAULT_LANGUAGE, load_catalogue

    source = (project / "docs" / DEFAULT_LANGUAGE / CHECKLIST_PAGE).read_text(encoding="utf-8")
    checklist = re.search(r'\{\{ checklist\("([\w-]+)"\) \}\}', source).group(1)
    entry = load_catalogue(project / "data").get("checklists", checklist)
    data_file = project / entry.file
    for item in entry.value["items"]:
        if data_file.read_text(encoding="utf-8").count(item["text"][DEFAULT_LANGUAGE]) == 1:
            return data_file, item["text"][DEFAULT_LANGUAGE]
    raise SystemExit(f"{entry.file}: no item of {checklist} has a text that stands once in the file")


def median(values):
    return statistics.median(values)


def report(with_macros, without, reloads, reloads_one):
    cold = [median(run[0][index] for run in with_macros) for index in (0, 1)]
    cold_without = [median(run[0][index] for run in without) for index in (0, 1)]
    warm = [median(run[1][index] for run in with_macros) for index in (0, 1)]
    warm_without = [median(run[1][index] for run in without) for index in (0, 1)]
    ratio_cpu = warm[1] / warm_without[1]
    reload_page = [median(value[index] for value in reloads["page"]) for index in (0, 1)]
    reload_data = [median(value[index] for value in reloads["data"]) for index in (0, 1)]
    reload_one = [median(value[index] for value in reloads_one["page"]) for index in (0, 1)]

    def verdict(ok):
        return "met" if ok else "**not met**"

    load = " / ".join(f"{value:.1f}" for value in os.getloadavg())
    return f"""# Build and reload times

Written by `python -m scripts.bench_build` on {time.strftime("%Y-%m-%d %H:%M")}: Python {platform.python_version()},
{os.cpu_count()} processors, load average {load} (1 / 5 / 15 minutes) at the end. Medians of {RUNS} runs, in seconds;
"processor" is the processor time of the building process, which other work on the machine does not inflate.

## Build, all languages

| | cold: first build of a process (wall / processor) | warm: each rebuild under `mkdocs serve` (wall / processor) |
|---|---|---|
| with macros | {cold[0]:.2f} / {cold[1]:.2f} | {warm[0]:.2f} / {warm[1]:.2f} |
| without macros (the same pages) | {cold_without[0]:.2f} / {cold_without[1]:.2f} | {warm_without[0]:.2f} / {warm_without[1]:.2f} |
| ratio | {cold[1] / cold_without[1]:.2f} | {ratio_cpu:.2f} |

Goal: a warm build with macros takes at most {RATIO_GOAL}× the same pages without macros (processor time): {verdict(ratio_cpu <= RATIO_GOAL)}.

## `mkdocs serve`: from saving a file to the page showing the change

| saved | wall / processor |
|---|---|
| a page (`docs/{PAGE[0]}/{PAGE[1]}`) | {reload_page[0]:.2f} / {reload_page[1]:.2f} |
| a data file (a checklist item shown on `{CHECKLIST_PAGE}`) | {reload_data[0]:.2f} / {reload_data[1]:.2f} |
| the same page, serving its language alone (`make serve ONLY={PAGE[0]}`) | {reload_one[0]:.2f} / {reload_one[1]:.2f} |

Goal: at most {RELOAD_GOAL:.0f} seconds: page {verdict(reload_page[0] <= RELOAD_GOAL)}, data {verdict(reload_data[0] <= RELOAD_GOAL)}, one language {verdict(reload_one[0] <= RELOAD_GOAL)}
(wall-clock; on a busy machine compare the processor time, which is what the rebuild itself costs).
"""


def main(output):
    with tempfile.TemporaryDirectory(prefix="hb-bench-") as folder:
        project = Path(folder) / "project"
        copy_project(project)
        print("building with macros …", file=sys.stderr)
        with_macros = time_builds(project / "mkdocs.yml", Path(folder) / "site-with")
        print("building without macros …", file=sys.stderr)
        without = time_builds(without_macros(project), Path(folder) / "site-without")
        print("timing mkdocs serve …", file=sys.stderr)
        reloads = time_reloads(project)
        print(f"timing mkdocs serve of {PAGE[0]} alone …", file=sys.stderr)
        reloads_one = time_reloads(project, only=PAGE[0])
    text = report(with_macros, without, reloads, reloads_one)
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ROOT / "bench" / "build.md")
