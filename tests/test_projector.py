"""Projector mode and the presenter view (overrides/assets/javascripts/projector.js), in Debian's Chromium.

A trainer projects a page at 1280×720 or 1024×768 and drives it with a presentation remote, which sends
PageDown/PageUp (sometimes Space, B or "."). These tests press the same keys."""

import re
from itertools import pairwise

import pytest
import yaml

from tests.sitetools import DEFAULT_LANGUAGE, LANGUAGES, ROOT, new_tab

STEP_14 = "/manual/14-receiving-men/"
SESSIONS = "/programme/03-module-responsibility/"  # block 2: sessions 5–8, one plan per section
UI = yaml.safe_load((ROOT / "data/ui.yml").read_text(encoding="utf-8"))["ui"]

sync_api = pytest.importorskip("playwright.sync_api")


def new_page(chromium, width=1280, height=720):
    """A tab (tests/sitetools.py: new_tab, which records requests leaving the site) that also keeps script errors."""
    page = new_tab(chromium, {"width": width, "height": height})
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return page


@pytest.fixture
def page(chromium):
    """A fresh 1280×720 window (empty storage)."""
    page = new_page(chromium)
    yield page
    assert page.errors == [], page.errors
    assert page.outside_requests == [], page.outside_requests
    page.context.close()


def present(page, url):
    page.goto(url)
    if not page.locator("html.hb-present").count():  # the mode stays on from page to page in a tab
        page.locator(".hb-present-toggle button").click()
    assert page.locator("html.hb-present").count() == 1


# what the projected window shows; the last line is the bottom of the last box of text of the section
STATE = """() => {
  const box = document.querySelector('.md-container');
  const view = box.getBoundingClientRect();
  const shown = [...document.querySelectorAll('article > [data-hb-section]')].filter(node => !node.hidden);
  const range = document.createRange();
  let last = null;
  for (const node of shown) {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      if (!text.nodeValue.trim()) continue;
      range.selectNodeContents(text);
      for (const rect of range.getClientRects()) if (rect.height && (!last || rect.bottom > last.bottom)) last = rect;
    }
  }
  const bar = document.querySelector('.hb-present-bar').getBoundingClientRect();
  return {
    section: Number(shown[0].dataset.hbSection), top: box.scrollTop, height: box.clientHeight,
    scrollHeight: box.scrollHeight, viewTop: view.top, viewBottom: view.top + box.clientHeight,
    lastTop: last.top, lastBottom: last.bottom, barTop: bar.top, barBottom: bar.bottom,
    position: document.querySelector('.hb-present-position').textContent,
  };
}"""


def state(page):
    return page.evaluate(STATE)


def last_line_visible(s):
    return s["lastTop"] >= s["viewTop"] - 0.5 and s["lastBottom"] <= s["viewBottom"] + 0.5 and s["lastBottom"] <= s["barTop"]


def headings(page):
    """The text of the page's h1 and h2 headings, without the permalink sign."""
    return page.eval_on_selector_all("article h1, article h2", """nodes => nodes.map(node => [...node.childNodes]
        .filter(child => !(child.classList && child.classList.contains('headerlink')))
        .map(child => child.textContent).join('').trim())""")


def next_section(page, limit=40):
    """PageDown until the next section is on screen."""
    before = state(page)["section"]
    for _ in range(limit):
        page.keyboard.press("PageDown")
        if state(page)["section"] != before:
            return
    pytest.fail("PageDown never reached the next section")


# ---------- one section at a time, a screen at a time ----------

def test_projector_mode_shows_one_section_at_a_time(page, html_server):
    present(page, html_server + STEP_14)
    assert page.locator(".md-sidebar--primary").is_hidden()
    assert page.locator("article h1").is_visible()
    assert page.locator("article h2").nth(0).is_hidden()
    next_section(page)
    assert page.locator("article h2").nth(0).is_visible()
    assert page.locator("article h2").nth(1).is_hidden()
    page.keyboard.press("Escape")
    assert page.locator("html.hb-present").count() == 0
    assert page.locator("article h2").nth(1).is_visible()


