"""The standard's clauses, read from its pages: the annual self-assessment lists every one.

A clause is a paragraph of docs/<lang>/standard/NN-*.md that starts with `**N.M.**` (or `**N.M. Term**`). The
self-assessment sheet is derived from the pages, so it never misses or invents a clause.
"""

import re
from dataclasses import dataclass
from pathlib import Path

CLAUSE = re.compile(r"^\*\*(\d+\.\d+)\.(?:\*\*|\s)\s*(.*)$", re.MULTILINE)
TITLE = re.compile(r"^#\s+(.+?)\s*(\{#[^}]*\})?\s*$", re.MULTILINE)
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
BOLD_LEAD = re.compile(r"(?:\*\*)?[^*]+[.:]\*\*\s")  # `**Term.** …`, or `Term.** …` after `**N.M.`
LABEL_LENGTH = 110


@dataclass(frozen=True)
class Clause:
    number: str
    summary: str


@dataclass(frozen=True)
class Section:
    title: str
    clauses: tuple


def summary(text):
    """The clause's first sentence without Markdown, cut at a word near LABEL_LENGTH characters.

    A clause that opens with a bold lead (`**Полиция.** Если …`) keeps the lead and the sentence after it, so that a
    row never reads as one word."""
    text = LINK.sub(r"\1", text)
    lead = BOLD_LEAD.match(text)
    text = text.replace("**", "").replace("*", "").strip()
    first, *rest = re.split(r"(?<=[.:;])\s", text, maxsplit=2 if lead else 1)
    sentence = f"{first} {rest[0]}" if lead and rest else first
    sentence = sentence.rstrip(":;")
    if len(sentence) > LABEL_LENGTH:
        sentence = sentence[:LABEL_LENGTH].rsplit(" ", 1)[0] + " …"
    return sentence


def sections(docs_dir, lang):
    """Every numbered section of the standard in one language, with its clauses in order."""
    found = []
    for path in sorted((Path(docs_dir) / lang / "standard").glob("[0-9][0-9]-*.md")):
        text = path.read_text(encoding="utf-8")
        title = TITLE.search(text)
        clauses = tuple(Clause(match.group(1), summary(match.group(2))) for match in CLAUSE.finditer(text))
        if clauses:
            found.append(Section(title.group(1) if title else path.stem, clauses))
    return found
