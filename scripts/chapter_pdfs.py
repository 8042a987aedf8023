"""Print the handbook's PDFs from the built site, with Debian's Chromium.

Usage: python -m scripts.chapter_pdfs [SITE_DIR]      (SITE_DIR defaults to site/)

Writes into SITE_DIR/downloads/, in every language (macros/downloads.py names the files):
- <part>-<lang>.pdf: one part of the handbook with a cover and a contents page; its pages in the
  order of the navigation, each starting a new sheet, numbered through the chapter;
- forms-<lang>.pdf and handouts-<lang>.pdf: every form, checklist, worksheet and script (and the
  participants' sheets apart), one per sheet, with a cover and contents;
- forms/<id>-<lang>.pdf: each of those alone (the first-call script as a card: one sheet, both sides);
- manifest.json: the pages and size of every file; the downloads pages are filled in from it.

Every PDF is tagged, has bookmarks for its headings, its title, language and author. The page
numbers of a contents page are read from the bookmarks of a first printing, then printed (or, when
the headings are those of the last printing, taken from it and checked against its bookmarks).

Only what changed is printed: each PDF is kept in a cache (scripts/pdf_cache.py, .cache/pdfs/)
under the hash of its print document, stylesheets and this code. PDF_CACHE=off prints everything;
PDF_WORKERS=N prints N at a time (default: the number of cores).
"""

import asyncio
import functools
import http.server
import json
import os
import re
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from macros.catalogue import LANGUAGES
from macros.downloads import MANIFEST
from scripts.browser import ARGS, CHROMIUM, check_chromium
from scripts.pdf_cache import Cache, key
from scripts.pdf_read import Pdf
from scripts.print_documents import Composer, Site, page_url

ROOT = Path(__file__).resolve().parent.parent
MARGIN = {"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"}
OPTIONS = {"format": "A4", "outline": True, "tagged": True, "margin": MARGIN}
PRINT_PATH = "/__print__/"

# Runs in a print document before printing. Each part ([data-url]: a page of a chapter, a sheet
# of a pack) came from its own page: its ids get the part's id in front, so that they stay unique,
# and everything that points at them follows; links to a page inside the document become links
# inside the PDF, links to the rest of the site lead to the published site.
FIXUP = """() => {
  const siteUrl = document.documentElement.dataset.siteUrl;
  const parts = [...document.querySelectorAll("[data-url]")];
  const inside = new Map(parts.map((part) => [new URL(part.dataset.url, location.origin).pathname, part.id]));
  for (const part of parts) {
    const base = new URL(part.dataset.url, location.origin);
    const rename = (id) => `${part.id}-${id}`;
    for (const element of part.querySelectorAll("[id]")) element.id = rename(element.id);
    for (const label of part.querySelectorAll("label[for]")) label.htmlFor = rename(label.htmlFor);
    for (const name of ["aria-labelledby", "aria-describedby", "aria-controls"]) {
      for (const element of part.querySelectorAll(`[${name}]`)) {
        element.setAttribute(name, element.getAttribute(name).trim().split(/\\s+/).map(rename).join(" "));
      }
    }
    for (const element of part.querySelectorAll("svg *")) {
      for (const attribute of [...element.attributes]) {
        if (attribute.value.includes("url(#")) {
          element.setAttribute(attribute.name, attribute.value.replace(/url\\(#([^)]+)\\)/g, (all, id) => `url(#${rename(id)})`));
        }
      }
    }
    for (const link of part.querySelectorAll("a[href]")) {
      const href = link.getAttribute("href");
      if (href.startsWith("#")) {
        link.setAttribute("href", href.length > 1 ? `#${rename(href.slice(1))}` : `#${part.id}`);
        continue;
      }
      const target = new URL(href, base);
      if (target.origin !== location.origin) continue;
      const id = inside.get(target.pathname);
      if (id !== undefined) link.setAttribute("href", target.hash ? `#${id}-${target.hash.slice(1)}` : `#${id}`);
      else link.setAttribute("href", new URL(target.pathname.slice(1) + target.hash, siteUrl).href);
    }
    for (const image of part.querySelectorAll("img[src]")) image.src = new URL(image.getAttribute("src"), base).href;
  }
  return Promise.all([...document.images].map((image) => image.decode().catch(() => null)))
    .then(() => document.fonts.ready).then(() => true);
}"""

# Puts another print document in place of the one in the page, when both load the same stylesheets.
SWAP = """(html) => {
  const next = new DOMParser().parseFromString(html, "text/html");
  const root = document.documentElement;
  for (const attribute of [...root.attributes]) root.removeAttribute(attribute.name);
  for (const attribute of [...next.documentElement.attributes]) root.setAttribute(attribute.name, attribute.value);
  document.title = next.title;
  const author = next.querySelector('meta[name="author"]').getAttribute("content");
  document.querySelector('meta[name="author"]').setAttribute("content", author);
  document.body.replaceWith(document.adoptNode(next.body));
}"""

