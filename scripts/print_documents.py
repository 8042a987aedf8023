"""The documents the PDF script prints, composed from the built site.

Each PDF is printed from one HTML document made here: the site's stylesheets, then (for a chapter
or a pack) a cover and a contents page, then the printed matter. A chapter is the articles of its
pages in navigation order, each starting a new sheet; a pack is every sheet of one kind (forms,
checklists, worksheets, scripts; or the participants' sheets), each on its own sheet; a sheet alone
is one block, as "print this form only" prints it. The document is all that decides the PDF
besides the stylesheets and this code, so its text is what the cache key is made of.
"""

import html
import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from macros import siteconfig
from macros.catalogue import DEFAULT_LANGUAGE, LANGUAGES, load_catalogue
from macros.downloads import (
    CARDS,
    PACKS,
    PARTS,
    edition_texts,
    nav_pages,
    pack_name,
    part_pages,
    pdf_name,
    read_config,
    sheet_name,
    sheets,
)

ROOT = Path(__file__).resolve().parent.parent
# Page numbers in the contents start as this placeholder, as wide as the numbers that replace it.
PLACEHOLDER = "000"
BLOCK_ATTRIBUTES = ("data-form", "data-checklist", "data-call-script")


@dataclass
class Job:
    """One PDF to print."""

    name: str                 # where it goes in the site, e.g. downloads/manual-kk.pdf
    lang: str
    title: str                # the document's title (the PDF's Title)
    author: str
    document: str             # the HTML printed
    footer: str               # Chromium's footer template; "" prints none
    marks: list = field(default_factory=list)  # titles of the headings whose pages the contents give, in order
    sources: list = field(default_factory=list)  # the pages (docs paths) it is made of

    @property
    def weight(self):
        return len(self.document)


def page_url(lang, md_path):
    """The site path of a page, from the site's root, e.g. kk/manual/ for manual/index.md in Kazakh."""
    return siteconfig.page_url(md_path, lang, DEFAULT_LANGUAGE)


def text_of(markup):
    """The text of an HTML fragment on one line (for titles and contents)."""
    markup = re.sub(r'<a class="headerlink".*?</a>', "", markup)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def article(page_html):
    start = page_html.index("<article")
    start = page_html.index(">", start) + 1
    return page_html[start: page_html.index("</article>", start)].strip()


HEADING = re.compile(r"<h([1-6])([^>]*)>(.*?)</h\1>", re.DOTALL)
ID = re.compile(r'\sid="([^"]*)"')


def headings(markup, levels=(1, 2)):
    """(level, id, text) of the headings of an article."""
    found = []
    for level, attributes, inner in HEADING.findall(markup):
        if int(level) in levels:
            anchor = ID.search(attributes)
            found.append((int(level), anchor.group(1) if anchor else None, text_of(inner)))
    return found


class _Blocks(HTMLParser):
    """Finds the outer HTML of the printable blocks (forms, checklists, scripts)."""

    def __init__(self, source):
        super().__init__(convert_charrefs=True)
        self.source = source
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", source)]
        self.found = []        # (attributes, outer HTML)
        self._open = None      # [tag, depth, start offset, attributes]

    def _offset(self):
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if self._open:
            if tag == self._open[0]:
                self._open[1] += 1
            return
        attributes = dict(attrs)
        if any(name in attributes for name in BLOCK_ATTRIBUTES):
            self._open = [tag, 1, self._offset(), attributes]

    def handle_endtag(self, tag):
        if not self._open or tag != self._open[0]:
            return
        self._open[1] -= 1
        if self._open[1] == 0:
            end = self.source.index(">", self._offset()) + 1
            self.found.append((self._open[3], self.source[self._open[2]:end]))
            self._open = None


def blocks(markup):
    parser = _Blocks(markup)
    parser.feed(markup)
    parser.close()
    return parser.found


def block_id(attributes):
    return next(attributes[name] for name in BLOCK_ATTRIBUTES if name in attributes)


TITLE = re.compile(r'<(p|legend|summary) class="hb-block-title">(.*?)</\1>', re.DOTALL)


def as_sheet(block, level, extra_class=""):
    """A block as printed on its own: its title a heading (in the PDF's bookmarks), a folded
    participant sheet unfolded, marked as the print target (see handbook.css, print)."""
    if block.startswith("<details"):
        block = "<div" + block[len("<details"): -len("</details>")] + "</div>"

    def title(match):
        heading = f'<h{level} class="hb-block-title hb-print-title">{match.group(2)}</h{level}>'
        if match.group(1) == "legend":
            return f'<legend class="hb-block-title">{heading}</legend>'
        return heading

    block = TITLE.sub(title, block, count=1)
    classes = ("hb-print-target " + extra_class).strip()
    return re.sub(r'class="', f'class="{classes} ', block, count=1)


