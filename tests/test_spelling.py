"""Spelling, with Debian's hunspell dictionaries ru_RU, kk_KZ and en_GB.

Russian and English must be clean but for the words in tests/wordlists/<lang>.txt
(each with a reason). The Kazakh dictionary misses many inflected forms, so Kazakh
is judged page by page, by the share of running words it does not know: real
Kazakh pages score 10-25 %, Russian text left untranslated scores about 90 %.
The unknown words are listed for a human to read.
"""

import re
import shutil
import subprocess
from collections import Counter

import pytest

from tests.sitetools import ROOT, built_pages, language_of_built, parse_page

DICTIONARIES = {"ru": "ru_RU", "kk": "kk_KZ", "en": "en_GB"}
CYRILLIC = "А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі"
KAZAKH_LETTERS = set("ӘәҒғҚқҢңӨөҰұҮүҺһІі")
WORDS = {
    # Russian pages name Kazakh organisations in Kazakh («Қамқорлық»): such words are matched whole, then skipped
    "ru": re.compile(rf"[{CYRILLIC}]+(?:-[{CYRILLIC}]+)*"),
    "kk": re.compile(rf"[{CYRILLIC}]+(?:-[{CYRILLIC}]+)*"),
    "en": re.compile(r"(?<![0-9])[A-Za-zÀ-ÖØ-öø-ÿ]+(?:['’][a-z]+)?"),  # not the "th" of "60th"
}
KAZAKH_UNKNOWN_LIMIT = 0.30  # share of a page's running words the dictionary does not know


def word_list(lang):
    path = ROOT / "tests" / "wordlists" / f"{lang}.txt"
    if not path.exists():
        return set()
    return {line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines()} - {""}


def listed(word, entries):
    """In the word list: the word itself, or a stem written `stem*` plus up to three
    letters of ending (Даулет* covers Даулета, Даулету, Даулетом)."""
    return word in entries or any(
        entry.endswith("*") and word.startswith(entry[:-1]) and len(word) - len(entry) + 1 <= 3
        for entry in entries)


def unknown_words(lang, words):
    """The given words that hunspell does not know. It checks a hyphenated word
    part by part and names only the part, so map parts back to whole words."""
    result = subprocess.run(["hunspell", "-d", DICTIONARIES[lang], "-l"], input="\n".join(words),
                            capture_output=True, text=True, check=True)
    reported = set(result.stdout.split())
    return {word for word in words if word in reported or reported.intersection(word.split("-"))}


@pytest.fixture(scope="module")
def texts(site):
    if not shutil.which("hunspell"):
        pytest.fail("hunspell is missing: run `make test`, which installs it")
    by_lang = {"ru": Counter(), "kk": Counter(), "en": Counter()}
    by_page = {}
    where = {}
    for path in built_pages(site):
        lang = language_of_built(site, path)
        text = " ".join(parse_page(path).article_text).replace("’", "'")
        page = by_page[path.relative_to(site).as_posix()] = Counter(WORDS[lang].findall(text))
        by_lang[lang].update(page)
        for word in page:
            where.setdefault((lang, word), path.relative_to(site).as_posix())
    return by_lang, where, by_page


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_spelling(texts, lang):
    counts, where, _ = texts
    words = sorted(word for word in counts[lang]
                   if len(word) > 1 and not KAZAKH_LETTERS.intersection(word))  # single letters are initials
    bases = {word: re.sub(r"'s$", "", word) for word in words}  # a possessive is right if its noun is
    unknown_bases = unknown_words(lang, sorted(set(bases.values())))
    entries = word_list(lang)
    unknown = {word for word, base in bases.items() if base in unknown_bases and not listed(base, entries)}
    # a capitalised word the dictionary knows in lower case is fine (start of a sentence)
    unknown = {w for w in unknown if not (w[0].isupper() and w.lower() not in unknown and w.lower() in counts[lang])}
    report = [f"{word} ({where[(lang, word)]})" for word in sorted(unknown)]
    assert not unknown, f"{len(unknown)} unknown {lang} words (fix, or add to tests/wordlists/{lang}.txt " \
                        "with a reason):\n" + "\n".join(report)


def test_kazakh_spelling_rate(texts, site):
    counts, _, by_page = texts
    entries = word_list("kk")
    unknown = {word for word in unknown_words("kk", sorted(counts["kk"])) if not listed(word, entries)}
    print(f"\nKazakh: {len(unknown)} of {len(counts['kk'])} distinct words unknown to kk_KZ")
    print(" ".join(sorted(unknown, key=lambda w: -counts["kk"][w])[:300]))
    rates = {}
    for page, words in by_page.items():
        if language_of_built(site, site / page) == "kk" and words:
            rates[page] = sum(n for word, n in words.items() if word in unknown) / sum(words.values())
    assert rates, "no Kazakh page was found"
    too_high = {page: f"{rate:.0%}" for page, rate in rates.items() if rate > KAZAKH_UNKNOWN_LIMIT}
    assert not too_high, f"Kazakh pages where the dictionary knows too few words (untranslated?): {too_high}"
