"""Fixtures: the site is built once per test session; a local server serves it; a browser opens it."""

from urllib.parse import urlparse

import pytest

from scripts.browser import BrowserError, check_chromium, launch
from scripts.chapter_pdfs import build_pdfs, serve
from tests.sitetools import ROOT, mkdocs_build


@pytest.fixture(scope="session")
def build(tmp_path_factory):
    """The strict build of the real project, once per session."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site)
    return result, site


@pytest.fixture(scope="session")
def site(build):
    """The built site with its chapter PDFs, as `make build` leaves it."""
    result, site = build
    if result.returncode != 0:
        pytest.fail("the site does not build:\n" + (result.stdout + result.stderr)[-4000:])
    build_pdfs(site)
    return site


@pytest.fixture(scope="session")
def server(site):
    """Base URL of the built site served on 127.0.0.1 (a free port)."""
    httpd = serve(site)
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser(server):
    """Debian's Chromium through Playwright (scripts/browser.py), after the PDFs are printed."""
    sync_api = pytest.importorskip("playwright.sync_api")
    try:
        check_chromium()
    except BrowserError as error:
        pytest.fail(str(error))
    with sync_api.sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    """A fresh page (empty storage) that records every request leaving 127.0.0.1, the service worker's too."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.outside_requests = []

    def record(request):
        if urlparse(request.url).hostname != "127.0.0.1" and not request.url.startswith(("data:", "blob:")):
            page.outside_requests.append(request.url)

    context.on("request", record)  # the context sees the service worker's requests too
    yield page
    context.close()
