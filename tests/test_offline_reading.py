"""Reading offline (overrides/sw.js and the offline part of handbook.js), in Debian's Chromium.

Nothing is kept before the reader asks. What was saved opens without the network; a page that was not
saved shows a short page in its own language, not the browser's error. "Remove saved pages" leaves
nothing behind, even when the browser stops the worker and starts it again for a tab it still serves.
Another copy of the site on the same host (another folder) keeps what it saved.
"""

import pytest
import yaml

pytest.importorskip("playwright.sync_api")

from tests.sitetools import ROOT

# The server of the tests serves the site at its root: our caches are "handbook-offline|/|<version>".
OURS = "handbook-offline|/|"
OTHERS = ["handbook-offline|/other-handbook/|2", "someone-else"]

KEPT = """() => Promise.all([caches.keys(), navigator.serviceWorker.getRegistrations()])
    .then(([names, registrations]) => ({caches: names.sort(), workers: registrations.map(r => r.scope)}))"""


@pytest.fixture(scope="module")
def ui():
    return yaml.safe_load((ROOT / "data/ui.yml").read_text(encoding="utf-8"))["ui"]


def kept(page):
    return page.evaluate(KEPT)


def save(page, ui, lang):
    page.locator("[data-offline-save]").click()
    page.locator("[data-offline-status]").filter(has_text=ui["offline-done"][lang]).wait_for(timeout=60000)


def remove(page, ui, lang):
    page.locator("[data-offline-remove]").click()
    page.locator("[data-offline-status]").filter(has_text=ui["offline-removed"][lang]).wait_for()


def test_pages_are_kept_offline_only_on_request_and_removed_on_request(page, server, ui):
    page.goto(server + "/kk/manual/02-similar-work/")
    assert kept(page) == {"caches": [], "workers": []}, "the browser keeps pages before the reader asked"

    # another copy of the handbook on this host, something else's cache, and an older version of ours
    page.evaluate("""async (names) => {
        for (const name of names) await (await caches.open(name)).put("/x", new Response("x"));
    }""", OTHERS + [OURS + "1"])
    save(page, ui, "kk")
    state = kept(page)
    assert state["workers"] == [server + "/"]
    assert state["caches"] == sorted(OTHERS + [OURS + "2"]), "ours is not named after the site, or the old one stayed"

    page.context.set_offline(True)
    try:
        page.goto(server + "/kk/standard/05-assessment/")  # a page not opened before
        assert page.locator("h1").inner_text().startswith("5."), "a saved page does not open offline"
        # a page that was not saved (another language): a readable page in that language, not a browser error
        page.goto(server + "/en/standard/05-assessment/")
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.locator("h1").inner_text() == ui["offline-not-saved-title"]["en"]
        page.goto(server + "/no-such-page/")
        assert page.locator("h1").inner_text() == ui["offline-not-saved-title"]["ru"]
        page.go_back()
    finally:
        page.context.set_offline(False)

    page.goto(server + "/kk/manual/02-similar-work/")
    remove(page, ui, "kk")
    assert kept(page) == {"caches": sorted(OTHERS), "workers": []}, "removing left saved pages behind"

    # The tab is still served by the (unregistered) worker. The browser may stop it and start it again
    # for the tab's next request: it must not save anything then.
    cdp = page.context.new_cdp_session(page)
    cdp.send("ServiceWorker.enable")
    cdp.send("ServiceWorker.stopAllWorkers")
    page.evaluate("""() => Promise.all(["/kk/", "/kk/manual/", location.href, "/assets/javascripts/handbook.js"]
        .map(url => fetch(url))).then(() => new Promise(done => setTimeout(done, 1000)))""")
    assert kept(page) == {"caches": sorted(OTHERS), "workers": []}, "saved pages came back after removal"
    page.reload()
    assert page.evaluate("navigator.serviceWorker.controller") is None
    assert kept(page) == {"caches": sorted(OTHERS), "workers": []}
    assert page.locator("[data-offline-save]").is_visible(), "the footer still offers to remove saved pages"