def test_projector_mode_shows_session_plans_one_at_a_time(page, html_server):
    page.goto(html_server + SESSIONS)
    sessions = page.locator("article .hb-session")
    assert sessions.count() == 4
    page.locator(".hb-present-toggle button").click()
    next_section(page)  # what facilitators need to know
    next_section(page)  # the heading with the first session
    assert page.locator("article h2#sessions").is_visible()
    assert sessions.nth(0).is_visible() and sessions.nth(1).is_hidden()
    next_section(page)
    assert sessions.nth(0).is_hidden() and sessions.nth(1).is_visible()


def test_page_down_scrolls_through_a_long_section_before_moving_on(page, html_server):
    present(page, html_server + STEP_14)
    states = [state(page)]
    while states[-1]["section"] < 3:
        page.keyboard.press("PageDown")
        states.append(state(page))
    first_call = [s for s in states if s["section"] == 1]
    assert first_call[0]["scrollHeight"] > 2 * first_call[0]["height"], "step 14's first section is not long: pick another"
    assert len(first_call) >= 3, "PageDown left a long section before scrolling through it"
    for before, after in pairwise(states):
        if after["section"] == before["section"]:
            assert after["top"] > before["top"], "PageDown did not move"
            assert after["top"] - before["top"] <= before["height"], "PageDown jumped more than a screen: lines were skipped"
            assert not last_line_visible(before), "PageDown scrolled on after the end of the section"
        else:
            assert after["section"] == before["section"] + 1
            assert last_line_visible(before), f"section {before['section']} was left before its last line was shown"
            assert after["top"] == 0, "a new section does not start at its top"


def test_page_up_goes_back_a_screen_then_to_the_end_of_the_previous_section(page, html_server):
    present(page, html_server + STEP_14)
    next_section(page)
    next_section(page)  # section 2, at its top
    page.keyboard.press("PageUp")
    s = state(page)
    assert s["section"] == 1, "PageUp at the top of a section does not go back to the previous one"
    assert s["top"] > 0 and last_line_visible(s), "the previous section does not open at its end"
    tops = [s["top"]]
    while state(page)["section"] == 1:
        page.keyboard.press("PageUp")
        s = state(page)
        if s["section"] == 1:
            assert s["top"] < tops[-1] and tops[-1] - s["top"] <= s["height"]
            tops.append(s["top"])
    assert tops[-1] == 0, "PageUp left the section before its top was shown"
    assert state(page)["section"] == 0
    for key in ("ArrowDown", "ArrowRight", " "):
        page.keyboard.press(key)
    assert state(page)["section"] > 0, "arrows and Space do not go forward"
    for key in ("ArrowUp", "ArrowLeft", "Shift+Space"):
        page.keyboard.press(key)
    assert state(page)["section"] == 0, "arrows and Shift+Space do not go back"


def test_home_and_end_go_to_the_first_and_last_section(page, html_server):
    present(page, html_server + STEP_14)
    total = page.locator("article h2").count() + 1
    page.keyboard.press("End")
    assert state(page)["section"] == total - 1
    page.keyboard.press("Home")
    assert state(page)["section"] == 0


@pytest.mark.parametrize("key", ["b", "."])
def test_b_blanks_the_screen_and_any_key_brings_it_back(page, html_server, key):
    present(page, html_server + STEP_14)
    next_section(page)
    page.keyboard.press("PageDown")
    before = state(page)
    page.keyboard.press(key)
    blank = page.locator(".hb-present-blank")
    assert blank.is_visible()
    box = blank.bounding_box()
    assert (box["x"], box["y"], box["width"], box["height"]) == (0, 0, 1280, 720), "the black screen does not cover it all"
    assert blank.evaluate("node => getComputedStyle(node).backgroundColor") == "rgb(0, 0, 0)"
    page.keyboard.press("PageDown")  # any key: the picture comes back, and the page does not move
    assert blank.is_hidden()
    after = state(page)
    assert (after["section"], after["top"]) == (before["section"], before["top"])


def test_trainer_notes_are_not_projected(page, html_server):
    page.goto(html_server + STEP_14)
    notes = page.locator("article .admonition.trainer")
    assert notes.count() == 1 and notes.first.is_visible()
    page.locator(".hb-present-toggle button").click()
    while not page.locator("article h2#questions").is_visible():
        next_section(page)
    assert page.locator("article .hb-questions").is_visible()
    assert notes.first.is_hidden(), "the trainer's note is projected"
    page.keyboard.press("Escape")
    assert notes.first.is_visible()


