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
SHORT_OPENING = 3  # words of an opening its list completes: «Ведущий должен:», «Завершение программы.»
LABEL_LENGTH = 250  # a longer first sentence is cut only where a clause ends (`;` or `:`), never inside one


@dataclass(frozen=True)
class Clause:
    number: str
    summary: str
    table: bool = False  # the clause is one sentence that introduces a table: the row says the table is in the clause


@dataclass(frozen=True)
class Section:
    title: str
    clauses: tuple


OPENING, CLOSING = "([«“", ")]»”"
ABBREVIATION = re.compile(r"(?:^|[\s(])(?:No|no|см|ст|гг|etc|cf|e\.g|i\.e|\w)\.$")  # `No.`, `см.`, `т. е.`: no sentence end
LIST_ITEM = re.compile(r"\A\s*\n(?:\s*\n)*(?:- |\d+\. )(.*)")
NEXT_ITEM = re.compile(r"\A\s*\n(?:\s*\n)*(?:- |\d+\. ).*\n(?:\s*\n)*(?:- |\d+\. )")  # the list has a second item
TABLE_NEXT = re.compile(r"\A\s*\n(?:\s*\n)*\|")


def top_level(text):
    """The (index, character) pairs of the text that stand outside brackets and quotes."""
    depth = 0
    for index, char in enumerate(text):
        if char in OPENING:
            depth += 1
        elif char in CLOSING:
            depth = max(depth - 1, 0)
        elif depth == 0:
            yield index, char


def first_sentences(text, count):
    """The text up to the end of its `count`-th sentence: a `.` or `;` before a space, outside brackets and quotes,
    and not the full stop of an abbreviation (a `:` goes on to what it introduces)."""
    for index, char in top_level(text):
        if char in ".;" and text[index + 1:index + 2] in (" ", "\n"):
            if char == "." and ABBREVIATION.search(text[:index + 1]):
                continue
            count -= 1
            if count == 0:
                return text[:index + 1]
    return text


def shorten(sentence):
    """The sentence, or, when it is longer than LABEL_LENGTH, its part up to the last `;` or `:` outside brackets
    and quotes before that length. A row is never cut inside a clause: in Kazakh the verb, and with it a negation,
    comes last, so a cut inside a clause can make a row say the opposite of its clause."""
    if len(sentence) <= LABEL_LENGTH:
        return sentence
    boundary = max((index for index, char in top_level(sentence[:LABEL_LENGTH]) if char in ";:"), default=None)
    return sentence if boundary is None else sentence[:boundary] + " …"


def plain(text):
    return LINK.sub(r"\1", text).replace("**", "").replace("*", "").strip()


def summary(text, after=""):
    """The clause's first sentence without Markdown, shortened only where a clause ends (`shorten`).

    A clause that opens with a bold lead (`**Полиция.** Если …`) keeps the lead and the sentence after it, and a
    clause that only introduces a list (`Ведущий должен:`) keeps the list's first item (`after` is the text that
    follows the clause's line), so that a row never reads as one word."""
    lead = BOLD_LEAD.match(LINK.sub(r"\1", text))  # before `plain` removes the `**` it looks for
    sentence = first_sentences(plain(text), 2 if lead else 1).strip()
    item = LIST_ITEM.match(after)
    title = item and sentence.endswith(".") and sentence == plain(text) and len(sentence.split()) <= SHORT_OPENING
    if title:
        sentence = sentence[:-1] + ":"  # a title over a list («Завершение программы.») reads like «…:» + first item
    joined = sentence.endswith(":") and item
    if joined:
        item_text = plain(item.group(1))
        opening = first_sentences(item_text, 1).strip()
        item_lead = BOLD_LEAD.match(LINK.sub(r"\1", item.group(1)))  # «1. **Рабочая группа.** Руководитель …»
        first = first_sentences(item_text, 2).strip() if item_lead else opening
        if first[1:2].islower():  # «Оценивает …» → «оценивает …», an acronym stays as it is
            first = first[0].lower() + first[1:]
        if not title and len(sentence.split()) <= SHORT_OPENING and any(c == ":" for _, c in top_level(opening)):
            sentence = sentence[:-1]  # «Ведущий должен: знать: …» → «Ведущий должен знать: …»
        elif not title and item_lead and len(sentence.split()) > SHORT_OPENING:
            sentence = sentence[:-1]  # «…, организация: **Оценивает обстоятельства.**» → «…, организация оценивает …»
        sentence = f"{sentence} {first}"
    # the row shows only the first of several items (a second list item follows, or the sentence stops at a `;` of
    # «…: номер дела; дата обращения; …»): it ends in «…» so that it does not read as the whole clause
    more = bool(joined and NEXT_ITEM.match(after)) or sentence.endswith(";")
    row = shorten(sentence.rstrip(":;"))
    return row + " …" if more and not row.endswith(" …") else row


def clause(number, text, after):
    """A clause of the standard: its number, its row, and whether it only introduces the table that follows it
    («Обязанности сторон распределяются так:»), whose rows the sheet cannot repeat."""
    row = summary(text, after)
    return Clause(number, row, bool(TABLE_NEXT.match(after)) and row.rstrip(":;.") == plain(text).rstrip(":;."))


def sections(docs_dir, lang):
    """Every numbered section of the standard in one language, with its clauses in order."""
    found = []
    for path in sorted((Path(docs_dir) / lang / "standard").glob("[0-9][0-9]-*.md")):
        text = path.read_text(encoding="utf-8")
        title = TITLE.search(text)
        clauses = tuple(clause(match.group(1), match.group(2), text[match.end():]) for match in CLAUSE.finditer(text))
        if clauses:
            found.append(Section(title.group(1) if title else path.stem, clauses))
    return found
