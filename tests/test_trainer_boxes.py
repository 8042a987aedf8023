"""A step's "for trainers" box gives the webinar's length and then its parts: "**65 минут.** 10 минут — …".

A trainer plans the hour by these numbers, so the length must be what the parts add up to (a range: the sum of the
shorter and of the longer ends), and every language must give the same parts.
"""

import re

import pytest

from tests.sitetools import DOCS, LANGUAGES

MINUTES = {"ru": ("минут", " —"), "kk": ("минут", " —"), "en": ("minutes", ":")}  # the word, and what follows a part
STEPS = sorted(path.name for path in (DOCS / "ru" / "manual").glob("[0-9][0-9]-*.md"))


def boxes(lang, name):
    """[(length, [parts])] of one step page; a length or a part is (shortest, longest) in minutes."""
    word, mark = MINUTES[lang]
    length = re.compile(rf"^    \*\*(\d+)(?:–(\d+))? {word}[^*]*\*\*(.*)$", re.MULTILINE)
    part = re.compile(rf"(?:^|[.?)] )(\d+)(?:–(\d+))? {word}\w*{mark}")
    found = []
    for match in length.finditer((DOCS / lang / "manual" / name).read_text(encoding="utf-8")):
        parts = [(int(low), int(high or low)) for low, high in part.findall(match.group(3).strip())]
        found.append(((int(match.group(1)), int(match.group(2) or match.group(1))), parts))
    return found


def test_every_language_has_its_minute_words():
    assert set(MINUTES) == set(LANGUAGES), "add the word for minutes of the new language to MINUTES"


@pytest.mark.parametrize("name", STEPS)
def test_the_webinar_length_is_the_sum_of_its_parts(name):
    reference = boxes("ru", name)
    assert len(reference) == 1, f"ru/manual/{name}: one trainer box with a length expected, found {len(reference)}"
    for lang in LANGUAGES:
        found = boxes(lang, name)
        assert found == reference, f"{lang}/manual/{name}: the trainer box's minutes differ from ru: {found} ≠ {reference}"
        (low, high), parts = found[0]
        assert len(parts) >= 3, f"{lang}/manual/{name}: only {len(parts)} timed parts found"
        total = (sum(part[0] for part in parts), sum(part[1] for part in parts))
        assert (low, high) == total, f"{lang}/manual/{name}: the box says {low}–{high} minutes, its parts add up to {total}"
