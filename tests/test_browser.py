"""The site in a real browser (Debian's Chromium driven by Playwright)."""

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from macros.catalogue import load_catalogue
from tests.sitetools import ROOT, built_pages, language_of_built

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    """A fresh page (empty storage) that records every request leaving 127.0.0.1."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.outside_requests = []
    page.on("request", lambda request: urlparse(request.url).hostname != "127.0.0.1"
            and not request.url.startswith(("data:", "blob:")) and page.outside_requests.append(request.url))
    yield page
    context.close()


@pytest.fixture(scope="module")
def checklist_path(site):
    """Site path of the first Russian page with a checklist."""
    for path in built_pages(site):
        if language_of_built(site, path) == "ru" and "hb-checklist" in path.read_text(encoding="utf-8"):
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
    for lang in ("kk", "en", "ru"):
        page.hover(".md-header__option .md-select")
        page.locator(f'.md-select__link[hreflang="{lang}"]').click()
        page.wait_for_load_state()
        expected = checklist_path if lang == "ru" else f"/{lang}{checklist_path}"
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


def test_projector_mode_shows_one_section_at_a_time(page, server, checklist_path):
    page.goto(server + checklist_path)
    headings = page.locator("article h2").count()
    assert headings >= 2
    page.locator(".hb-present-toggle button").click()
    assert page.locator(".md-sidebar--primary").is_hidden()
    assert page.locator("article h1").is_visible()
    assert page.locator("article h2").nth(0).is_hidden()
    page.keyboard.press("ArrowRight")
    assert page.locator("article h2").nth(0).is_visible()
    assert page.locator("article h2").nth(1).is_hidden()
    page.keyboard.press("Escape")
    assert page.locator("article h2").nth(1).is_visible()


def test_projector_mode_shows_session_plans_one_at_a_time(page, server):
    page.goto(server + "/programme/03-module-responsibility/")
    sessions = page.locator("article .hb-session")
    assert sessions.count() == 4
    page.locator(".hb-present-toggle button").click()
    page.keyboard.press("ArrowRight")  # what facilitators need to know
    page.keyboard.press("ArrowRight")  # the heading with the first session
    assert page.locator("article h2#sessions").is_visible()
    assert sessions.nth(0).is_visible() and sessions.nth(1).is_hidden()
    page.keyboard.press("ArrowRight")
    assert sessions.nth(0).is_hidden() and sessions.nth(1).is_visible()


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
         if language_of_built(site, path) == "ru" and 'class="hb-form"' in path.read_text(encoding="utf-8")),
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
            assert pdf_pages(pdf) == 1, f"{where} does not fit one sheet"
            width, height = map(float, re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", pdf).groups())
            assert width > height, f"{where} is not printed landscape"


def pdf_pages(pdf):
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize("prefix", ["", "/kk", "/en"])
def test_the_manual_overview_prints_on_one_sheet(page, server, prefix):
    """The overview promises to fit one A4 sheet, as a map of all 22 steps."""
    page.goto(server + prefix + "/manual/")
    assert pdf_pages(page.pdf(prefer_css_page_size=True)) == 1, f"{prefix or '/'} manual overview needs more than one sheet"


@pytest.mark.parametrize("prefix", ["", "/kk", "/en"])
def test_quick_exit_leaves_the_helplines_page(page, server, prefix):
    page.goto(server + prefix + "/toolkit/helplines/")
    exit_link = page.locator("[data-quick-exit]")
    assert exit_link.is_visible(), "the helplines page has no visible quick-exit button"
    exit_link.click()
    page.wait_for_url("about:blank")
    page.go_back()
    assert "/toolkit/helplines/" not in page.url, "Back returns to the page the reader left"


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_header_buttons_and_heading_links_speak_the_page_language(page, server, lang):
    page.goto(server + ("" if lang == "ru" else f"/{lang}") + "/manual/01-founding-team/")
    palette_titles = page.eval_on_selector_all("label[for^='__palette']", "labels => labels.map(l => l.title)")
    assert len(palette_titles) == 2
    english_titles = {"Dark mode", "Light mode"}
    assert (set(palette_titles) == english_titles) == (lang == "en"), f"{lang}: colour-scheme buttons say {palette_titles}"
    wanted = yaml.safe_load((ROOT / "data/ui.yml").read_text(encoding="utf-8"))["ui"]["permalink"][lang]
    link_titles = set(page.eval_on_selector_all(".md-typeset .headerlink", "links => links.map(a => a.title)"))
    assert link_titles == {wanted}, f"{lang}: heading links are titled {link_titles}"


def test_pages_are_kept_offline_only_on_request_and_removed_on_request(page, server):
    ui = yaml.safe_load((ROOT / "data/ui.yml").read_text(encoding="utf-8"))["ui"]
    kept = "Promise.all([caches.keys(), navigator.serviceWorker.getRegistrations()]).then(([c, r]) => c.length + r.length)"
    page.goto(server + "/kk/manual/02-similar-work/")
    assert page.evaluate(kept) == 0, "the browser keeps pages before the reader asked"
    page.locator("[data-offline-save]").click()
    page.locator("[data-offline-status]").filter(has_text=ui["offline-done"]["kk"]).wait_for(timeout=60000)

    page.context.set_offline(True)
    page.goto(server + "/kk/standard/05-assessment/")  # a page not opened before
    assert page.locator("h1").inner_text().startswith("5."), "a saved page does not open offline"
    page.context.set_offline(False)

    page.locator("[data-offline-remove]").click()
    page.locator("[data-offline-status]").filter(has_text=ui["offline-removed"]["kk"]).wait_for()
    page.evaluate("fetch('/kk/').then(() => new Promise(done => setTimeout(done, 500)))")  # this tab goes on reading
    assert page.evaluate(kept) == 0, "removing left saved pages or the service worker behind"


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


def test_no_request_leaves_the_site(page, server, site):
    paths = ["/", "/kk/", "/en/"] + [
        "/" + path.parent.relative_to(site).as_posix() + "/"
        for path in list(built_pages(site))[::7]
    ]
    for path in paths:
        page.goto(server + path.replace("//", "/"))
        page.wait_for_load_state("networkidle")
    assert page.outside_requests == []
