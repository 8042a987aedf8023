"""The site builds in strict mode, in every language, with no warnings."""

import json
import re
from html.parser import HTMLParser

import yaml

from tests.sitetools import DEFAULT_LANGUAGE, LANGUAGES, ROOT, built_dir, built_page, source_pages


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


class NotFoundSections(HTMLParser):
    """{lang: [(href, link text)]} for the links inside each <section class="hb-not-found" lang=…>
    of the 404 page (not the header's, whose logo also leads home)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sections, self._lang, self._depth, self._href = {}, None, 0, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and "hb-not-found" in (attrs.get("class") or "").split():
            self._lang, self._depth = attrs.get("lang"), 0
            self.sections[self._lang] = []
        if self._lang and tag == "section":
            self._depth += 1
        if self._lang and tag == "a":
            self._href = attrs.get("href")
            self.sections[self._lang].append([self._href, ""])

    def handle_endtag(self, tag):
        if self._lang and tag == "a":
            self._href = None
        if self._lang and tag == "section":
            self._depth -= 1
            if self._depth == 0:
                self._lang = None

    def handle_data(self, data):
        if self._lang and self._href is not None:
            self.sections[self._lang][-1][1] += data


def test_the_not_found_page_speaks_every_language_and_leads_home(site):
    parser = NotFoundSections()
    parser.feed((site / "404.html").read_text(encoding="utf-8"))
    ui = yaml.safe_load((ROOT / "data/ui.yml").read_text(encoding="utf-8"))["ui"]
    assert list(parser.sections) == list(LANGUAGES), "one section per language, in the site's order"
    for lang in LANGUAGES:
        home = "/" if lang == DEFAULT_LANGUAGE else f"/{lang}/"
        links = [(href, text.strip()) for href, text in parser.sections[lang]]
        assert (home, ui["not-found-home"][lang]) in links, f"{lang}: the section does not lead home: {links}"
