"""The three languages carry the same handbook: same pages, same structure, same data calls."""

import pytest

from tests.sitetools import DOCS, LANGUAGES, outline, source_pages

PAGES = source_pages("ru")


def test_same_pages_in_every_language():
    expected = set(PAGES)
    for lang in LANGUAGES:
        pages = set(source_pages(lang))
        assert pages - expected == set(), f"{lang} has pages that ru lacks: {sorted(pages - expected)}"
        assert expected - pages == set(), f"{lang} lacks pages: {sorted(expected - pages)}"


@pytest.mark.parametrize("page", PAGES)
def test_same_outline_macros_admonitions_and_links(page):
    reference = outline((DOCS / "ru" / page).read_text(encoding="utf-8"))
    assert reference["headings"] and reference["headings"][0][0] == 1, f"ru/{page}: must start with one h1"
    for lang in LANGUAGES[1:]:
        path = DOCS / lang / page
        if not path.is_file():
            pytest.fail(f"{lang}/{page} is missing")
        other = outline(path.read_text(encoding="utf-8"))
        for part in ("headings", "macros", "admonitions", "links"):
            assert other[part] == reference[part], f"{lang}/{page}: {part} differ from ru/{page}"


def test_pages_use_no_template_logic():
    """Pages call macros by name with an id; logic belongs to macros/."""
    for lang in LANGUAGES:
        for page in source_pages(lang):
            text = (DOCS / lang / page).read_text(encoding="utf-8")
            assert "{%" not in text, f"{lang}/{page}: Jinja statements are not allowed in pages"
