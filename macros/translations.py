"""Which translations are behind their Russian source.

Russian is written first; every other language is translated from it. translations.lock (at the root)
records, for every translated page and data text, a hash of the Russian text it was translated from
(one line: the hash, what, the languages). When the Russian changes, its hash no longer matches: the translation
is behind until someone brings it up to date and marks it again (`make mark-translated PAGE=…`).
The model is OpenTelemetry's `default_lang_commit`, kept beside the texts instead of in each page,
and by content instead of by commit, so that it survives moves, merges and edits elsewhere in a file.

What is recorded:
- a page: `docs/<path>` (the same path in every language), hashed over the whole Russian page;
- a data text: `data/<kind>/<entry id>/<path in the entry>` (list items by their id where they have
  one), hashed over the Russian string. Entry ids are unique within a kind, so an entry may move
  between files without being re-marked.

The build shows a short note (data/ui.yml `translation-behind`) on a translated page whose Russian
changed since it was marked, or that shows such a data text; `make drift` lists those and what was
never marked.
"""

import hashlib
import html
import re
from dataclasses import dataclass
from pathlib import Path

from .catalogue import DEFAULT_LANGUAGE, LANGUAGES, SCHEMAS

LOCK = "translations.lock"
HEADER = """\
# Which version of the Russian text each translation was made from (macros/translations.py).
# One line per page or data text: the hash of the Russian text, what, the languages translated from it.
# Written by `make mark-translated PAGE=…`; read by the build and by `make drift`. Do not edit by hand.
"""
MACRO_CALL = re.compile(r"\{\{\s*(\w+)\(\s*(?:\"([^\"]*)\")?\s*\)\s*\}\}")


def digest(text):
    """The hash of a Russian text: its lines without trailing spaces, without blank lines at the end."""
    lines = [line.rstrip() for line in text.strip("\n").splitlines()]
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Item:
    """One translatable thing: a page or a data text."""
    key: str        # docs/manual/01-founding-team.md, data/checklists/step-01-team/items/write-aims/text
    file: str       # where the Russian is: docs/ru/…, data/….yml
    source: str     # the hash of the Russian text now
    entry: str = ""  # for data texts: "<kind> '<id>'" and where in it, for people


