"""What the handbook offers as PDF files, and where each file is.

scripts/chapter_pdfs.py prints them after the build; the downloads() macro lists them on the
downloads page. Three sorts of file, each in every language:

- a chapter: one part of the handbook (a folder of docs/<lang>/), with a cover and contents;
- a pack: every form (worksheets are forms), checklist and conversation script of the handbook,
  one per sheet, with a cover and contents ("forms"); the sheets for participants ("handouts") in a
  pack of their own (the questions for reflection stay in the chapters, with their lines to write on);
- a sheet: each of those blocks alone, as its own file (the first-call script as a card: one sheet,
  printed on both sides).

The edition (mkdocs.yml `extra.edition`, a date) is printed on every cover and on the downloads page.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from . import siteconfig
from .siteconfig import read_config

# The parts printed as chapter PDFs: the navigation's parts (mkdocs.yml) but "about" (the handbook's own
# history and sources, read on screen).
NOT_PRINTED_PARTS = ("about",)
PARTS = tuple(part for part in siteconfig.PARTS if part not in NOT_PRINTED_PARTS)
# The list of files itself: on paper it would be links to nowhere and advice for the screen.
NOT_PRINTED = ("toolkit/downloads.md",)
PACKS = ("forms", "handouts")
# Macros that place a printable block on a page, and the data kind each one reads.
BLOCK_MACROS = {"form": "forms", "checklist": "checklists", "call_script": "call_scripts"}
# Call scripts printed as a card: one sheet (both sides) to keep by the telephone.
CARDS = ("step-14-first-call",)
# Written by the PDF script beside the files: pages and size of each, read by the tests.
MANIFEST = "downloads/manifest.json"

MACRO_CALL = re.compile(r"\{\{\s*(\w+)\(\s*\"([^\"]*)\"\s*\)\s*\}\}")


def pdf_name(part, lang):
    return f"downloads/{part}-{lang}.pdf"


def pack_name(pack, lang):
    return f"downloads/{pack}-{lang}.pdf"


def sheet_name(sheet_id, lang):
    return f"downloads/forms/{sheet_id}-{lang}.pdf"


def nav_pages(project_dir, config=None):
    """Page paths (the same in every language) in the order of the navigation."""
    return siteconfig.nav_pages(config or read_config(project_dir))


def part_pages(pages, part):
    """The pages printed in one chapter, in navigation order."""
    return [page for page in pages if page.startswith(part + "/") and page not in NOT_PRINTED]


@dataclass(frozen=True)
class Sheet:
    """A block of a page that is also printed alone and in a pack."""

    id: str      # the id of its file: the data id (a session's participant sheet: "<session id>-handout")
    kind: str    # data kind: forms, checklists, call_scripts, or sessions for a participant sheet
    entry: str   # the data id it is rendered from
    page: str    # the page that shows it first
    pack: str    # "forms", or "handouts" for sheets given to participants


def sheets(catalogue, project_dir, config=None):
    """Every form, checklist, script and participant sheet the pages show, in the
    order of the handbook (pages in navigation order, blocks in the order they stand)."""
    docs = Path(project_dir) / "docs" / siteconfig.DEFAULT_LANGUAGE  # the source language: the others follow it
    found, seen = [], set()
    for page in nav_pages(project_dir, config):
        path = docs / page
        if not path.is_file():
            continue
        for macro, entry_id in MACRO_CALL.findall(path.read_text(encoding="utf-8")):
            if macro in BLOCK_MACROS:
                kind = BLOCK_MACROS[macro]
                value = catalogue.get(kind, entry_id).value
                sheet = Sheet(entry_id, kind, entry_id, page,
                              "handouts" if value.get("audience") == "participant" else "forms")
            elif macro == "session" and catalogue.get("sessions", entry_id).value.get("homework"):
                # a session with homework has a participant sheet (macros/templates/blocks.html)
                sheet = Sheet(f"{entry_id}-handout", "sessions", entry_id, page, "handouts")
            else:
                continue
            if sheet.id not in seen:
                seen.add(sheet.id)
                found.append(sheet)
    return found


def sheet_title(catalogue, sheet, lang):
    """The title of a sheet in one language, as inline Markdown."""
    value = catalogue.get(sheet.kind, sheet.entry).value
    if sheet.kind == "sessions":
        return f"{catalogue.get('ui', 'handout-title').value[lang]}: {value['title'][lang]}"
    return value["title"][lang]


# Where CLDR's date for a language is not how its official texts write dates: Kazakh puts the year first,
# «2026 жылғы 7 желтоқсан», «2026 жылғы желтоқсан» (CLDR: «2026 ж. 7 желтоқсан»).
DATE_PATTERNS = {"kk": ("y 'жылғы' MMMM", "y 'жылғы' d MMMM")}


def edition_texts(date, lang):
    """The edition's name ("декабрь 2026") and its date ("7 декабря 2026 г.") in one language."""
    from babel.dates import format_date

    locale = {"en": "en_GB"}.get(lang, lang)
    month_pattern, date_pattern = DATE_PATTERNS.get(lang, ("LLLL y", "long"))
    name = format_date(date, month_pattern, locale=locale)
    if lang != "en":
        name = name[0].lower() + name[1:]
    return name, format_date(date, date_pattern, locale=locale)


def download_rows(section, catalogue, project_dir):
    """The rows of one table of the downloads page: (titles, what it is or None, files), titles
    and what it is by language, files by language; a row without files heads a group of rows.

    section: "chapters" (the parts), "packs" (the packs and the card), "sheets" (each sheet alone)."""
    ui = {entry.id: entry.value for entry in catalogue.all("ui")}
    languages = ui["pdf-language"].keys()
    found = sheets(catalogue, project_dir)
    if section == "chapters":
        return [(ui["download-" + part], None, {lang: pdf_name(part, lang) for lang in languages}) for part in PARTS]
    if section == "packs":
        rows = [(ui["pdf-" + pack], ui[f"download-{pack}-what"], {lang: pack_name(pack, lang) for lang in languages})
                for pack in PACKS if any(sheet.pack == pack for sheet in found)]
        rows += [({lang: sheet_title(catalogue, sheet, lang) for lang in languages}, ui["download-card-what"],
                  {lang: sheet_name(sheet.id, lang) for lang in languages})
                 for sheet in found if sheet.id in CARDS]
        return rows
    if section == "sheets":
        rows, part = [], None
        for sheet in found:
            if sheet.page.split("/")[0] != part:
                part = sheet.page.split("/")[0]
                rows.append((ui["download-" + part], None, None))
            rows.append(({lang: sheet_title(catalogue, sheet, lang) for lang in languages}, None,
                         {lang: sheet_name(sheet.id, lang) for lang in languages}))
        return rows
    raise ValueError(f"downloads(\"{section}\"): the sections are chapters, packs and sheets")
