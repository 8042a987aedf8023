"""The reader's side of the site (issue 13): the quick exit, helplines as telephone links, the 404 page,
no sitemap requests, the language switch that keeps the section, phones, "where am I", the ticks,
the edition, licences and citation, and accessibility (axe-core), in Debian's Chromium.

These tests do not need the chapter PDFs: they use the plain build (the `build` fixture)."""

import datetime
import re
import time
from html import escape
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse
from xml.etree import ElementTree

import pytest
import yaml

from macros.catalogue import load_catalogue
from macros.downloads import read_config
from macros.reader import edition_lines, plain
from tests.sitetools import DOCS, LANGUAGES, ROOT, built_page, built_pages, language_of_built, new_tab, source_pages

sync_api = pytest.importorskip("playwright.sync_api")

CONFIG = read_config(ROOT)
EXIT_URL = CONFIG["extra"]["quick_exit_url"]
EXIT_HOST = re.compile("^" + re.escape(f"{urlparse(EXIT_URL).scheme}://{urlparse(EXIT_URL).netloc}/"))
UI = yaml.safe_load((ROOT / "data/ui.yml").read_text(encoding="utf-8"))["ui"]
CATALOGUE = load_catalogue(ROOT / "data")
STEP_1 = "/manual/01-founding-team/"
STEP_14 = "/manual/14-receiving-men/"
PHONE = {"width": 390, "height": 844}


def prefix(lang):
    return "" if lang == LANGUAGES[0] else f"/{lang}"


def address_of(site, path):
    """The site address of a built index.html: "/" for the root, "/kk/manual/" ..."""
    folder = path.parent.relative_to(site).as_posix()
    return "/" if folder == "." else f"/{folder}/"


# ---------- fixtures (tests/conftest.py): html_site, html_server, chromium; tabs from new_tab ----------

@pytest.fixture
def tab(chromium):
    tab = new_tab(chromium)
    yield tab
    tab.context.close()


@pytest.fixture
def phone(chromium):
    tab = new_tab(chromium, PHONE)
    yield tab
    tab.context.close()


# ---------- 1. helplines and the quick exit ----------

PHONE_NUMBER = re.compile(r"(?<![\d.,])(?:\+7|8)?[\s-]?(?:\(?\d{3}\)?[\s-]?)?\d{3}[\s-]?\d{2}[\s-]?\d{2}(?![\d])|(?<![\d.,:])\b1\d\d\b(?!\d|[.,:]\d)")


def text_outside_tel_links(html):
    """The article's text that is not inside a tel: link (a crude parse: tags removed, tel: links cut out)."""
    article = re.search(r"<article.*?</article>", html, re.DOTALL).group(0)
    article = re.sub(r'<a [^>]*href="tel:[^"]*"[^>]*>.*?</a>', " ", article, flags=re.DOTALL)
    article = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", article, flags=re.DOTALL)
    return re.sub(r"<[^>]+>", " ", article)


@pytest.mark.parametrize("md_path", ["toolkit/helplines.md", "index.md"])  # the pages that give helplines
def test_every_helpline_number_is_a_tel_link(html_site, md_path):
    targets = {}
    for lang in LANGUAGES:
        html = built_page(html_site, lang, md_path).read_text(encoding="utf-8")
        loose = [match.group(0) for match in PHONE_NUMBER.finditer(text_outside_tel_links(html))]
        assert not loose, f"{lang}/{md_path}: numbers that are not tel: links: {loose}"
        targets[lang] = re.findall(r'href="(tel:[^"]+)"', html)
        assert targets[lang], f"{lang}/{md_path}: no tel: links"
    assert len({tuple(found) for found in targets.values()}) == 1, f"{md_path}: the tel: links differ between the languages"


def test_the_number_check_finds_a_loose_number():
    html = '<article><p>Call <a href="tel:112">112</a> or 102, or 8 800 080 77 77.</p></article>'
    assert [m.group(0).strip() for m in PHONE_NUMBER.finditer(text_outside_tel_links(html))] == ["102", "8 800 080 77 77"]