def _texts(value, path):
    """(path, text mapping) for every text inside an entry's value."""
    if isinstance(value, dict):
        if set(value) == set(LANGUAGES) and all(isinstance(text, str) for text in value.values()):
            yield path, value
            return
        for key, item in value.items():
            yield from _texts(item, f"{path}/{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            name = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else index
            yield from _texts(item, f"{path}/{name}")


def items(project, catalogue):
    """Every translatable page and data text of the project, with the hash of its Russian now."""
    docs = Path(project) / "docs" / DEFAULT_LANGUAGE
    found = [Item(f"docs/{path.relative_to(docs).as_posix()}", f"docs/{DEFAULT_LANGUAGE}/{path.relative_to(docs).as_posix()}",
                  digest(path.read_text(encoding="utf-8")))
             for path in sorted(docs.rglob("*.md"))]
    for kind, entry in _entries(catalogue):
        for path, text in _texts(entry.value, ""):
            found.append(Item(f"data/{kind}/{entry.id}{path}", entry.file, digest(text[DEFAULT_LANGUAGE]),
                              f"{kind} '{entry.id}'{path.replace('/', ' ', 1)}"))
    return found


def _entries(catalogue):
    for kind in SCHEMAS:
        for entry in catalogue.all(kind):
            yield kind, entry


def read_lock(project):
    """{(language, key): hash} as recorded in translations.lock (empty if there is none)."""
    path = Path(project) / LOCK
    if not path.exists():
        return {}
    recorded = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split()
        if len(parts) != 3:
            raise ValueError(f"{LOCK}:{number}: expected 'hash what languages', got {line!r}")
        source, key, languages = parts
        for lang in languages.split(","):
            recorded[lang, key] = source
    return recorded


def write_lock(project, recorded):
    grouped = {}
    for (lang, key), source in recorded.items():
        grouped.setdefault((key, source), []).append(lang)
    order = {lang: index for index, lang in enumerate(LANGUAGES)}
    lines = [f"{source} {key} {','.join(sorted(langs, key=lambda lang: order.get(lang, len(order))))}"
             for (key, source), langs in sorted(grouped.items())]
    (Path(project) / LOCK).write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")


@dataclass(frozen=True)
class Behind:
    lang: str
    item: Item
    why: str  # "changed" (the Russian changed since) or "never marked"

    def line(self):
        where = f"{self.item.file}: {self.item.entry}" if self.item.entry else f"docs/{self.lang}/{self.item.key[len('docs/'):]}"
        return f"{self.lang}  {where}  ({self.why})"


def behind(project, catalogue):
    """Every translation whose Russian is not the one it was marked against, in file order."""
    recorded = read_lock(project)
    found = []
    for item in items(project, catalogue):
        for lang in LANGUAGES[1:]:
            source = recorded.get((lang, item.key))
            if source != item.source:
                found.append(Behind(lang, item, "never marked" if source is None else "changed"))
    return found


def mark(project, catalogue, selectors, languages=None):
    """Record the Russian of now as the source of the translations the selectors name; return how many.

    A selector is `all`, a page (`docs/kk/manual/01-founding-team.md`: that language only;
    `docs/ru/…` or `manual/01-founding-team.md`: every language), a data file (`data/manual/step-01.yml`:
    its texts) or a data entry (`checklists/step-01-team`). `languages` limits the languages."""
    recorded = read_lock(project)
    every = items(project, catalogue)
    known = {item.key for item in every}
    recorded = {(lang, key): source for (lang, key), source in recorded.items() if key in known}  # drop the gone
    count = 0
    for selector in selectors:
        selector = selector.strip().rstrip("/")
        chosen, langs = _select(every, selector)
        if not chosen:
            raise ValueError(f"{selector}: no page, data file or data entry of that name")
        for item in chosen:
            for lang in langs:
                if languages is None or lang in languages:
                    recorded[lang, item.key] = item.source
                    count += 1
    write_lock(project, recorded)
    return count


def _select(every, selector):
    translated = LANGUAGES[1:]
    if selector == "all":
        return every, translated
    parts = selector.split("/")
    if parts[0] == "docs" and len(parts) > 2 and parts[1] in LANGUAGES:
        key = "docs/" + "/".join(parts[2:])
        return [item for item in every if item.key == key], translated if parts[1] == DEFAULT_LANGUAGE else (parts[1],)
    if selector.endswith(".md"):
        return [item for item in every if item.key == "docs/" + selector.removeprefix("docs/")], translated
    if selector.endswith(".yml"):
        return [item for item in every if item.entry and item.file == selector], translated
    key = "data/" + selector.removeprefix("data/")
    return [item for item in every if item.key == key or item.key.startswith(key + "/")], translated


# ---------- in the build ----------

_notes = {}  # project -> (what it was computed from, PageNotes)


def page_notes(project, catalogue):
    """PageNotes for a build, computed again only when the Russian pages, the data or the lock change
    (the i18n plugin configures the macros once per language; `mkdocs serve` rebuilds)."""
    project = Path(project).resolve()
    files = sorted((project / "docs" / DEFAULT_LANGUAGE).rglob("*.md")) + [project / LOCK]
    stamp = tuple((path, path.stat().st_mtime_ns) for path in files if path.exists())
    cached = _notes.get(project)
    if cached and cached[0] is catalogue and cached[1] == stamp:
        return cached[2]
    notes = PageNotes(project, catalogue)
    _notes[project] = (catalogue, stamp, notes)
    return notes


class PageNotes:
    """For the macros: which translated pages get the note."""

    def __init__(self, project, catalogue):
        # only what changed since it was marked: a text never marked (new, or before the lock existed) is
        # listed by `make drift` but gets no note, which would claim a change nobody recorded
        self.behind = {(entry.lang, entry.item.key) for entry in behind(project, catalogue) if entry.why == "changed"}
        self.entries = {}  # entry id -> keys of its texts, for the macro calls a page makes
        self.kinds = {}    # kind -> keys of its texts, for a call without id (glossary())
        for kind, entry in _entries(catalogue):
            keys = [f"data/{kind}/{entry.id}{path}" for path, _ in _texts(entry.value, "")]
            self.entries.setdefault(entry.id, []).extend(keys)
            self.kinds.setdefault(kind, []).extend(keys)

    def is_behind(self, lang, page_path, markdown_source):
        """Is this translated page (its own text, or a data text it shows) behind its Russian?"""
        if lang == DEFAULT_LANGUAGE:
            return False
        if (lang, f"docs/{page_path}") in self.behind:
            return True
        for name, entry_id in MACRO_CALL.findall(markdown_source):
            keys = self.entries.get(entry_id, []) if entry_id else self.kinds.get(name, [])
            if any((lang, key) in self.behind for key in keys):
                return True
        return False


def note(ui_text, link, link_text):
    """The note a page that is behind shows under its title: a paragraph of raw HTML."""
    return (f'<p class="hb-translation-behind" role="note">{html.escape(ui_text)} '
            f'<a href="{html.escape(link)}" hreflang="{DEFAULT_LANGUAGE}">{html.escape(link_text)}</a></p>')


def add_note(markdown, paragraph):
    """The page's Markdown with the note after its first heading (or at the top)."""
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[: index + 1] + ["", paragraph, ""] + lines[index + 1:])
    return paragraph + "\n\n" + markdown