# ---------- where we are ----------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_position_is_always_shown(page, html_server, lang):
    """"Step 14 · 3/8" and "Session 5 · part 2/6", in the reader's language (data/ui.yml)."""
    step = UI["present-position-step"][lang].replace("{step}", "14")
    session = UI["present-position-session"][lang].replace("{session}", "5")
    prefix = "" if lang == DEFAULT_LANGUAGE else f"/{lang}"
    present(page, html_server + prefix + STEP_14)
    total = page.locator("article h2").count() + 1
    assert state(page)["position"] == step.format(current=1, total=total)
    next_section(page)
    next_section(page)
    assert state(page)["position"] == step.format(current=3, total=total)
    assert page.locator(".hb-present-position").is_visible()

    present(page, html_server + prefix + SESSIONS)
    parts = page.locator("article .hb-session").first.locator(".hb-session__part").count()
    next_section(page)
    next_section(page)
    assert state(page)["position"] == session.format(part=1, parts=parts)
    shown = {state(page)["position"]}
    while state(page)["section"] == 2:
        page.keyboard.press("PageDown")
        shown.add(state(page)["position"])
    assert session.format(part=parts, parts=parts) in shown, f"the last part never showed: {shown}"


# ---------- readable from the back of the room ----------

@pytest.mark.parametrize("width, height", [(1280, 720), (1024, 768)])
def test_the_bar_never_covers_text(chromium, html_server, width, height):
    page = new_page(chromium, width, height)
    present(page, html_server + STEP_14)
    total = page.locator("article h2").count() + 1
    for section in range(total):
        while True:
            s = state(page)
            assert s["viewBottom"] <= s["barTop"] + 0.5, "the page scrolls under the bar"
            if s["section"] != section or last_line_visible(s):
                break
            page.keyboard.press("PageDown")
        assert s["section"] == section
        assert s["lastBottom"] <= s["barTop"], f"the bar covers the last line of section {section}"
        page.keyboard.press("PageDown")
    page.context.close()


LINES = """() => {
  // characters on each line of each paragraph and list item on screen
  const lengths = [];
  for (const block of document.querySelectorAll('article p, article li')) {
    if (!block.getClientRects().length || block.querySelector('p, li')) continue;
    const lines = new Map();
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(text, i); range.setEnd(text, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        const line = Math.round(rect.top / 4);
        lines.set(line, (lines.get(line) || 0) + 1);
      }
    }
    lengths.push(...lines.values());
  }
  const article = document.querySelector('article');
  const zero = document.createElement('span');
  zero.textContent = '0'.repeat(100);
  zero.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
  article.appendChild(zero);
  const ch = zero.getBoundingClientRect().width / 100;
  zero.remove();
  const sizes = [...article.querySelectorAll(':scope > p, :scope > ul > li, :scope > ol > li')]
    .filter(node => node.getClientRects().length).map(node => parseFloat(getComputedStyle(node).fontSize));
  return {longest: Math.max(...lengths), widthInCh: article.clientWidth / ch, fontSize: Math.min(...sizes, 99)};
}"""


@pytest.mark.parametrize("width, height", [(1280, 720), (1024, 768)])
@pytest.mark.parametrize("path", [STEP_14, "/kk" + SESSIONS])
def test_lines_are_short_and_type_is_large(chromium, html_server, width, height, path):
    page = new_page(chromium, width, height)
    present(page, html_server + path)
    total = page.evaluate("Math.max(...[...document.querySelectorAll('article > [data-hb-section]')]"
                          ".map(node => Number(node.dataset.hbSection))) + 1")
    longest = 0
    for section in range(total):
        measured = page.evaluate(LINES)
        longest = max(longest, measured["longest"])
        assert measured["widthInCh"] <= 70, f"the text column is {measured['widthInCh']:.0f}ch wide"
        assert measured["fontSize"] >= 22, f"text of {measured['fontSize']}px is too small to project"
        if section < total - 1:
            next_section(page)
    assert 40 <= longest <= 75, f"{path} at {width}×{height}: a line of {longest} characters"
    page.context.close()


