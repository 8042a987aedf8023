"""Shared helpers for the tests: build the site, read pages and their sources."""

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

from macros.siteconfig import DEFAULT_LANGUAGE, LANGUAGES, page_url  # languages: mkdocs.yml, default first

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def mkdocs_build(project_dir, site_dir):
    """Run a strict build; return the finished process (stdout and stderr merged)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f",
         str(Path(project_dir) / "mkdocs.yml"), "-d", str(site_dir)],
        check=False, cwd=project_dir, env=env, capture_output=True, text=True, timeout=900,
    )


def source_pages(lang):
    """Relative paths of the Markdown pages of one language."""
    base = DOCS / lang
    return sorted(p.relative_to(base).as_posix() for p in base.rglob("*.md"))


def built_dir(site, lang):
    return site if lang == DEFAULT_LANGUAGE else site / lang


def built_page(site, lang, md_path):
    """The built HTML file of a source page (directory URLs)."""
    return Path(site) / page_url(md_path, lang, DEFAULT_LANGUAGE) / "index.html"


def language_of_built(site, path):
    rel = path.relative_to(site).parts
    return rel[0] if rel and rel[0] in LANGUAGES and rel[0] != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


def built_pages(site):
    """Every page of the site (not assets, search or 404)."""
    for path in sorted(site.rglob("index.html")):
        if "assets" not in path.relative_to(site).parts:
            yield path


# ---------- reading Markdown sources ----------

FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
ANCHOR = re.compile(r"\{#([\w-]+)\}")
MACRO_CALL = re.compile(r"\{\{\s*(\w+)\(\s*(?:\"([^\"]*)\")?\s*\)\s*\}\}")
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s+([\w-]+)")
LINK = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


def outline(text):
    """What must match across languages: headings (level, anchor), macro calls,
    admonition types and link targets of one Markdown page."""
    headings, macros, admonitions, links = [], [], [], []
    in_fence = False
    for line in text.splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        match = HEADING.match(line)
        if match:
            anchor = ANCHOR.search(match.group(2))
            headings.append((len(match.group(1)), anchor.group(1) if anchor else None))
        macros.extend(MACRO_CALL.findall(line))
        match = ADMONITION.match(line)
        if match:
            admonitions.append(match.group(1))
        links.extend(target for target in LINK.findall(line) if not target.startswith(("http:", "https:", "mailto:", "tel:")))
    return {"headings": headings, "macros": macros, "admonitions": admonitions, "links": sorted(links)}


# ---------- reading built HTML ----------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def close(stack, tag):
    """Close `tag` on a stack of open elements (tuples whose first item is the tag name), and every element
    opened inside it that was left open (HTML lets <p>, <li>, ... end without a closing tag)."""
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][0] == tag:
            del stack[depth:]
            return


class PageParser(HTMLParser):
    """Collects ids, links, resource URLs, the <html lang> and the article text
    (without code, scripts, and passages marked with another language)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.links, self.resources = set(), [], []
        self.lang = None
        self.article_text = []
        self._stack = []  # (tag, inside article, text of this element is skipped)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href") is not None:
            self.links.append(attrs["href"])
        if tag in ("script", "img", "iframe", "source", "audio", "video", "embed") and attrs.get("src"):
            self.resources.append(attrs["src"])
        if tag == "link" and attrs.get("href") and attrs.get("rel") not in ("alternate", "canonical", "prev", "next"):
            self.resources.append(attrs["href"])
        if tag in VOID:
            return
        in_article, skipped = self._stack[-1][1:] if self._stack else (False, False)
        foreign = attrs.get("lang") not in (None, self.lang)
        self._stack.append((tag, in_article or tag == "article",
                            skipped or foreign or tag in ("script", "style", "code", "pre", "svg")))

    def handle_endtag(self, tag):
        close(self._stack, tag)

    def handle_data(self, data):
        if self._stack and self._stack[-1][1] and not self._stack[-1][2]:
            self.article_text.append(data)


def parse_page(path):
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


# ---------- reading PDFs ----------

def pdf_info(pdf):
    """What poppler's pdfinfo reads in a PDF (a path, or the bytes Playwright returns):
    {"pages": number of pages, "sizes": [(width, height) in points, one per page]}."""
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".pdf") as temporary:
        if isinstance(pdf, bytes):
            temporary.write(pdf)
            temporary.flush()
            pdf = temporary.name
        out = subprocess.run(["pdfinfo", "-f", "1", "-l", "100000", str(pdf)], capture_output=True, text=True,
                             check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", out, re.MULTILINE).group(1))
    sizes = [(float(w), float(h)) for w, h in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out, re.MULTILINE)]
    return {"pages": pages, "sizes": sizes}


def new_tab(chromium, viewport=None, **options):
    """A page in a fresh browser context (empty storage) whose `outside_requests` lists every request that
    leaves 127.0.0.1, the service worker's too (the context sees them). Close it with `tab.context.close()`."""
    context = chromium.new_context(viewport=viewport or {"width": 1280, "height": 900}, **options)
    tab = context.new_page()
    tab.outside_requests = []

    def record(request):
        if urlparse(request.url).hostname != "127.0.0.1" and not request.url.startswith(("data:", "blob:")):
            tab.outside_requests.append(request.url)

    context.on("request", record)
    return tab