def front_matter(text):
    match = re.match(r"^---\n(.*?)\n---\n", text, re.DOTALL)
    return yaml.safe_load(match.group(1)) if match else {}


def marked_pages(lang):
    return sorted(md for md in source_pages(lang)
                  if front_matter((DOCS / lang / md).read_text(encoding="utf-8")).get("quick_exit") is True)


def test_the_pages_for_people_at_risk_have_the_quick_exit():
    assert {"index.md", "toolkit/helplines.md"} <= set(marked_pages("ru"))
    for lang in LANGUAGES[1:]:
        assert marked_pages(lang) == marked_pages("ru"), f"{lang} marks other pages for the quick exit than ru"


def test_the_exit_address_is_written_once():
    assert EXIT_URL.startswith("https://")
    for path in list((ROOT / "overrides").rglob("*.*")) + list((ROOT / "docs").rglob("*.md")):
        assert urlparse(EXIT_URL).netloc not in path.read_text(encoding="utf-8", errors="replace"), \
            f"{path.relative_to(ROOT)} writes the exit address itself: it belongs in mkdocs.yml extra.quick_exit_url"


def route_exit(tab, status=204):
    """Intercept the everyday site: record the address asked for and answer without leaving 127.0.0.1.
    A 204 answer leaves the page where it is (to look at it); 200 completes the navigation."""
    asked = []

    def answer(route):
        asked.append(route.request.url)
        if status == 204:
            route.fulfill(status=204)
        else:
            route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>weather</title><p>weather")

    tab.route(EXIT_HOST, answer)
    return asked


