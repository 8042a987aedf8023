"""Turn checked data entries into HTML for one language.

Each function returns one line of HTML (no blank lines), so that Markdown passes
it through untouched wherever the macro call stands.
"""

import html
import re

import markdown

from . import flowchart as flowchart_svg
from .catalogue import PROFILE_ROWS

_inline = markdown.Markdown()


def inline(text):
    """Inline Markdown (bold, italic) of a data text, as HTML without a <p>."""
    _inline.reset()
    out = _inline.convert(html.escape(text.strip(), quote=False))
    return re.sub(r"^<p>(.*)</p>$", r"\1", out, flags=re.DOTALL).replace("\n", " ")


def attr(value):
    return html.escape(str(value), quote=True)


def lines(count):
    """Empty writing lines: hidden on screen for questions, always drawn on forms."""
    return '<span class="hb-lines" aria-hidden="true">' + "<span></span>" * count + "</span>"


class Renderer:
    """Renders entries in one language, with the interface strings of data/ui.yml."""

    def __init__(self, catalogue, lang):
        self.catalogue = catalogue
        self.lang = lang

    def t(self, text):
        return inline(text[self.lang])

    def ui(self, ui_id, **values):
        text = self.catalogue.get("ui", ui_id).value[self.lang]
        return attr(text.format(**values) if values else text)

    def checklist(self, entry):
        cid, value = entry.id, entry.value
        total = len(value["items"])
        items = "".join(
            f'<li><input type="checkbox" id="hb-{cid}-{item["id"]}" data-item="{item["id"]}">'
            f'<label for="hb-{cid}-{item["id"]}">{self.t(item["text"])}</label></li>'
            for item in value["items"]
        )
        template = self.catalogue.get("ui", "checklist-progress").value[self.lang]
        return (
            f'<fieldset class="hb-checklist" data-checklist="{cid}" data-progress="{attr(template)}">'
            f'<legend class="hb-block-title">{self.t(value["title"])}</legend>'
            f'<ul class="hb-checklist__items">{items}</ul>'
            f'<div class="hb-checklist__tools hb-screen-only">'
            f'<span class="hb-checklist__progress" role="status" aria-live="polite">'
            f'{self.ui("checklist-progress", done=0, total=total)}</span>'
            f'<label class="hb-checklist__remember"><input type="checkbox" data-remember> '
            f'{self.ui("checklist-remember")}</label>'
            f'<button type="button" class="hb-button" data-clear>{self.ui("checklist-clear")}</button>'
            f"</div></fieldset>"
        )

    def questions(self, entry):
        items = []
        for item in entry.value["items"]:
            tag = ""
            if item["origin"] == "trainer":
                tag = f' <span class="hb-tag">{self.ui("question-trainer")}</span>'
            items.append(f'<li data-origin="{item["origin"]}">{self.t(item["text"])}{tag}{lines(3)}</li>')
        return (
            f'<div class="hb-questions" data-questions="{entry.id}">'
            f'<p class="hb-block-title">{self.t(entry.value["title"])}</p>'
            f'<ol class="hb-questions__items">{"".join(items)}</ol></div>'
        )

    def call_script(self, entry):
        value = entry.value
        parts = []
        for part in value["parts"]:
            say = ""
            if part.get("say"):
                phrases = "".join(f"<li>{self.t(phrase)}</li>" for phrase in part["say"])
                say = (f'<p class="hb-script__say-label">{self.ui("script-say")}</p>'
                       f'<ul class="hb-script__say">{phrases}</ul>')
            parts.append(
                f'<li class="hb-script__part" id="{entry.id}-{part["id"]}">'
                f'<p class="hb-script__part-title">{self.t(part["title"])}</p>'
                f'<p>{self.t(part["aim"])}</p>{say}</li>'
            )
        intro = f'<p>{self.t(value["intro"])}</p>' if value.get("intro") else ""
        return (
            f'<div class="hb-script" data-call-script="{entry.id}">'
            f'<p class="hb-block-title">{self.t(value["title"])}</p>{intro}'
            f'<ol class="hb-script__parts">{"".join(parts)}</ol></div>'
        )

    def session(self, entry):
        value = entry.value
        parts = "".join(
            f'<li class="hb-session__part" id="{entry.id}-{part["id"]}">'
            f'<p class="hb-session__part-title">{self.t(part["title"])} '
            f'<span class="hb-session__minutes">{self.ui("session-minutes", minutes=part["minutes"])}</span></p>'
            f'<p>{self.t(part["text"])}</p></li>'
            for part in value["parts"]
        )
        extras = "".join(
            f'<p class="hb-session__label">{self.ui("session-" + key)}</p><p>{self.t(value[key])}</p>'
            for key in ("homework", "safety") if value.get(key)
        )
        return (
            f'<div class="hb-session" data-session="{entry.id}">'
            f'<p class="hb-block-title">{self.t(value["title"])}</p>'
            f'<p class="hb-session__meta"><strong>{self.ui("session-aim")}</strong> {self.t(value["aim"])} '
            f'<span class="hb-session__minutes">{self.ui("session-minutes", minutes=value["minutes"])}</span></p>'
            f'<ol class="hb-session__parts">{parts}</ol>{extras}</div>'
        )

    def form(self, entry):
        value = entry.value
        intro = f'<p class="hb-form__intro">{self.t(value["intro"])}</p>' if value.get("intro") else ""
        fields = "".join(self._field(entry.id, field) for field in value["fields"])
        return (
            f'<div class="hb-form" data-form="{entry.id}" data-paper="{value.get("paper", "one-column")}">'
            f'<p class="hb-block-title">{self.t(value["title"])}</p>{intro}<div class="hb-form__fields">{fields}</div>'
            f'<p class="hb-screen-only"><button type="button" class="hb-button" data-print-form>'
            f'{self.ui("form-print")}</button></p></div>'
        )

    def _field(self, form_id, field):
        kind, fid = field["type"], f'hb-{form_id}-{field["id"]}'
        if kind == "heading":
            return f'<p class="hb-form__heading">{self.t(field["text"])}</p>'
        if kind == "note":
            return f'<p class="hb-form__note">{self.t(field["text"])}</p>'
        label = self.t(field["label"])
        if kind == "text":
            return (f'<div class="hb-field hb-field--text"><span class="hb-field__label">{label}</span>'
                    f'{lines(field.get("lines", 1))}</div>')
        if kind == "choice":
            options = "".join(
                f'<li><input type="checkbox" id="{fid}-{option["id"]}">'
                f'<label for="{fid}-{option["id"]}">{self.t(option["text"])}</label></li>'
                for option in field["options"]
            )
            return (f'<fieldset class="hb-field hb-field--choice"><legend>{label}</legend>'
                    f"<ul>{options}</ul></fieldset>")
        if kind == "table":
            head = "".join(f"<th>{self.t(column['text'])}</th>" for column in field["columns"])
            row = "<tr>" + "<td></td>" * len(field["columns"]) + "</tr>"
            return (f'<div class="hb-field hb-field--table"><p class="hb-field__label">{label}</p>'
                    f'<table class="hb-form__table"><thead><tr>{head}</tr></thead>'
                    f'<tbody>{row * field.get("rows", 8)}</tbody></table></div>')
        # scale: one box per number, with the meaning of both ends
        numbers = "".join(
            f'<label><input type="radio" name="{fid}" value="{n}"> {n}</label>'
            for n in range(field["min"], field["max"] + 1)
        )
        low = f'<span class="hb-scale__end">{self.t(field["low"])}</span>' if field.get("low") else ""
        high = f'<span class="hb-scale__end">{self.t(field["high"])}</span>' if field.get("high") else ""
        return (f'<fieldset class="hb-field hb-field--scale"><legend>{label}</legend>'
                f'<div class="hb-scale">{low}{numbers}{high}</div></fieldset>')

    def profile(self, entry):
        value = entry.value
        rows = "".join(
            f'<dt>{self.ui("profile-" + key.replace("_", "-"))}</dt><dd>{self.t(value["rows"][key])}</dd>'
            for key in PROFILE_ROWS if key in value["rows"]
        )
        return (
            f'<div class="hb-profile" data-profile="{entry.id}">'
            f'<p class="hb-block-title">{self.t(value["name"])}</p>'
            f'<p class="hb-profile__as-of">{self.t(value["as_of"])}</p><dl>{rows}</dl></div>'
        )

    def flowchart(self, entry):
        value = entry.value
        nodes = [dict(node, text=node["text"][self.lang]) for node in value["nodes"]]
        edges = [dict(edge, label=edge["label"][self.lang]) if edge.get("label") else edge
                 for edge in value["edges"]]
        return (
            f'<figure class="hb-flowchart" data-flowchart="{entry.id}">'
            f'<figcaption class="hb-block-title">{self.t(value["title"])}</figcaption>'
            f'<div class="hb-flowchart__drawing">{flowchart_svg.svg(nodes, edges, "hb-" + entry.id)}</div>'
            f'<details class="hb-flowchart__text"><summary>{self.ui("flowchart-text")}</summary>'
            f"{flowchart_svg.text_alternative(nodes, edges)}</details></figure>"
        )

    def wheel(self, entry):
        value = entry.value
        spokes = "".join(
            f'<li><strong>{self.t(spoke["title"])}</strong><ul>'
            + "".join(f"<li>{self.t(example)}</li>" for example in spoke["examples"])
            + "</ul></li>"
            for spoke in value["spokes"]
        )
        return (f'<figure class="hb-wheel" data-wheel="{entry.id}">'
                f'<figcaption class="hb-block-title">{self.t(value["title"])}</figcaption>'
                f'<p>{self.t(value["centre"])}</p><ul>{spokes}</ul></figure>')

    def downloads(self, parts, href):
        head = "".join(f"<th>{self.ui('glossary-' + lang)}</th>" for lang in ("ru", "kk", "en"))
        rows = "".join(
            f"<tr><td>{self.ui('download-' + part)}</td>"
            + "".join(f'<td><a href="{attr(href(part, lang))}" hreflang="{lang}" download>PDF</a></td>'
                      for lang in ("ru", "kk", "en"))
            + "</tr>"
            for part in parts
        )
        return (f'<table class="hb-downloads"><thead><tr><th>{self.ui("download-part")}</th>{head}</tr></thead>'
                f"<tbody>{rows}</tbody></table>")

    def glossary(self, entries):
        entries = sorted(entries, key=lambda entry: sort_key(entry.value["term"][self.lang], self.lang))
        head = "".join(f"<th>{self.ui('glossary-' + lang)}</th>" for lang in ("ru", "kk", "en"))
        rows = "".join(
            f'<tr id="term-{entry.id}">'
            + "".join(f'<td lang="{lang}">{inline(entry.value["term"][lang])}</td>' for lang in ("ru", "kk", "en"))
            + f'<td>{self.t(entry.value["definition"])}</td></tr>'
            for entry in entries
        )
        return (f'<table class="hb-glossary"><thead><tr>{head}'
                f'<th>{self.ui("glossary-definition")}</th></tr></thead><tbody>{rows}</tbody></table>')


KAZAKH_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"


def sort_key(term, lang):
    """Alphabetical order of the page's language (Kazakh letters in their place)."""
    term = term.lower().replace("ё", "е") if lang == "ru" else term.lower()
    if lang == "kk":
        return [KAZAKH_ALPHABET.find(ch) if ch in KAZAKH_ALPHABET else 100 + ord(ch) for ch in term]
    return [ord(ch) for ch in term]