class Site:
    """What the documents are made from: the built site, the data and mkdocs.yml."""

    def __init__(self, site_dir, project_dir=ROOT):
        self.dir = Path(site_dir)
        self.project = Path(project_dir)
        self.config = read_config(self.project)
        self.catalogue = load_catalogue(self.project / "data")
        self.pages = nav_pages(self.project, self.config)
        self.edition = self.config.get("extra", {}).get("edition")
        if not self.edition:
            raise SystemExit("mkdocs.yml: extra.edition (the edition's date) is missing")
        i18n = next(plugin["i18n"] for plugin in self.config["plugins"]
                    if isinstance(plugin, dict) and "i18n" in plugin)
        self.site_names = {language["locale"]: language.get("site_name") or self.config["site_name"]
                           for language in i18n["languages"]}
        home = self.read(DEFAULT_LANGUAGE, "index.md")
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', home)
        self.site_url = canonical.group(1) if canonical else "/"
        head = home[: home.index("</head>")]
        self.stylesheets = [self.root_path(href, "") for href in
                            re.findall(r'<link rel="stylesheet" href="([^"]+)"', head)]
        self.body = re.search(r"<body([^>]*)>", home).group(1)

    @staticmethod
    def root_path(href, page_path):
        """A link of a built page as a path from the site's root."""
        parts = (page_path + href).split("/")
        out = []
        for part in parts:
            if part == ".." and out:
                out.pop()
            elif part not in ("..", "."):
                out.append(part)
        return "/" + "/".join(out)

    def read(self, lang, md_path):
        return (self.dir / page_url(lang, md_path) / "index.html").read_text(encoding="utf-8")

    def ui(self, key, lang, **values):
        text = self.catalogue.get("ui", key).value[lang]
        return text.format(**values) if values else text

    def stylesheet_files(self):
        return [self.dir / href.lstrip("/") for href in self.stylesheets]

    def address(self, path=""):
        """The published address of a site path (site_url from mkdocs.yml or SITE_URL)."""
        return self.site_url.rstrip("/") + "/" + path


