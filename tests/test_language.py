"""Each page is in the language it says it is in."""

import re

import pytest

from tests.sitetools import ROOT, built_pages, language_of_built, parse_page

KAZAKH_ONLY = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
WORD = re.compile(r"[\u0400-\u04FF]+(?:[-’'][\u0400-\u04FF]+)*")
# Words in Cyrillic that an English page may show as they are (one per line, with a reason).
EN_ALLOWED = {
    line.split("#")[0].strip()
    for line in (ROOT / "tests" / "wordlists" / "en-cyrillic.txt").read_text(encoding="utf-8").splitlines()
} - {""}


def kazakh_rate(text):
    letters = CYRILLIC.findall(text)
    return sum(ch in KAZAKH_ONLY for ch in letters) / max(len(letters), 1), len(letters)


@pytest.fixture(scope="module")
def pages(site):
    return [(path, language_of_built(site, path), parse_page(path)) for path in built_pages(site)]


def test_html_lang_matches_the_folder(pages, site):
    wrong = [f"{path.relative_to(site)}: lang={page.lang}, expected {lang}"
             for path, lang, page in pages if page.lang != lang]
    assert not wrong, "\n".join(wrong)


def test_kazakh_pages_are_in_kazakh(pages, site):
    for path, lang, page in pages:
        if lang != "kk":
            continue
        rate, letters = kazakh_rate(" ".join(page.article_text))
        assert letters > 20, f"{path.relative_to(site)}: almost no Cyrillic text"
        # Kazakh prose has several per cent of ә ғ қ ң ө ұ ү һ і; Russian has none.
        assert rate >= 0.03, f"{path.relative_to(site)}: Kazakh letters are {rate:.1%} of the text: is it Russian?"


def test_russian_pages_are_not_in_kazakh(pages, site):
    for path, lang, page in pages:
        if lang == "ru":
            rate, _ = kazakh_rate(" ".join(page.article_text))
            assert rate < 0.01, f"{path.relative_to(site)}: Kazakh letters are {rate:.1%} of the text"


def test_english_pages_have_no_cyrillic(pages, site):
    problems = []
    for path, lang, page in pages:
        if lang != "en":
            continue
        words = set(WORD.findall(" ".join(page.article_text))) - EN_ALLOWED
        if words:
            problems.append(f"{path.relative_to(site)}: {' '.join(sorted(words))}")
    assert not problems, "Cyrillic on English pages (mark it lang=… or list it in tests/wordlists/en-cyrillic.txt):\n" + "\n".join(problems)


def test_per_cent_is_written_one_way(pages, site):
    """`74%` on every page in every language: one way, and no space for a phone to break the line at."""
    spaced = [f"{path.relative_to(site)}: {match!r}" for path, lang, page in pages
              for match in re.findall(r"\d[ \u00a0\u202f]%", " ".join(page.article_text))]
    assert not spaced, "write 74%, not 74 %:\n" + "\n".join(spaced)