def test_black_on_white_with_a_bold_dark_title(page, html_server):
    page.emulate_media(color_scheme="dark")  # the reader's dark scheme does not reach the projector
    present(page, html_server + STEP_14)
    colours = page.evaluate("""() => {
      const style = selector => getComputedStyle(document.querySelector(selector));
      return {
        text: style('article p').color, background: style('.md-container').backgroundColor,
        title: style('article h1').color, titleWeight: style('article h1').fontWeight,
        position: style('.hb-present-position').color, positionWeight: style('.hb-present-position').fontWeight,
        barBackground: style('.hb-present-bar').backgroundColor,
      };
    }""")
    assert colours["text"] == colours["title"] == colours["position"] == "rgb(0, 0, 0)", colours
    assert colours["background"] == colours["barBackground"] == "rgb(255, 255, 255)", colours
    assert int(colours["titleWeight"]) >= 700 and int(colours["positionWeight"]) >= 700, colours
    # labels that are grey on screen (minutes, "you might say", tags) are black here, in every section
    for path in (STEP_14, SESSIONS):
        present(page, html_server + path)
        greys = page.evaluate("""() => [...document.querySelectorAll('article *:not(.headerlink)')]
          .filter(node => [...node.childNodes].some(child => child.nodeType === 3 && child.nodeValue.trim()))
          .map(node => getComputedStyle(node).color)
          .filter(colour => colour !== 'rgb(0, 0, 0)' && colour !== 'rgb(11, 61, 145)')""")
        assert greys == [], f"{path}: text that is not black (or the link colour): {set(greys)}"


def test_heading_links_hidden_and_no_toggle_on_phones(chromium, html_server):
    page = new_page(chromium)
    present(page, html_server + STEP_14)
    next_section(page)
    assert page.locator("article h2 .headerlink").first.is_hidden()
    page.context.close()
    phone = new_page(chromium, 400, 800)
    phone.goto(html_server + STEP_14)
    assert phone.locator(".hb-present-toggle").is_hidden()
    phone.context.close()


def test_full_screen_from_the_bar_and_the_f_key(page, html_server):
    present(page, html_server + STEP_14)
    page.locator("[data-present-fullscreen]").click()
    page.wait_for_function("document.fullscreenElement === document.documentElement")
    page.keyboard.press("f")
    page.wait_for_function("document.fullscreenElement === null")
    page.keyboard.press("f")
    page.wait_for_function("document.fullscreenElement === document.documentElement")


# ---------- the presenter view ----------

def open_presenter(page):
    with page.context.expect_page() as popup:
        page.locator("[data-present-presenter]").click()
    presenter = popup.value
    presenter.errors = []
    presenter.on("pageerror", lambda error: presenter.errors.append(str(error)))
    presenter.wait_for_load_state()
    presenter.locator(".hb-presenter__waiting").wait_for(state="hidden")
    return presenter


def test_presenter_view_follows_the_projected_window(page, html_server):
    present(page, html_server + STEP_14)
    presenter = open_presenter(page)
    titles = headings(page)  # the h1, then the h2s
    title = presenter.locator(".hb-presenter__title")
    assert title.inner_text() == titles[0]
    assert presenter.locator(".hb-presenter__next").inner_text() == titles[1]
    assert presenter.locator(".hb-presenter__position").inner_text() == state(page)["position"]
    assert presenter.locator("article, .md-header").first.is_hidden(), "the presenter view shows the page itself"

    next_section(page)
    presenter.wait_for_function("title => document.querySelector('.hb-presenter__title').textContent === title", arg=titles[1])
    assert presenter.locator(".hb-presenter__next").inner_text() == titles[2]
    assert UI["present-no-notes"][DEFAULT_LANGUAGE] in presenter.locator(".hb-presenter__notes").inner_text()

    # the trainer's note of the section with the reflection questions: only in the presenter view
    page.keyboard.press("End")
    page.keyboard.press("PageUp")
    questions = titles[1 + page.eval_on_selector_all("article h2", "nodes => nodes.findIndex(n => n.id === 'questions')")]
    presenter.wait_for_function("title => document.querySelector('.hb-presenter__title').textContent === title", arg=questions)
    note = presenter.locator(".hb-presenter__notes .admonition.trainer")
    original = page.locator("article .admonition.trainer")
    assert original.is_hidden()
    assert note.is_visible() and " ".join(original.text_content().split()) == " ".join(note.text_content().split())

    # the remote pressed while the presenter view has the focus drives the projected window
    presenter.bring_to_front()
    presenter.keyboard.press("b")
    page.locator(".hb-present-blank").wait_for(state="visible")
    presenter.locator(".hb-presenter__status").wait_for(state="visible")
    presenter.keyboard.press("x")
    page.locator(".hb-present-blank").wait_for(state="hidden")
    presenter.keyboard.press("End")
    last = f"{len(titles)}/{len(titles)}"
    page.wait_for_function("last => document.querySelector('.hb-present-position').textContent.endsWith(last)", arg=last)
    assert presenter.errors == []