# Writes the page numbers into the contents (the same width as the placeholder, so nothing moves).
FILL = """(numbers) => {
  for (const element of document.querySelectorAll("[data-mark]")) element.textContent = numbers[Number(element.dataset.mark)];
}"""


class PrintError(Exception):
    pass


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site as a static host does (a missing address answers 404 with the site's 404.html),
    and an empty page (PRINT_PATH) to write the print documents into."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self):
        if self.path != PRINT_PATH:
            return super().do_GET()
        data = b"<!doctype html><title></title>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def serve(site):
    """Serve the built site on 127.0.0.1 (a free port) in a background thread."""
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


# ---------- reading the printed PDF ----------

def mark_pages(data, marks, name=""):
    """The page of each heading the contents list: the bookmarks, matched in order by title."""
    def bare(text):  # a bookmark's title loses the spaces where its heading wrapped: compare without any
        return "".join(text.split())

    entries = [(bare(title), page) for title, page, _ in Pdf(data).bookmarks()]
    numbers, position = [], 0
    for mark in marks:
        wanted = bare(mark)
        start = position
        while position < len(entries) and entries[position][0] != wanted:
            position += 1
        if position == len(entries):
            raise PrintError(f"{name}: the heading {wanted!r} is not among the bookmarks after "
                             f"{entries[start - 1][0] if start else 'the start'!r}")
        numbers.append(entries[position][1])
        position += 1
    return numbers


def pdf_string(text):
    """A PDF text string (UTF-16 with its byte-order mark, as hex)."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def finish(data, job):
    """The author added to the document information (Chromium writes the title from <title>, the
    language from <html lang>), as an incremental update appended to the file: nothing before it is
    rewritten. Returns the PDF and its page count."""
    pdf = Pdf(data)
    number = pdf.reference(pdf.trailer, b"Info")
    if number is None:
        raise PrintError(f"{job.name}: the PDF has no document information")
    entries = re.sub(rb"/Author\s*(\((?:\\.|[^\\)])*\)|<[^>]*>)", b"", pdf.dictionary(number).strip()[2:-2])
    size = int(re.search(rb"/Size\s+(\d+)", pdf.trailer).group(1))
    previous = int(re.search(rb"startxref\s+(\d+)\s*%%EOF\s*$", data[-1024:]).group(1))
    rest = re.sub(rb"/(Size|Prev|Info)\s+\d+(\s+\d+\s+R)?", b"", pdf.trailer.strip()[2:-2]).strip()
    body = b"\n%d 0 obj\n<<%s /Author %s>>\nendobj\n" % (size, entries, pdf_string(job.author).encode())
    update = (b"xref\n%d 1\n%010d 00000 n \ntrailer\n<<%s /Size %d /Info %d 0 R /Prev %d>>\nstartxref\n%d\n%%%%EOF\n"
              % (size, len(data) + 1, rest, size + 1, size, previous, len(data) + len(body)))
    return data + body + update, {"pages": len(pdf.pages())}


# ---------- printing ----------

def print_options(job):
    return dict(OPTIONS, display_header_footer=bool(job.footer), header_template="<span></span>",
                footer_template=job.footer or "<span></span>")


def head_of(document):
    """The <head> of a print document without its title and author: the stylesheets, the same for all."""
    head = document[document.index("<head>"): document.index("</head>")]
    return re.sub(r"<title>.*?</title>|<meta name=\"author\"[^>]*>", "", head)


async def print_job(page, job, loaded, cache):
    # The first document is written into a page of the local server (set_content). The ones after it
    # only replace the body, the title and the attributes of <html>: the stylesheets stay as they are.
    if loaded.get("head") == head_of(job.document):
        await page.evaluate(SWAP, job.document)
    else:
        await page.set_content(job.document, wait_until="load")
        loaded["head"] = head_of(job.document)
    await page.evaluate(FIXUP)
    options = print_options(job)
    if not job.marks:
        return await asyncio.to_thread(finish, await page.pdf(**options), job)
    # The contents' page numbers: those of the last printing if its headings were the same (checked
    # below), else read from the bookmarks of a first printing, made without the footer, which moves
    # nothing (the margins are set) and takes a quarter of the time.
    numbers = cache.numbers(job.name, job.marks)
    if numbers:
        await page.evaluate(FILL, [str(number) for number in numbers])
    for _ in range(3):
        data = await page.pdf(**(options if numbers else dict(options, display_header_footer=False)))
        found = await asyncio.to_thread(mark_pages, data, job.marks, job.name)
        if found == numbers:
            cache.keep_numbers(job.name, job.marks, numbers)
            return await asyncio.to_thread(finish, data, job)
        numbers = found
        await page.evaluate(FILL, [str(number) for number in numbers])
    raise PrintError(f"{job.name}: the page numbers of the contents do not settle")


async def print_jobs(site_dir, jobs, workers, done, cache):
    from playwright.async_api import async_playwright

    queue = sorted(jobs, key=lambda job: job.weight, reverse=True)  # the long ones first
    httpd = serve(site_dir)
    try:
        async with async_playwright() as playwright:
            check_chromium()
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)

            async def worker():
                context = await browser.new_context()
                page = await context.new_page()
                await page.goto(f"http://127.0.0.1:{httpd.server_address[1]}{PRINT_PATH}")
                loaded = {}
                while queue:
                    job = queue.pop(0)
                    done(job, *await print_job(page, job, loaded, cache))
                await context.close()

            await asyncio.gather(*(worker() for _ in range(min(workers, len(queue)))))
            await browser.close()
    finally:
        httpd.shutdown()


# ---------- the downloads pages ----------

FACTS = re.compile(r'(<small class="hb-downloads__facts" data-pdf="([^"]+)">)(.*?)(</small>)', re.DOTALL)


def facts_text(site, lang, pages, size):
    from babel.numbers import format_decimal

    locale = {"en": "en_GB"}.get(lang, lang)
    if size < 1024 * 1024:
        amount = site.ui("download-kb", lang, size=max(1, round(size / 1024)))
    else:
        amount = site.ui("download-mb", lang, size=format_decimal(round(size / 1024 / 1024, 1), "0.0", locale=locale))
    if pages == 1:
        return site.ui("download-facts-one", lang, size=amount)
    return site.ui("download-facts", lang, pages=pages, size=amount)


def fill_downloads_pages(site, files):
    """Write the pages and size of each file into the downloads pages (placeholders of downloads())."""
    for lang in LANGUAGES:
        path = site.dir / page_url(lang, "toolkit/downloads.md") / "index.html"
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")

        def fill(match, lang=lang):
            known = files.get(match.group(2))
            facts = facts_text(site, lang, known["pages"], known["bytes"]) if known else ""
            return match.group(1) + facts + match.group(4)

        path.write_text(FACTS.sub(fill, text), encoding="utf-8")


# ---------- all of it ----------

@dataclass
class Report:
    written: list = field(default_factory=list)    # paths of the PDFs in the site
    printed: list = field(default_factory=list)    # names of the PDFs printed this time
    cached: list = field(default_factory=list)     # names of the PDFs taken from the cache
    seconds: float = 0.0
    workers: int = 1


def build_pdfs(site_dir, cache_dir=None, workers=None, project_dir=ROOT):
    """Print every PDF of a built site that the cache does not hold; return a Report."""
    started = time.monotonic()
    site = Site(site_dir, project_dir)
    jobs = Composer(site).jobs()
    cache = Cache(cache_dir)
    workers = workers or int(os.environ.get("PDF_WORKERS") or 0) or os.cpu_count() or 1
    report = Report(workers=workers)
    files, keys, to_print = {}, {}, []
    stylesheets = site.stylesheet_files()

    def place(job, data, meta):
        target = site.dir / job.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        files[job.name] = {"pages": meta["pages"], "bytes": len(data), "lang": job.lang, "title": job.title,
                           "sources": job.sources}
        report.written.append(target)

    for job in jobs:
        keys[job.name] = key(job, stylesheets, CHROMIUM, OPTIONS)
        hit = cache.get(keys[job.name])
        if hit:
            place(job, *hit)
            report.cached.append(job.name)
        else:
            to_print.append(job)

    def done(job, data, meta):
        cache.put(keys[job.name], data, meta)
        place(job, data, meta)
        report.printed.append(job.name)

    if to_print:
        asyncio.run(print_jobs(site.dir, to_print, workers, done, cache))
    manifest = site.dir / MANIFEST
    manifest.write_text(json.dumps({"edition": str(site.edition), "files": dict(sorted(files.items()))},
                                   ensure_ascii=False, indent=1), encoding="utf-8")
    fill_downloads_pages(site, files)
    cache.prune(keep_bytes=3 * sum(meta["bytes"] for meta in files.values()))
    report.seconds = time.monotonic() - started
    return report


if __name__ == "__main__":
    site_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    result = build_pdfs(site_dir)
    print(f"PDFs: {len(result.written)} in {site_dir / 'downloads'}; printed {len(result.printed)}, "
          f"{len(result.cached)} unchanged from the cache; {result.seconds:.1f} s, {result.workers} at a time")