def wait_for(tab, condition, timeout=5.0):
    """Poll the condition while Playwright handles its events (a plain sleep would stop the route handlers)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        tab.wait_for_timeout(50)
    return condition()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", ["/", "/toolkit/helplines/"])
def test_quick_exit_is_the_first_tab_stop_and_stays_in_view(tab, html_server, lang, path):
    tab.goto(html_server + prefix(lang) + path)
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.hasAttribute('data-quick-exit')"), "Tab does not reach the quick exit first"
    button = tab.locator("[data-quick-exit]")
    for scroll in ("0", "document.scrollingElement.scrollHeight"):
        tab.evaluate(f"window.scrollTo(0, {scroll})")
        box = button.bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= 900 and box["x"] + box["width"] <= 1280, \
            f"the quick exit is out of view (scrolled to {scroll})"
        assert button.is_visible()
    assert button.inner_text().strip() == UI["quick-exit"][lang]


def test_quick_exit_stays_in_view_on_a_phone(phone, html_server):
    phone.goto(html_server + "/kk/toolkit/helplines/")
    button = phone.locator("[data-quick-exit]")
    phone.evaluate("window.scrollTo(0, document.scrollingElement.scrollHeight / 2)")
    box = button.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"] and box["x"] + box["width"] <= PHONE["width"]


def test_pages_not_marked_have_no_quick_exit(tab, html_server):
    tab.goto(html_server + STEP_14)
    assert tab.locator("[data-quick-exit]").count() == 0


def test_quick_exit_hides_the_page_at_once_and_asks_for_the_everyday_site(tab, html_server):
    asked = route_exit(tab)
    tab.goto(html_server + "/kk/toolkit/helplines/")
    tab.locator("[data-quick-exit]").click()
    assert wait_for(tab, lambda: asked), "the quick exit asked for no page"
    assert [unquote(url) for url in asked] == [EXIT_URL]
    assert tab.evaluate("getComputedStyle(document.body).display") == "none", "the page is still shown while leaving"


def test_back_does_not_return_after_the_quick_exit(tab, html_server):
    route_exit(tab, status=200)
    tab.goto(html_server + "/manual/")
    tab.goto(html_server + "/en/toolkit/helplines/")
    tab.locator("[data-quick-exit]").click()
    tab.wait_for_url(EXIT_HOST)
    tab.go_back()
    assert urlparse(tab.url).path == "/manual/", f"Back went to {tab.url}"


def test_shift_pressed_three_times_leaves(tab, html_server):
    asked = route_exit(tab)
    tab.goto(html_server + "/en/")
    tab.locator("h1").first.click()
    for key in ("Shift", "Shift", "Shift+KeyA", "Shift", "Shift"):  # a Shift held for a capital does not count
        tab.keyboard.press(key)
    tab.wait_for_timeout(300)
    assert asked == [], "left before the third Shift in a row"
    assert tab.locator("[data-quick-exit-status]").inner_text() == UI["quick-exit-pressed"]["en"].format(count=2)
    tab.keyboard.press("Shift")
    assert wait_for(tab, lambda: asked), "Shift pressed three times did not leave"
    assert [unquote(url) for url in asked] == [EXIT_URL]


def test_shift_three_times_does_nothing_where_there_is_no_quick_exit(tab, html_server):
    asked = route_exit(tab)
    tab.goto(html_server + STEP_14)
    for _ in range(3):
        tab.keyboard.press("Shift")
    tab.wait_for_timeout(300)
    assert asked == [] and urlparse(tab.url).path == STEP_14


# ---------- 2. the 404 page ----------

def test_the_not_found_page(tab, html_server):
    asked = []
    tab.on("request", lambda request: asked.append(request.url))
    response = tab.goto(html_server + "/some/missing/path")
    assert response.status == 404
    assert tab.locator("html").get_attribute("lang") == LANGUAGES[0], "the 404 page is not marked with the default language"
    assert sorted(tab.eval_on_selector_all(".hb-not-found", "parts => parts.map(part => part.lang)")) == sorted(LANGUAGES)
    switcher = tab.eval_on_selector_all(".md-select__link", "links => links.map(a => [a.hreflang, new URL(a.href).pathname])")
    assert sorted(switcher) == sorted([lang, prefix(lang) + "/"] for lang in LANGUAGES), \
        f"the language switcher of the 404 page leads elsewhere than the language homes: {switcher}"
    tab.keyboard.press("/")
    tab.locator("input.md-search__input").fill("риск")
    tab.locator(".md-search-result__item").first.wait_for()
    assert [url for url in asked if "search_index" in url] == [html_server + "/search/search_index.json"]
    assert tab.outside_requests == [], f"the 404 page asked other hosts: {tab.outside_requests}"


# ---------- 3. no sitemap.xml requests; the alternates are in the sitemap ----------

def test_no_page_head_links_to_its_translations(html_site):
    found = [str(path.relative_to(html_site)) for path in [*built_pages(html_site), html_site / "404.html"]
             if re.search(r'<link[^>]*rel="alternate"[^>]*hreflang', path.read_text(encoding="utf-8"))]
    assert not found, f"<link rel=alternate hreflang> makes Material fetch sitemap.xml: {found[:5]}"


def test_the_sitemap_lists_every_page_with_its_translations(html_site):
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = ElementTree.parse(html_site / "sitemap.xml")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', (html_site / "index.html").read_text(encoding="utf-8"))
    site_url = canonical.group(1)
    listed = set()
    for url in tree.getroot().findall("s:url", namespaces):
        loc = url.find("s:loc", namespaces).text
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", namespaces)}
        assert set(alternates) == set(LANGUAGES), f"{loc}: alternates {sorted(alternates)}"
        assert all(href.startswith(site_url) for href in alternates.values()), f"{loc}: an alternate is not absolute"
        assert loc in alternates.values()
        listed.add(loc[len(site_url) - 1:])
    assert {address_of(html_site, path) for path in built_pages(html_site)} == listed


def test_pages_ask_for_no_sitemap(tab, html_server):
    asked = []
    tab.on("request", lambda request: "sitemap" in request.url and asked.append(request.url))
    for path in ("/", "/kk" + STEP_14, "/en/toolkit/glossary/"):
        tab.goto(html_server + path)
        tab.wait_for_load_state("networkidle")
    tab.hover(".md-header__option .md-select")
    tab.locator('.md-select__link[hreflang="ru"]').click()
    tab.wait_for_load_state("networkidle")
    assert asked == []


# ---------- 4. the language switch keeps the section ----------

@pytest.mark.parametrize("start, target", [("ru", "kk"), ("en", "ru"), ("kk", "en")])
def test_switching_language_keeps_the_section(tab, html_server, start, target):
    tab.goto(html_server + prefix(start) + STEP_14)
    # A section in the first half of the page (every language's page can scroll it to the top) that is longer
    # than a third of the window, so that it is the one the reader is in when its heading is near the top
    # (handbook.js takes the last heading above the upper third).
    section = tab.eval_on_selector_all(".md-content__inner h2[id]", """headings => {
        const tops = headings.map(h => h.getBoundingClientRect().top + scrollY);
        for (let i = Math.floor(headings.length / 4); i < headings.length / 2; i++) {
            if (tops[i + 1] - tops[i] > innerHeight / 3 + 100) { return headings[i].id; }
        }
        return headings[Math.floor(headings.length / 3)].id;
    }""")
    tab.evaluate("id => window.scrollTo(0, document.getElementById(id).getBoundingClientRect().top + scrollY - 90)", section)
    tab.wait_for_function("id => document.getElementById(id).getBoundingClientRect().top < innerHeight / 3",
                          arg=section, timeout=5000)
    tab.hover(".md-header__option .md-select")
    tab.locator(f'.md-select__link[hreflang="{target}"]').click()
    tab.wait_for_load_state()
    address = urlparse(tab.url)
    assert address.path == prefix(target) + STEP_14
    assert address.fragment == section, f"switched to {tab.url}, not to #{section}"
    # the browser scrolls to the anchor once the page has laid out: wait for it, up to 5 s
    try:
        tab.wait_for_function("id => { const top = document.getElementById(id).getBoundingClientRect().top;"
                              " return top >= 0 && top < 300; }", arg=section, timeout=5000)
    except Exception:  # noqa: BLE001 - report the position the reader sees
        top = tab.evaluate("id => document.getElementById(id).getBoundingClientRect().top", section)
        pytest.fail(f"the section #{section} is not at the top of the window ({top}px)")


def test_switching_language_at_the_top_stays_at_the_top(tab, html_server):
    tab.goto(html_server + STEP_14)
    tab.hover(".md-header__option .md-select")
    tab.locator('.md-select__link[hreflang="en"]').click()
    tab.wait_for_load_state()
    assert urlparse(tab.url).path == "/en" + STEP_14 and urlparse(tab.url).fragment == ""


# ---------- 5. phones: the glossary as cards, nothing scrolls sideways, wide tables in their own box ----------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_glossary_is_a_pile_of_cards_on_a_phone(phone, html_server, lang):
    phone.goto(html_server + prefix(lang) + "/toolkit/glossary/")
    cells = phone.locator("table.hb-glossary tbody tr").first.locator("td")
    assert cells.count() == len(LANGUAGES) + 1
    for index in range(cells.count()):
        cell = cells.nth(index)
        assert cell.evaluate("td => getComputedStyle(td).display") == "block"
        label = cell.evaluate("td => getComputedStyle(td, '::before').content")
        assert label == f'"{cell.get_attribute("data-label")}"', f"{lang}: a card's cell is labelled {label}"
    assert phone.locator("table.hb-glossary thead").evaluate("head => head.getBoundingClientRect().height") <= 1


# Boxes that scroll sideways inside the article, and which of them a keyboard cannot reach or a screen reader
# cannot name.
SCROLLING_BOXES = """() => Array.from(document.querySelectorAll('.md-content *')).filter(element => {
    const style = getComputedStyle(element);
    return /(auto|scroll)/.test(style.overflowX) && element.scrollWidth > element.clientWidth + 1
        && element.getClientRects().length; })
  .filter(element => !(element.tabIndex >= 0 && (element.getAttribute('aria-label') || element.getAttribute('aria-labelledby')))
        && !element.querySelector('a[href], button, input, select, textarea, [tabindex="0"]'))
  .map(element => element.tagName + '.' + element.className)"""


def kinds_of_page(site, lang):
    """Site paths of one language covering every kind of block (a class or data-* attribute in an article)."""
    from tests.test_browser import MARKER

    found = {}
    for path in built_pages(site):
        if language_of_built(site, path) != lang:
            continue
        html = path.read_text(encoding="utf-8")
        article = re.search(r"<article.*</article>", html, re.DOTALL)
        markers = set()
        for classes, attribute in MARKER.findall(article.group(0) if article else ""):
            markers.update(classes.split() if classes else [attribute])
        found[address_of(site, path)] = markers
    chosen, covered = [prefix(lang) + "/"], set(found.get(prefix(lang) + "/", set()))
    while True:  # greedy: the page that adds most kinds not yet seen
        best = max(found, key=lambda page: len(found[page] - covered))
        if not found[best] - covered:
            return chosen
        chosen.append(best)
        covered |= found[best]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_scrolls_sideways_on_a_phone(phone, html_server, html_site, lang):
    wide, unreachable = [], []
    for path in kinds_of_page(html_site, lang) + [prefix(lang) + "/toolkit/downloads/"]:
        phone.goto(html_server + path)
        phone.wait_for_timeout(50)
        width = phone.evaluate("document.scrollingElement.scrollWidth")
        if width > PHONE["width"]:
            wide.append(f"{path}: {width}px")
        unreachable += [f"{path}: {box}" for box in phone.evaluate(SCROLLING_BOXES)]
    assert not wide, "pages wider than a 390px phone:\n" + "\n".join(wide)
    assert not unreachable, "boxes that scroll sideways but cannot be reached with Tab or have no name:\n" + "\n".join(unreachable)


def test_a_wide_table_gets_a_named_box_on_a_phone(phone, html_server):
    phone.goto(html_server + "/toolkit/downloads/")
    boxes = phone.locator("[data-hb-scroll]")
    assert boxes.count() >= 1, "the downloads tables do not scroll in a box of their own on a phone"
    names = [boxes.nth(index).get_attribute("aria-label") for index in range(boxes.count())]
    assert all(name and name.startswith(UI["table-region"]["ru"].split("{")[0]) for name in names), names
    assert len(set(names)) == len(names), f"two boxes have one name: {names}"
    assert all(boxes.nth(index).get_attribute("tabindex") == "0" for index in range(boxes.count()))


# ---------- 6. where am I: the step and its stage; the stages in the menu; the parts as tabs ----------

STAGES = CATALOGUE.all("stages")
ROW = re.compile(r"^\| \*\*(.+?)\*\* \| (.*) \|\s*$", re.MULTILINE)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_stages_are_those_of_the_manual_overview(lang):
    overview = (DOCS / lang / "manual" / "index.md").read_text(encoding="utf-8")
    rows = [(name, [int(number) for number in re.findall(r"\]\((\d\d)-[a-z0-9-]+\.md\)", steps)])
            for name, steps in ROW.findall(overview)]
    assert rows == [(stage.value["title"][lang], stage.value["steps"]) for stage in STAGES], \
        f"data/manual/stages.yml and docs/{lang}/manual/index.md group the steps differently"


STAGE_MENU = re.compile(r'<nav class="md-nav" data-md-level="2"[^>]*>\s*<label class="md-nav__title"[^>]*>(.*?)</label>'
                        r'(.*?)</nav>', re.DOTALL)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_menu_groups_the_steps_by_stage(html_site, lang):
    """The menu's stages, with their steps, are data/manual/stages.yml's (macros/siteconfig.py adds them)."""
    html = built_page(html_site, lang, "manual/index.md").read_text(encoding="utf-8")
    menu = [(re.sub(r"<[^>]+>|\s+", " ", title).strip(), [int(step) for step in re.findall(r'href="[^"]*?(\d\d)-[a-z0-9-]+/"', items)])
            for title, items in STAGE_MENU.findall(html)]
    assert menu == [(escape(stage.value["title"][lang], quote=False), stage.value["steps"]) for stage in STAGES], menu


def step_pages():
    return sorted(md for md in source_pages("ru") if re.match(r"manual/\d\d-", md))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_step_page_says_where_it_stands(html_site, lang):
    total = sum(len(stage.value["steps"]) for stage in STAGES)
    assert total == len(step_pages()) == 22
    for md in step_pages():
        step = int(md[7:9])
        stage = next(stage.value["title"][lang] for stage in STAGES if step in stage.value["steps"])
        expected = UI["where-step"][lang].format(step=step, total=total, stage=stage[0].lower() + stage[1:])
        html = built_page(html_site, lang, md).read_text(encoding="utf-8")
        found = re.search(r'<p class="hb-where[^"]*">([^<]*)</p>', html)
        assert found and found.group(1) == escape(expected, quote=False), f"{lang}/{md}: {found and found.group(1)!r}"
        menu = html[html.index('md-nav--primary'):html.index('data-md-type="toc"')]
        for other in STAGES:
            assert escape(other.value["title"][lang], quote=False) in menu, f"{lang}/{md}: the menu lacks the stage {other.id}"


def test_the_where_line_is_only_on_step_pages(html_site):
    for md in ("manual/index.md", "standard/05-assessment.md", "index.md"):
        assert "hb-where" not in built_page(html_site, "ru", md).read_text(encoding="utf-8"), md


def test_the_parts_are_tabs_on_a_desktop(tab, html_server):
    tab.goto(html_server + STEP_14)
    tabs = tab.locator(".md-tabs__item")
    assert tab.locator(".md-tabs").is_visible()
    assert tabs.count() == len(CONFIG["nav"])
    assert tab.locator(".md-tabs__item--active").inner_text().strip() == next(iter(CONFIG["nav"][1]))


# ---------- 7. one setting for the ticks; progress, a text file, print and forget on the overview ----------

def stored(tab):
    return sorted(tab.evaluate("Object.keys(localStorage).filter(key => key.startsWith('handbook.'))"))


def step_1_items():
    checklist = re.search(r'checklist\("([^"]+)"\)', (DOCS / "ru" / "manual" / "01-founding-team.md").read_text(encoding="utf-8"))
    return CATALOGUE.get("checklists", checklist.group(1)).value["items"]


def test_one_setting_remembers_ticks_for_every_checklist(tab, html_server):
    tab.goto(html_server + STEP_1)
    tab.locator(".hb-checklist input[data-remember]").first.check()
    tab.goto(html_server + STEP_14)
    remember = tab.locator(".hb-checklist input[data-remember]")
    assert all(remember.nth(index).is_checked() for index in range(remember.count())), \
        "switched on on step 1, the setting is off on step 14"
    tab.locator(".hb-checklist input[data-item]").first.check()
    tab.reload()
    assert tab.locator(".hb-checklist input[data-item]").first.is_checked()
    # off anywhere: nothing of the checklists stays on the device
    tab.locator(".hb-checklist input[data-remember]").last.uncheck()
    assert stored(tab) == []
    tab.reload()
    assert not tab.locator(".hb-checklist input[data-item]").first.is_checked()
    assert not tab.locator(".hb-checklist input[data-remember]").first.is_checked()


def test_the_overview_shows_progress_saves_prints_and_forgets(tab, html_server):
    items = step_1_items()
    tab.goto(html_server + "/manual/")
    panel = tab.locator("[data-ticks]")
    assert panel.is_visible()
    assert tab.locator("[data-ticks-summary]").inner_text() == UI["ticks-off"]["ru"]
    assert tab.locator(".hb-step-ticks:visible").count() == 0

    tab.goto(html_server + STEP_1)
    tab.locator(".hb-checklist input[data-remember]").first.check()
    for index in (0, 1):
        tab.locator(".hb-checklist input[data-item]").nth(index).check()

    tab.goto(html_server + "/manual/")
    badge = tab.locator('.hb-step-ticks[data-step="01-founding-team"]')
    assert badge.is_visible() and badge.locator("[aria-hidden]").inner_text() == f"2/{len(items)}"
    assert tab.locator('.hb-step-ticks[data-step="14-receiving-men"]').locator("[aria-hidden]").inner_text().startswith("0/")
    assert tab.locator("[data-ticks-summary]").inner_text().startswith("Отмечено 2 из ")

    with tab.expect_download() as download:
        tab.locator("[data-ticks-download]").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert f"[x] {plain(items[0]['text']['ru'])}" in text and f"[ ] {plain(items[2]['text']['ru'])}" in text
    assert UI["ticks-file-step"]["ru"].format(step=22) in text

    tab.emulate_media(media="print")
    assert badge.is_visible(), "the printed overview does not show the ticks"
    assert panel.is_hidden(), "the buttons would be printed"
    from tests.sitetools import pdf_info
    assert pdf_info(tab.pdf(prefer_css_page_size=True))["pages"] == 1, "with ticks, the overview needs two sheets"
    tab.emulate_media(media="screen")

    tab.locator("[data-ticks-forget]").click()
    assert stored(tab) == []
    assert tab.locator("[data-ticks-status]").inner_text() == UI["ticks-forgotten"]["ru"]
    assert badge.is_hidden()
    tab.goto(html_server + STEP_1)
    assert not tab.locator(".hb-checklist input[data-item]").first.is_checked()
    assert not tab.locator(".hb-checklist input[data-remember]").first.is_checked()


# ---------- 8. edition, licences, citation, reporting a mistake ----------

def test_every_page_shows_the_edition_licences_and_a_way_to_report(html_site):
    edition = CONFIG["extra"]["edition"]
    assert isinstance(edition, datetime.date), "mkdocs.yml extra.edition is the edition's date"
    lines = edition_lines(CATALOGUE, edition)
    address = CONFIG["extra"]["report_address"]
    for path in built_pages(html_site):
        lang, html = language_of_built(html_site, path), path.read_text(encoding="utf-8")
        where = path.relative_to(html_site)
        colophon = re.search(r'<div class="hb-colophon">(.*?)</div>', html, re.DOTALL)
        assert colophon, f"{where}: no edition in the footer"
        assert escape(lines[lang], quote=False) in colophon.group(1), f"{where}: the footer does not give the edition"
        assert escape(UI["footer-licence"][lang], quote=False) in colophon.group(1)
        report = re.search(r'href="(mailto:[^"]+)"', colophon.group(1)).group(1).replace("&amp;", "&")
        assert report.startswith(f"mailto:{address}?")
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
        assert canonical in parse_qs(urlparse(report).query)["body"][0], f"{where}: the report e-mail lacks the page's address"
        cite = re.search(r'<a href="([^"]+)">' + re.escape(escape(UI["footer-cite"][lang], quote=False)), colophon.group(1))
        target = (path.parent / cite.group(1)).resolve() / "index.html"
        assert target == built_page(html_site, lang, "toolkit/cite.md").resolve(), f"{where}: the citation link leads elsewhere"


def test_the_report_link_carries_the_address_the_page_is_read_at(tab, html_server):
    tab.goto(html_server + "/kk" + STEP_14)
    href = tab.locator("[data-report]").get_attribute("href")
    body = parse_qs(urlparse(href).query)["body"][0]
    assert tab.url in body


def test_the_licence_files():
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    content = (ROOT / "LICENSE-content").read_text(encoding="utf-8")
    assert "Creative Commons Attribution 4.0 International Public License" in content


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_citation_page_cites_this_edition(html_site, lang):
    html = built_page(html_site, lang, "toolkit/cite.md").read_text(encoding="utf-8")
    items = re.findall(r'<li lang="([a-z]+)">(.*?)</li>', re.search(r'<ul class="hb-citation">(.*?)</ul>', html).group(1))
    assert [code for code, _ in items] == [lang] + [code for code in LANGUAGES if code != lang]
    from macros.downloads import edition_texts
    for code, text in items:
        assert escape(edition_texts(CONFIG["extra"]["edition"], code)[1], quote=False) in text
        assert "CC BY 4.0" in text


# ---------- 9. accessibility: axe-core finds nothing ----------

def axe_script():
    try:
        from axe_playwright_python.base import AXE_FILE_PATH
    except ImportError:
        pytest.fail("axe-playwright-python (requirements.txt) is missing: it carries axe-core's axe.min.js")
    return AXE_FILE_PATH


def axe(tab, where, contrast=True):
    options = {"resultTypes": ["violations"]}
    if not contrast:
        options["rules"] = {"color-contrast": {"enabled": False}}
    results = tab.evaluate("options => axe.run(document, options)", options)
    return [f"{where}: {violation['id']}: {', '.join(str(node['target']) for node in violation['nodes'][:3])}"
            for violation in results["violations"]]


def test_axe_finds_no_violation(chromium, html_server, html_site):
    """One page of each kind in every language (light scheme, desktop), then the dark scheme, a phone, the open
    search dialog and the projector mode on a few of them, and the 404 page. Colours are the same in every
    language, and checking the contrast of every cell of a large form takes most of the time: the Kazakh and
    English pages of each kind are checked for everything but contrast, which their home and step 14 pages
    and the dark, phone, search and projector runs check in every language."""
    script = axe_script()
    found = []

    def run(paths, label, viewport=None, color_scheme="light", before=None, contrast=lambda path: True):
        tab = new_tab(chromium, viewport, color_scheme=color_scheme)
        tab.context.add_init_script(path=str(script))
        for path in paths:
            tab.goto(html_server + path)
            tab.wait_for_timeout(50)
            if before:
                before(tab, path)
            found.extend(axe(tab, f"{path} [{label}]", contrast(path)))
        tab.context.close()

    def search(tab, path):
        tab.keyboard.press("/")
        tab.locator("input.md-search__input").fill("risk" if path.startswith("/en") else "риск")
        tab.locator(".md-search-result__item").first.wait_for()

    def present(tab, path):
        if not tab.locator("html.hb-present").count():
            tab.locator(".hb-present-toggle button").click()
        tab.locator("html.hb-present").wait_for(state="attached")

    every_kind = [path for lang in LANGUAGES for path in kinds_of_page(html_site, lang)]
    few = [prefix(lang) + path for lang in LANGUAGES for path in ("/", STEP_14, "/toolkit/glossary/")]
    contrast_checked = {prefix(lang) + path for lang in LANGUAGES for path in ("/", STEP_14)}
    run(every_kind + ["/some/missing/path"], "light",
        contrast=lambda path: not path.startswith(("/kk/", "/en/")) or path in contrast_checked)
    run(few, "dark", color_scheme="dark")
    run(few, "phone", viewport=PHONE)
    run([prefix(lang) + "/manual/" for lang in LANGUAGES], "search", before=search)
    run([prefix(lang) + path for lang in LANGUAGES for path in (STEP_14, "/toolkit/glossary/")], "projector", before=present)
    assert not found, "axe-core finds:\n" + "\n".join(found)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_self_assessment_sheet_fits_a_projector_screen(chromium, html_server, lang):
    """At 1280×720, with the menu and the table of contents shown, the sheet's evidence column is on screen: the
    table does not scroll sideways (sample 107's reader and the lead saw «Растайтын дерек…» cut off)."""
    tab = new_tab(chromium, {"width": 1280, "height": 720})
    tab.goto(html_server + prefix(lang) + "/standard/13-quality/")
    widths = tab.evaluate("""() => [...document.querySelectorAll('.hb-self-assessment table')]
        .map(table => [table.scrollWidth, table.parentElement.clientWidth])""")
    tab.context.close()
    assert widths and all(table <= box + 1 for table, box in widths), f"{lang}: table wider than its column: {widths[:3]}"


def test_steps_inside_a_bullet_are_numbered_as_the_text_cites_them(tab, html_server):
    """9.14 cites its steps by number («шаг 1», «шаг 5»): a numbered list inside a bullet shows 1, 2, 3, not a, b, c."""
    tab.goto(html_server + "/standard/09-information-sharing/")
    styles = tab.evaluate("[...document.querySelectorAll('article ul > li > ol')].map(ol => getComputedStyle(ol).listStyleType)")
    assert styles and set(styles) == {"decimal"}, styles
