"""The site in a real browser (Debian's Chromium driven by Playwright)."""

import re
from urllib.parse import urlparse

import pytest
import yaml

from macros.catalogue import load_catalogue
from tests.sitetools import DEFAULT_LANGUAGE, LANGUAGES, ROOT, built_pages, language_of_built, page_url, pdf_info

pytest.importorskip("playwright.sync_api")

# Where each language's pages are: "" for the default language, "/kk" …
PREFIXES = ["/" + page_url("index.md", lang, DEFAULT_LANGUAGE).rstrip("/") if lang != DEFAULT_LANGUAGE else ""
            for lang in LANGUAGES]


@pytest.fixture(scope="module")
def checklist_path(site):
    """Site path of the first Russian page with a checklist."""
    for path in built_pages(site):
        if language_of_built(site, path) == DEFAULT_LANGUAGE and "hb-checklist" in path.read_text(encoding="utf-8"):
            return "/" + path.parent.relative_to(site).as_posix() + "/"
    pytest.fail("no page has a checklist")


def progress(page):
    return page.locator(".hb-checklist").first.locator(".hb-checklist__progress").inner_text()


def first_box(page, n=0):
    return page.locator(".hb-checklist").first.locator("input[data-item]").nth(n)


def stored_ticks(page):
    """Keys the handbook keeps in the browser (Material keeps its colour scheme apart)."""
    return page.evaluate("Object.keys(localStorage).filter(key => key.startsWith('handbook.'))")


def test_language_switcher_keeps_the_page(page, server, checklist_path):
    page.goto(server + checklist_path)
    for lang in (*LANGUAGES[1:], DEFAULT_LANGUAGE):
        page.hover(".md-header__option .md-select")
        page.locator(f'.md-select__link[hreflang="{lang}"]').click()
        page.wait_for_load_state()
        expected = checklist_path if lang == DEFAULT_LANGUAGE else f"/{lang}{checklist_path}"
        assert urlparse(page.url).path == expected
        assert page.locator("html").get_attribute("lang") == lang
    assert page.outside_requests == []


def test_ticking_updates_the_visible_progress(page, server, checklist_path):
    page.goto(server + checklist_path)
    total = page.locator(".hb-checklist").first.locator("input[data-item]").count()
    assert progress(page) == f"Отмечено 0 из {total}"
    first_box(page).check()
    assert progress(page) == f"Отмечено 1 из {total}"
    first_box(page).uncheck()
    assert progress(page) == f"Отмечено 0 из {total}"


def test_ticks_are_kept_only_after_opting_in(page, server, checklist_path):
    page.goto(server + checklist_path)
    first_box(page).check()
    page.reload()
    assert not first_box(page).is_checked(), "a tick was kept without the reader asking"
    assert stored_ticks(page) == []

    page.locator(".hb-checklist").first.locator("input[data-remember]").check()
    first_box(page).check()
    page.reload()
    assert first_box(page).is_checked(), "a remembered tick was lost on reload"

    # the same checklist in another language shares the ids, so the tick is there too
    page.goto(server + "/kk" + checklist_path)
    assert first_box(page).is_checked()

    page.locator(".hb-checklist").first.locator("[data-clear]").click()
    page.reload()
    assert not first_box(page).is_checked()
    page.locator(".hb-checklist").first.locator("input[data-remember]").uncheck()
    assert stored_ticks(page) == []


def test_print_shows_empty_boxes_and_no_buttons(page, server, checklist_path):
    page.goto(server + checklist_path)
    first_box(page).check()
    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden()
    assert page.locator(".hb-checklist__tools").first.is_hidden()
    appearance = first_box(page).evaluate("box => getComputedStyle(box).appearance")
    assert appearance == "none", "a ticked box would print ticked"


def test_a_form_prints_on_its_own(page, server, site):
    form_path = next(
        ("/" + path.parent.relative_to(site).as_posix() + "/" for path in built_pages(site)
         if language_of_built(site, path) == DEFAULT_LANGUAGE and 'class="hb-form"' in path.read_text(encoding="utf-8")),
        None)
    assert form_path, "no page has a form"
    page.goto(server + form_path)
    page.emulate_media(media="print")
    # window.print() opens no dialog here: record what would reach the paper instead.
    page.evaluate("""() => { window.print = () => { window.printed = Array.from(
        document.querySelectorAll('.md-content__inner > *'))
        .filter(node => getComputedStyle(node).display !== 'none')
        .map(node => node.className); }; }""")
    page.evaluate("document.querySelector('.hb-form [data-print-form]').click()")
    assert page.evaluate("window.printed") == ["hb-form hb-print-target"]
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("h1").first.is_visible(), "after printing, the page prints whole again"


