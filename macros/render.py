"""Turn checked data entries into HTML for one language.

The markup lives in macros/templates/blocks.html (Jinja, autoescape on); this module
renders data texts as inline Markdown and hands entries to those templates. Each call
returns one line of HTML (no blank lines), so that Markdown passes it through untouched
wherever the macro call stands.
"""

import html
import re
from pathlib import Path

import jinja2
from markdown_it import MarkdownIt
from markupsafe import Markup

from . import flowchart as flowchart_svg
from . import wheel as wheel_svg
from .catalogue import LANGUAGES, PROFILE_ROWS

# Inline Markdown only: emphasis, code, escapes and entities; no block rules at all, so
# "1. Title" stays text and never becomes a list. Raw HTML in data is escaped.
_markdown = MarkdownIt("zero").enable(["emphasis", "backticks", "escape", "entity", "newline"])

_templates = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
)
_blocks = _templates.get_template("blocks.html")


def inline(text):
    """Inline Markdown (bold, italic) of a data text, as safe HTML on one line."""
    return Markup(_markdown.renderInline(text.strip()).replace("\n", " "))


def one_line(markup):
    """Drop the template's line breaks and indentation (they stand between tags)."""
    return re.sub(r"\n\s*", "", str(markup))


def attr(value):
    return html.escape(str(value), quote=True)


class Renderer:
    """Renders entries in one language, with the interface strings of data/ui.yml."""

    def __init__(self, catalogue, lang):
        self.catalogue = catalogue
        self.lang = lang
        self._module = _blocks.make_module({
            "t": self.t, "inline": inline, "ui": self.ui_text, "ui_raw": self.ui_template, "page_lang": lang,
        })

    def t(self, text):
        return inline(text[self.lang])

    def ui_template(self, ui_id):
        """An interface string as written, with its {placeholders} (for the scripts)."""
        return self.catalogue.get("ui", ui_id).value[self.lang]

    def ui_text(self, ui_id, **values):
        text = self.ui_template(ui_id)
        return text.format(**values) if values else text

    def ui(self, ui_id, **values):
        return attr(self.ui_text(ui_id, **values))

    def _render(self, macro, *args):
        return one_line(getattr(self._module, macro)(*args))

    def checklist(self, entry):
        return self._render("checklist", entry)

    def questions(self, entry):
        return self._render("questions", entry)

    def call_script(self, entry):
        return self._render("call_script", entry)

    def session(self, entry):
        return self._render("session", entry)

    def form(self, entry):
        return self._render("form", entry)

    def profile(self, entry):
        return self._render("profile", entry, PROFILE_ROWS)

    def flowchart(self, entry):
        value = entry.value
        nodes = [dict(node, text=node["text"][self.lang]) for node in value["nodes"]]
        edges = [dict(edge, label=edge["label"][self.lang]) if edge.get("label") else edge
                 for edge in value["edges"]]
        drawing = Markup(flowchart_svg.svg(nodes, edges, "hb-" + entry.id))
        text_alternative = Markup(flowchart_svg.text_alternative(nodes, edges))
        return self._render("flowchart", entry, drawing, text_alternative)

    def wheel(self, entry):
        value = entry.value
        drawing = Markup(wheel_svg.svg(value["centre"][self.lang],
                                       [spoke["title"][self.lang] for spoke in value["spokes"]],
                                       "hb-" + entry.id))
        return self._render("wheel", entry, drawing)

    def downloads(self, rows, href, caption, first_column):
        """A table of PDF files (macros/downloads.py, download_rows): a row per document with its title,
        what it is, and a link per language whose text is the file's title in its language; the pages
        and size after each link are written in after printing (scripts/chapter_pdfs.py)."""
        head = "".join(f'<th scope="col">{self.ui("glossary-" + lang)}</th>' for lang in LANGUAGES)
        body = []
        for titles, what, files in rows:
            if not files:
                body.append(f'<tr><th colspan="{len(LANGUAGES) + 1}" scope="colgroup">{self.t(titles)}</th></tr>')
                continue
            about = f"<br><small>{self.t(what)}</small>" if what else ""
            links = "".join(
                f'<td><a href="{attr(href(files[lang]))}" hreflang="{lang}" lang="{lang}" type="application/pdf" '
                f'download>{inline(titles[lang])}</a><br><small class="hb-downloads__facts" '
                f'data-pdf="{attr(files[lang])}"></small></td>'
                for lang in LANGUAGES)
            body.append(f'<tr><th scope="row">{self.t(titles)}{about}</th>{links}</tr>')
        return (f'<table data-downloads><caption>{attr(caption)}</caption><thead><tr>'
                f'<th scope="col">{self.ui(first_column)}</th>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>')

    def self_assessment(self, sections):
        return self._render("self_assessment", sections)

    def glossary(self, entries):
        entries = sorted(entries, key=lambda entry: sort_key(entry.value["term"][self.lang], self.lang))
        return self._render("glossary", entries, LANGUAGES)


KAZAKH_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"


def sort_key(term, lang):
    """Alphabetical order of the page's language (Kazakh letters in their place)."""
    term = term.lower().replace("ё", "е") if lang == "ru" else term.lower()
    if lang == "kk":
        return [KAZAKH_ALPHABET.find(ch) if ch in KAZAKH_ALPHABET else 100 + ord(ch) for ch in term]
    return [ord(ch) for ch in term]
