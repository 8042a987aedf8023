"""The site builds in strict mode, in every language, with no warnings."""

import json
import re

from tests.sitetools import LANGUAGES, built_dir, built_page, source_pages


def test_strict_build_succeeds_without_warnings(build):
    result, _ = build
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    warnings = [line for line in output.splitlines() if re.match(r"\s*(WARNING|ERROR)\b", line)]
    assert not warnings, "\n".join(warnings)


def test_every_language_is_built(site):
    for lang in LANGUAGES:
        assert (built_dir(site, lang) / "index.html").is_file(), lang


def test_every_source_page_is_built(site):
    for lang in LANGUAGES:
        for page in source_pages(lang):
            assert built_page(site, lang, page).is_file(), f"{lang}/{page}"


def test_each_language_has_its_own_search_index(site):
    """A reader downloads the index of one language only, and its results lead to that language's pages."""
    for lang in LANGUAGES:
        root = built_dir(site, lang)
        index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
        pages = {doc["location"].split("#")[0] for doc in index["docs"]}
        assert len(pages) == len(source_pages(lang)), f"{lang}: {len(pages)} pages in the index"
        for page in pages:
            assert (root / page / "index.html").is_file(), f"{lang} index points to a missing page: {page!r}"


def test_the_not_found_page_speaks_every_language_and_leads_home(site):
    text = (site / "404.html").read_text(encoding="utf-8")
    for lang in LANGUAGES:
        home = "/" if lang == LANGUAGES[0] else f"/{lang}/"
        assert f'<section lang="{lang}"' in text and f'href="{home}"' in text, lang
