"""The term base (data/glossary.yml, `avoid`) holds: no page or data text uses a word it forbids.

An exception stands on the same line as the word, with its reason: `<!-- term-ok: WORD: reason -->`
in a page, `# term-ok: WORD: reason` after a data line.
"""

import re

import pytest

from macros.catalogue import load_catalogue
from tests.sitetools import DOCS, ROOT

TERM_BASE = ROOT / "data" / "glossary.yml"


def avoided():
    """(lang, word, compiled pattern) for every word the term base forbids."""
    rules = []
    for entry in load_catalogue(ROOT / "data").all("glossary"):
        for item in entry.value.get("avoid", []):
            pattern = item.get("pattern") or re.escape(item["word"]) + r"\w*"
            rules.append((item["lang"], item["word"], re.compile(r"(?<![\w-])(?:" + pattern + ")", re.IGNORECASE)))
    return rules


def offending_lines(lang, word, pattern):
    """'file:line: text' for every line in the language's pages and in data/ that breaks the rule."""
    files = sorted((DOCS / lang).rglob("*.md")) + sorted(p for p in (ROOT / "data").rglob("*.yml") if p != TERM_BASE)
    found = []
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line) and f"term-ok: {word}" not in line:
                match = pattern.search(line)
                found.append(f"{path.relative_to(ROOT)}:{number}: …{line[max(0, match.start() - 40):match.end() + 40]}…")
    return found


RULES = avoided()


def test_the_term_base_forbids_words():
    assert RULES, "data/glossary.yml has no `avoid` entries: the term base is empty"


@pytest.mark.parametrize("lang, word, pattern", RULES, ids=[f"{lang}-{word}" for lang, word, _ in RULES])
def test_no_forbidden_word(lang, word, pattern):
    found = offending_lines(lang, word, pattern)
    assert not found, (f"the term base forbids «{word}» in {lang} (see data/glossary.yml); "
                       f"write the term it gives, or mark a reasoned exception with 'term-ok: {word}':\n"
                       + "\n".join(found[:30]))


def test_a_forbidden_word_is_found_and_an_exception_is_kept(tmp_path):
    rule = re.compile(r"(?<![\w-])(?:зорлы[қғ](?!-зомбылы))", re.IGNORECASE)
    assert rule.search("Зорлық үшін жауап береді")
    assert rule.search("өз зорлығы")
    assert not rule.search("зорлық-зомбылық үшін")
    assert not rule.search("зорлау")
