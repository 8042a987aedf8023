"""Print each part of the built site to one A4 PDF per language, with Debian's Chromium.

Usage: python -m scripts.chapter_pdfs SITE_DIR
Writes SITE_DIR/downloads/<part>-<lang>.pdf for every part (a folder of docs/<lang>/)
listed in macros/downloads.py, with the print styles: the part's pages, in the order of the
navigation, are joined into one document (each page starts a new sheet) and printed at once, so
that pages are numbered through the chapter. Links between pages of the chapter become links
inside the PDF; links to the rest of the site keep their text and lose their local address.
"""

import functools
import http.server
import sys
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


# Runs in the first page of a part: appends the articles of the other pages, one section each,
# makes ids unique per section and turns links into links inside the document.
JOIN_PAGES = """async (urls) => {
  const article = document.querySelector("article.md-content__inner");
  const sections = [];
  for (const [index, url] of urls.entries()) {
    let source = document;
    if (index > 0) {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      source = new DOMParser().parseFromString(await response.text(), "text/html");
    }
    const section = document.createElement("section");
    section.className = "hb-print-page";
    section.id = `page-${index}`;
    section.append(...source.querySelector("article.md-content__inner").childNodes);
    sections.push([section, url]);
  }
  const pageIndex = new Map(urls.map((url, index) => [new URL(url).pathname, index]));
  for (const [section, url] of sections) {
    for (const element of section.querySelectorAll("[id]")) element.id = `${section.id}-${element.id}`;
    for (const link of section.querySelectorAll("a[href]")) {
      const target = new URL(link.getAttribute("href"), url);
      if (target.origin !== location.origin) continue;
      const index = pageIndex.get(target.pathname);
      if (index === undefined) link.removeAttribute("href");
      else link.setAttribute("href", target.hash ? `#page-${index}-${target.hash.slice(1)}` : `#page-${index}`);
    }
    for (const image of section.querySelectorAll("img[src]")) image.src = new URL(image.getAttribute("src"), url).href;
    article.append(section);
  }
}"""


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


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site):
    """Serve the built site on 127.0.0.1 (a free port) in a background thread."""
    handler = functools.partial(QuietHandler, directory=str(site))
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
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page()
            for part in PARTS:
                for lang in LANGUAGES:
                    urls = [base + page_url(lang, p) for p in pages if p.startswith(part + "/")]
                    page.goto(urls[0])
                    page.evaluate(JOIN_PAGES, urls)
                    target = site / pdf_name(part, lang)
                    page.pdf(path=str(target), format="A4", display_header_footer=True,
                             header_template="<span></span>", footer_template=FOOTER,
                             margin={"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"})
                    written.append(target)
            browser.close()
    finally:
        httpd.shutdown()
    return written


if __name__ == "__main__":
    for path in build_pdfs(sys.argv[1] if len(sys.argv) > 1 else ROOT / "site"):
        print(path)