def test_presenter_view_times_the_parts_of_a_session(page, html_server):
    page.context.clock.install()
    present(page, html_server + "/kk" + SESSIONS)
    presenter = open_presenter(page)
    assert presenter.locator(".hb-presenter__timer").is_hidden(), "a timer for a section without a session plan"
    next_section(page)
    next_section(page)
    timer = presenter.locator(".hb-presenter__timer")
    timer.wait_for()
    first = page.locator("article .hb-session").first.locator(".hb-session__part").first
    minutes = int(re.search(r"\d+", first.locator(".hb-session__minutes").inner_text()).group())
    clock = presenter.locator(".hb-presenter__clock")
    assert clock.inner_text() == f"{minutes:02d}:00"
    assert presenter.locator(".hb-presenter__part").inner_text() in first.inner_text()
    assert presenter.locator(".hb-presenter__title").inner_text().startswith("5-сабақ")

    presenter.clock.pause_at(presenter.evaluate("Date.now()") + 1000)  # time moves only when the test says so
    presenter.locator("[data-timer-start]").click()
    presenter.clock.run_for("01:05")
    assert clock.inner_text() == f"{minutes - 2:02d}:55"
    presenter.locator("[data-timer-start]").click()  # pause
    presenter.clock.run_for("02:00")
    assert clock.inner_text() == f"{minutes - 2:02d}:55"
    presenter.locator("[data-timer-start]").click()
    presenter.clock.run_for(f"{minutes:02d}:00")
    assert clock.inner_text() == "−01:05" and presenter.locator(".hb-presenter__over").is_visible()
    presenter.locator("[data-timer-reset]").click()
    assert clock.inner_text() == f"{minutes:02d}:00"

    # the part follows the projected window
    while page.evaluate("document.querySelector('.hb-present-position').textContent.startsWith('5-сабақ · 1/')"):
        page.keyboard.press("PageDown")
    presenter.wait_for_function("!document.querySelector('.hb-presenter__position').textContent.includes(' · 1/')")
    assert presenter.locator(".hb-presenter__position").inner_text() == state(page)["position"]
    assert presenter.errors == []


def test_presenter_view_follows_to_another_page(page, html_server):
    present(page, html_server + STEP_14)
    presenter = open_presenter(page)
    page.goto(html_server + "/manual/15-staff-meetings/")  # projector mode stays on in this tab
    assert page.locator("html.hb-present").count() == 1
    presenter.wait_for_url(re.compile(r"/manual/15-staff-meetings/\?presenter="))
    presenter.wait_for_function("document.querySelector('.hb-presenter__title').textContent.startsWith('Шаг 15')")


# ---------- the code asks only for strings that exist ----------

def test_every_interface_string_the_projector_asks_for_exists():
    code = (ROOT / "overrides/assets/javascripts/projector.js").read_text(encoding="utf-8")
    asked = set(re.findall(r'ui\[\s*"([\w-]+)"\s*\]', code)) | set(re.findall(r'ui\[spec\[1\]\]|"(present-[\w-]+)"', code))
    asked.discard("")
    assert len(asked) > 10, "the pattern found no interface string: update this test"
    assert asked <= set(UI), f"not in data/ui.yml: {asked - set(UI)}"
    for key in asked:
        assert all(UI[key].get(lang) for lang in LANGUAGES), key
