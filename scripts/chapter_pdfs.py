"""Print each part of the built site to one A4 PDF per language, with Debian's Chromium.

Usage: python -m scripts.chapter_pdfs SITE_DIR
Writes SITE_DIR/downloads/<part>-<lang>.pdf for every part (a folder of docs/<lang>/)
listed in macros/downloads.py, pages in the order of the navigation, with the print styles.
"""

import functools
import http.server
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import yaml

from macros.downloads import PARTS, pdf_name

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
LANGUAGES = ("ru", "kk", "en")
FOOTER = ('<div style="font-size:8pt;width:100%;padding:0 15mm;display:flex;justify-content:space-between;'
          'font-family:sans-serif;color:#555"><span class="title"></span>'
          '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>')


def nav_pages():
    """Page paths (ru/kk/en alike) in navigation order, from mkdocs.yml."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                yield from walk(value)
            else:
                yield value

    return list(walk(config["nav"]))


def page_url(lang, md_path):
    stem = md_path[: -len(".md")]
    stem = stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
    return ("" if lang == "ru" else f"{lang}/") + stem


def serve(site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def build_pdfs(site):
    from playwright.sync_api import sync_playwright

    site = Path(site)
    (site / "downloads").mkdir(exist_ok=True)
    pages = nav_pages()
    httpd = serve(site)
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    written = []
    try:
        with sync_playwright() as playwright, tempfile.TemporaryDirectory() as tmp:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page()
            for part in PARTS:
                for lang in LANGUAGES:
                    singles = []
                    for number, md_path in enumerate(p for p in pages if p.startswith(part + "/")):
                        page.goto(base + page_url(lang, md_path))
                        single = Path(tmp) / f"{part}-{lang}-{number:03}.pdf"
                        page.pdf(path=str(single), format="A4", display_header_footer=True,
                                 header_template="<span></span>", footer_template=FOOTER,
                                 margin={"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"})
                        singles.append(str(single))
                    target = site / pdf_name(part, lang)
                    if len(singles) == 1:
                        Path(singles[0]).replace(target)
                    else:
                        subprocess.run(["pdfunite", *singles, str(target)], check=True)
                    written.append(target)
            browser.close()
    finally:
        httpd.shutdown()
    return written


if __name__ == "__main__":
    for path in build_pdfs(sys.argv[1] if len(sys.argv) > 1 else ROOT / "site"):
        print(path)