class Composer:
    """Makes the print documents of one built site."""

    def __init__(self, site):
        self.site = site

    # ---------- pieces ----------

    def document(self, lang, title, body, html_class="hb-print-doc"):
        site = self.site
        links = "".join(f'<link rel="stylesheet" href="{html.escape(href)}">' for href in site.stylesheets)
        return (f'<!doctype html><html lang="{lang}" class="{html_class}" data-site-url="{html.escape(site.address())}">'
                f'<head><meta charset="utf-8"><title>{html.escape(title)}</title>'
                f'<meta name="author" content="{html.escape(site.ui("pdf-author", lang))}">{links}</head>'
                f"<body{site.body}><div class=\"md-content\"><article class=\"md-content__inner md-typeset\">"
                f"{body}</article></div></body></html>")

    def cover(self, lang, title, path):
        site = self.site
        edition, date = edition_texts(site.edition, lang)
        facts = "".join(
            f"<div><dt>{html.escape(site.ui(key, lang))}</dt><dd>{html.escape(value)}</dd></div>"
            for key, value in (("pdf-edition", edition), ("pdf-date", date), ("pdf-online", site.address(path))))
        return (f'<section class="hb-print-cover">'
                f'<p class="hb-print-cover__site">{html.escape(site.site_names[lang])}</p>'
                f'<p class="hb-print-cover__title">{html.escape(title)}</p>'
                f'<p class="hb-print-cover__language">{html.escape(site.ui("pdf-language", lang))}</p>'
                f'<dl class="hb-print-cover__facts">{facts}</dl>'
                f'<p class="hb-print-cover__licence">{html.escape(site.ui("pdf-licence", lang))}</p></section>')

    def contents(self, lang, entries):
        """entries: (level, text, href, mark index)."""
        items = "".join(
            f'<li class="hb-print-toc__entry hb-print-toc__entry--{level}"><a href="{href}">'
            f'<span class="hb-print-toc__text">{html.escape(text)}</span>'
            f'<span class="hb-print-toc__page" data-mark="{mark}">{PLACEHOLDER}</span></a></li>'
            for level, text, href, mark in entries)
        return (f'<nav class="hb-print-toc"><h1 class="hb-print-toc__title">{html.escape(self.site.ui("pdf-contents", lang))}'
                f'</h1><ol class="hb-print-toc__list">{items}</ol></nav>')

    def footer(self, text):
        return ('<div style="font-size:8pt;width:100%;margin:0 15mm;display:flex;justify-content:space-between;'
                'gap:8mm;font-family:\'Noto Sans\',\'DejaVu Sans\',sans-serif;color:#555">'
                f'<span>{html.escape(text)}</span>'
                '<span style="white-space:nowrap"><span class="pageNumber"></span> / <span class="totalPages"></span>'
                '</span></div>')

    # ---------- documents ----------

    def chapter(self, part, lang):
        site = self.site
        title = site.ui("download-" + part, lang)
        edition, _ = edition_texts(site.edition, lang)
        sections, entries, marks = [], [], []
        for index, md_path in enumerate(part_pages(site.pages, part)):
            body = article(site.read(lang, md_path))
            for level, anchor, text in headings(body):
                href = f"#page-{index}" if level == 1 or not anchor else f"#page-{index}-{anchor}"
                entries.append((level, text, href, len(marks)))
                marks.append(text)
            sections.append(f'<section class="hb-print-page" id="page-{index}" '
                            f'data-url="/{page_url(lang, md_path)}">{body}</section>')
        document_title = f"{title} — {site.site_names[lang]}"
        body = (self.cover(lang, title, page_url(lang, part + "/index.md")) + self.contents(lang, entries)
                + "".join(sections))
        return Job(pdf_name(part, lang), lang, document_title, site.ui("pdf-author", lang),
                   self.document(lang, document_title, body),
                   self.footer(f"{site.site_names[lang]} · {title} · {edition}"), marks,
                   part_pages(site.pages, part))

    def sheets_of(self, lang):
        """(Sheet, its block's HTML, the title of its page) of every sheet, from the built pages of one language."""
        site = self.site
        wanted = {sheet.id: sheet for sheet in sheets(site.catalogue, site.project, site.config)}
        found = {}
        for md_path in dict.fromkeys(sheet.page for sheet in wanted.values()):
            body = article(site.read(lang, md_path))
            page_title = next((text for level, _, text in headings(body) if level == 1), "")
            for attributes, markup in blocks(body):
                sheet = wanted.get(block_id(attributes))
                if sheet and sheet.id not in found:
                    found[sheet.id] = (sheet, markup, page_title)
        missing = [f"{sheet_id} ({wanted[sheet_id].page})" for sheet_id in wanted if sheet_id not in found]
        if missing:  # the Russian page shows them, this language's does not (the parity tests fail too)
            print(f"warning: not on the {lang} pages, not printed: {', '.join(missing)}", file=sys.stderr)
        return [found[sheet_id] for sheet_id in wanted if sheet_id in found]

    def pack(self, pack, lang, found):
        site = self.site
        title = site.ui("pdf-" + pack, lang)
        edition, _ = edition_texts(site.edition, lang)
        chosen = [item for item in found if item[0].pack == pack]
        if not chosen:
            return None
        sections, entries, marks, last_page = [], [], [], None
        for index, (sheet, markup, page_title) in enumerate(chosen):
            if sheet.page != last_page:
                entries.append((1, page_title, f"#sheet-{index}", len(marks)))
                last_page = sheet.page
            extra = "hb-print-card" if sheet.id in CARDS else ""
            block = as_sheet(markup, 1, extra)
            sheet_title = text_of(TITLE.search(markup).group(2))
            entries.append((2, sheet_title, f"#sheet-{index}", len(marks)))
            marks.append(sheet_title)
            sections.append(f'<section class="hb-print-sheet" id="sheet-{index}" '
                            f'data-url="/{page_url(lang, sheet.page)}">'
                            f'<p class="hb-print-sheet__source">{html.escape(page_title)}</p>{block}</section>')
        document_title = f"{title} — {site.site_names[lang]}"
        body = self.cover(lang, title, page_url(lang, "toolkit/downloads.md")) + self.contents(lang, entries) + "".join(sections)
        return Job(pack_name(pack, lang), lang, document_title, site.ui("pdf-author", lang),
                   self.document(lang, document_title, body),
                   self.footer(f"{site.site_names[lang]} · {title} · {edition}"), marks,
                   list(dict.fromkeys(sheet.page for sheet, _, _ in chosen)))

    def sheet(self, lang, sheet, markup):
        site = self.site
        edition, _ = edition_texts(site.edition, lang)
        card = sheet.id in CARDS
        block = as_sheet(markup, 1, "hb-print-card" if card else "")
        title = text_of(TITLE.search(markup).group(2))
        document_title = f"{title} — {site.site_names[lang]}"
        leaflet = 'data-paper="two-columns"' in markup[: markup.index(">")]
        body = block.replace(">", f' data-url="/{page_url(lang, sheet.page)}" id="sheet">', 1)
        footer = "" if leaflet else self.footer(f"{site.site_names[lang]} · {edition} · {site.address(page_url(lang, sheet.page))}")
        return Job(sheet_name(sheet.id, lang), lang, document_title, site.ui("pdf-author", lang),
                   self.document(lang, document_title, body, "hb-print-doc hb-print-one"), footer, [],
                   [sheet.page])

    def jobs(self):
        jobs = []
        for lang in LANGUAGES:
            jobs.extend(self.chapter(part, lang) for part in PARTS)
            found = self.sheets_of(lang)
            jobs.extend(job for job in (self.pack(pack, lang, found) for pack in PACKS) if job)
            jobs.extend(self.sheet(lang, sheet, markup) for sheet, markup, _ in found)
        return jobs