def test_a_leaflet_prints_on_one_landscape_sheet(page, server, site):
    """A form with `paper: two-columns` prints, on its own, as two panels on one landscape A4 sheet."""
    leaflets = [entry.id for entry in load_catalogue(ROOT / "data").all("forms")
                if entry.value.get("paper") == "two-columns"]
    assert leaflets, "no form in data/ is laid out as a leaflet"
    for path in built_pages(site):
        html = path.read_text(encoding="utf-8")
        for form_id in leaflets:
            if f'data-form="{form_id}"' not in html:
                continue
            page.goto(server + "/" + path.parent.relative_to(site).as_posix() + "/")
            page.evaluate("window.print = () => {}")
            page.locator(f'.hb-form[data-form="{form_id}"] [data-print-form]').click()
            pdf = page.pdf(prefer_css_page_size=True, print_background=True)
            where = f"{form_id} on {path.relative_to(site)}"
            info = pdf_info(pdf)
            assert info["pages"] == 1, f"{where} does not fit one sheet"
            width, height = info["sizes"][0]
            assert width > height, f"{where} is not printed landscape"




@pytest.mark.parametrize("prefix", PREFIXES)
def test_the_manual_overview_prints_on_one_sheet(page, server, prefix):
    """The overview promises to fit one A4 sheet, as a map of all 22 steps."""
    page.goto(server + prefix + "/manual/")
    assert pdf_info(page.pdf(prefer_css_page_size=True))["pages"] == 1, f"{prefix or '/'} manual overview needs more than one sheet"


# The quick exit (where it leaves to, Back, Shift pressed three times): tests/test_reader.py.


@pytest.mark.parametrize("lang", LANGUAGES)
def test_header_buttons_and_heading_links_speak_the_page_language(page, server, lang):
    page.goto(server + "/" + page_url("manual/01-founding-team.md", lang, DEFAULT_LANGUAGE))
    palette_titles = page.eval_on_selector_all("label[for^='__palette']", "labels => labels.map(l => l.title)")
    assert len(palette_titles) == 2
    english_titles = {"Dark mode", "Light mode"}
    assert (set(palette_titles) == english_titles) == (lang == "en"), f"{lang}: colour-scheme buttons say {palette_titles}"
    wanted = yaml.safe_load((ROOT / "data/ui.yml").read_text(encoding="utf-8"))["ui"]["permalink"][lang]
    link_titles = set(page.eval_on_selector_all(".md-typeset .headerlink", "links => links.map(a => a.title)"))
    assert link_titles == {wanted}, f"{lang}: heading links are titled {link_titles}"


def test_search_finds_pages_in_the_readers_language(page, server):
    fetched = []
    page.on("request", lambda request: "search_index" in request.url and fetched.append(urlparse(request.url).path))
    page.goto(server + "/kk/manual/")
    page.keyboard.press("/")
    page.locator("input.md-search__input").fill("тәуекел")
    page.locator(".md-search-result__item a").first.wait_for()
    links = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => new URL(a.href).pathname)")
    assert links and all(link.startswith("/kk/") for link in links), links
    assert fetched == ["/kk/search/search_index.json"], fetched


MARKER = re.compile(r'\bclass="([^"]+)"|\b(data-[a-z-]+)')


def one_page_of_each_kind(site):
    """Site paths: in every language, the home page and the first page that uses each class or data-*
    attribute in its article (every kind of block, admonition, table, form, the quick-exit button …)."""
    chosen = {}
    for path in built_pages(site):
        html = path.read_text(encoding="utf-8")
        article = re.search(r"<article.*</article>", html, re.DOTALL)
        markers = {"page"}
        for classes, attribute in MARKER.findall(article.group(0) if article else ""):
            markers.update(classes.split() if classes else [attribute])
        if "data-quick-exit" in html:
            markers.add("quick-exit")
        for marker in markers:
            chosen.setdefault((language_of_built(site, path), marker), "/" + path.parent.relative_to(site).as_posix() + "/")
    homes = {"/" + page_url("index.md", lang, DEFAULT_LANGUAGE) for lang in LANGUAGES}
    return sorted({url.replace("//", "/") for url in chosen.values()} | homes | {"/no-such-page/"})


def test_no_request_leaves_the_site(page, server, site):
    """Every kind of page, in every language, then the same pages served by the offline worker:
    no request (the worker's included) goes to another host."""
    paths = one_page_of_each_kind(site)
    assert len(paths) >= 3 * 8, f"only {len(paths)} kinds of page: is the article found?"

    def visit(paths):
        # The search worker keeps the network busy for seconds after each load: wait for it to settle
        # on the first page of each language (what it loads is the same on every page of a language).
        settled = set()
        for path in paths:
            page.goto(server + path)
            lang = path.split("/")[1] if path.split("/")[1] in LANGUAGES else DEFAULT_LANGUAGE
            if lang not in settled:
                page.wait_for_load_state("networkidle")
                settled.add(lang)

    visit(paths)
    assert page.outside_requests == []

    from_worker = []
    page.context.on("request", lambda request: request.service_worker and from_worker.append(request.url))
    page.goto(server + "/kk/")
    page.locator("[data-offline-save]").click()
    page.locator("[data-offline-remove]").wait_for(timeout=60000)
    visit([path for path in paths if path.startswith("/kk/")])
    page.locator("[data-offline-remove]").click()
    page.locator("[data-offline-save]").wait_for()
    assert from_worker, "no request was seen coming from the service worker: this test no longer watches it"
    assert page.outside_requests == []
