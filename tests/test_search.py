"""Search: Kazakh word forms and a Russian keyboard (overrides/assets/javascripts/lunr/min/lunr.kk.min.js),
results only in the reader's language (macros/search.py), and nothing loaded for search before the reader
opens it (overrides/partials/hb-search-lazy.html). In Debian's Chromium driven by Playwright."""

import re
from urllib.parse import urlparse

import pytest

from tests.sitetools import ROOT

sync_api = pytest.importorskip("playwright.sync_api")

KAZAKH = ROOT / "overrides/assets/javascripts/lunr/min/lunr.kk.min.js"
# What a page asks for when search starts: the worker, the index, Lunr's language files
SEARCH_REQUEST = re.compile(r"/search/search_index\.json$|/workers/search\.[^/]*js$|/lunr/")


@pytest.fixture
def tab(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.search_requests = []
    page.on("request", lambda request: SEARCH_REQUEST.search(urlparse(request.url).path)
            and page.search_requests.append(urlparse(request.url).path))
    yield page
    context.close()


# ---------- the Kazakh word: one function, at index and at query time ----------

@pytest.fixture(scope="module")
def kazakh(chromium):
    page = chromium.new_page()
    page.add_script_tag(path=str(KAZAKH))
    yield lambda word: page.evaluate("word => hbKazakh.normalize(word)", word)
    page.close()


@pytest.mark.parametrize("written, base", [
    ("қоңырауға", "қоңырау"),          # dative
    ("қоңыраулар", "қоңырау"),         # plural (on the pages)
    ("тәуекелді", "тәуекел"),          # accusative (on the pages)
    ("кеңесшілердің", "кеңесші"),      # plural + genitive (on the pages); -ші makes another word and stays
    ("орталығында", "орталық"),        # possessive + locative, ғ back to қ (on the pages)
    ("серіктесі", "серіктес"),         # possessive after a consonant: -і, not -сі (on the pages)
    ("балаларға", "бала"),
    ("Қоңырауға,", "қоңырау"),         # capital and punctuation
])
def test_kazakh_word_forms_reduce_to_their_base(kazakh, written, base):
    assert kazakh(written) == kazakh(base)
    assert kazakh(written) != ""


@pytest.mark.parametrize("typed, kazakh_word", [
    ("конырау", "қоңырау"), ("тауекел", "тәуекел"), ("кенес", "кеңес"), ("онир", "өңір"),
    ("угым", "ұғым"), ("уй", "үй"), ("хабар", "һабар"),
])
def test_a_russian_keyboard_finds_kazakh_letters(kazakh, typed, kazakh_word):
    assert kazakh(typed) == kazakh(kazakh_word)


def test_short_words_and_other_scripts_are_left_alone(kazakh):
    assert kazakh("бала") == "бала"  # never fewer than three letters: -а is not stripped
    assert kazakh("адам") == "адам"
    assert kazakh("counselling") == "counselling"
    assert kazakh("12.3") == "12.3"


# ---------- in the browser ----------

def search(page, server, path, query):
    """Open search with the keyboard on `path`, type `query`: the result links' paths ([] if none)."""
    page.goto(server + path)
    page.keyboard.press("/")
    meta = page.locator(".md-search-result__meta")
    starting = meta.inner_text()  # "search is starting": nothing was loaded for it before
    page.locator("input.md-search__input").fill(query)
    # the worker has started, then answered: the count stays the same for a second, or for three when it is
    # "no results" (Material may show that for a moment first, and longer on a busy machine: a CI run failed so)
    page.wait_for_function("""starting => {
        const text = document.querySelector('.md-search-result__meta').innerText, now = Date.now();
        if (text === starting) return false;
        if (window.hbLast !== text) { window.hbLast = text; window.hbSince = now; }
        const empty = !document.querySelector('.md-search-result__item');
        return now - window.hbSince > (empty ? 3000 : 1000) }""", arg=starting, timeout=60000, polling=100)
    return page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => new URL(a.href).pathname)")


@pytest.mark.parametrize("query", ["қоңырауға", "конырау", "тауекел", "кенес", "кеңесшілердің"])
def test_kazakh_search_finds_word_forms_and_russian_letters(tab, html_server, query):
    links = search(tab, html_server, "/kk/manual/", query)
    assert links, f"«{query}» finds nothing on the Kazakh pages"
    assert all(link.startswith("/kk/") for link in links), links


@pytest.mark.parametrize("path, query, prefix", [
    ("/manual/", "насилия", "/"),         # Russian word forms
    ("/manual/", "насилием", "/"),
    ("/kk/manual/", "қоңырауға", "/kk/"),
    ("/en/manual/", "counselling", "/en/"),
    ("/en/manual/", "perpetrators", "/en/"),
])
def test_results_are_in_the_readers_language(tab, html_server, path, query, prefix):
    links = search(tab, html_server, path, query)
    assert links, f"«{query}» finds nothing on {path}"
    others = ("/kk/", "/en/")
    assert all(link.startswith(prefix) and (prefix != "/" or not link.startswith(others)) for link in links), links


def test_kazakh_typed_on_a_russian_page_finds_no_kazakh_page(tab, html_server):
    links = search(tab, html_server, "/manual/", "конырау")
    assert not any(link.startswith(("/kk/", "/en/")) for link in links), links


@pytest.mark.parametrize("path", ["/", "/kk/manual/", "/en/standard/"])
def test_nothing_for_search_loads_before_the_reader_opens_it(tab, html_server, path):
    tab.goto(html_server + path)
    tab.wait_for_load_state("networkidle")
    tab.wait_for_timeout(500)
    assert tab.search_requests == [], "loaded for search before anyone searched"
    index = ("" if path == "/" else "/" + path.split("/")[1]) + "/search/search_index.json"
    # opening search starts the worker, which asks for the index once it runs (seconds on a busy machine)
    with tab.expect_request(lambda request: urlparse(request.url).path == index, timeout=10_000):
        tab.keyboard.press("/")
    assert index in tab.search_requests, tab.search_requests


def test_the_search_icon_on_a_phone_opens_and_finds(chromium, html_server):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    requested = []
    page.on("request", lambda request: "search_index" in request.url and requested.append(request.url))
    page.goto(html_server + "/kk/")
    page.wait_for_load_state("networkidle")
    assert requested == []
    page.locator('label.md-header__button[for="__search"]').tap()
    page.locator("input.md-search__input").fill("конырау")
    page.locator(".md-search-result__item a").first.wait_for(timeout=60000)
    assert requested
    context.close()


def test_search_works_offline_from_saved_pages(chromium, html_server):
    """Saved for reading offline, search still starts and finds: the worker and Lunr's files are saved with
    the pages, though the page did not load them (handbook.js, searchScripts)."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(html_server + "/kk/")
    page.locator("[data-offline-save]").click()
    page.locator("[data-offline-remove]").wait_for(timeout=120000)
    context.set_offline(True)
    try:
        links = search(page, html_server, "/kk/manual/", "конырау")
        assert links and all(link.startswith("/kk/") for link in links), links
    finally:
        context.set_offline(False)
        page.goto(html_server + "/kk/")
        page.locator("[data-offline-remove]").click()
        page.locator("[data-offline-save]").wait_for()
        context.close()
