"""Fixtures: the site is built once per test session; a local server serves it; a browser opens it.

Two views of the one build: `html_site`/`html_server` as soon as the pages are built (for tests that need
no PDF), `site`/`server` after the chapter PDFs are printed into it (as `make build` leaves it)."""

import pytest

from scripts.browser import BrowserError, check_chromium, launch
from scripts.chapter_pdfs import build_pdfs, serve
from tests.sitetools import ROOT, mkdocs_build, new_tab


@pytest.fixture(scope="session")
def build(tmp_path_factory):
    """The strict build of the real project, once per session: (result, folder), even when it failed."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site)
    return result, site


@pytest.fixture(scope="session")
def html_site(build):
    """The built pages (the chapter PDFs may not be printed yet)."""
    result, site = build
    if result.returncode != 0:
        pytest.fail("the site does not build:\n" + (result.stdout + result.stderr)[-4000:])
    return site


@pytest.fixture(scope="session")
def html_server(html_site):
    """Base URL of the built site served on 127.0.0.1 (a free port), as a static host serves it."""
    httpd = serve(html_site)
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def site(html_site):
    """The built site with its chapter PDFs, as `make build` leaves it."""
    build_pdfs(html_site)
    return html_site


@pytest.fixture(scope="session")
def server(site, html_server):
    """Base URL of the built site, once its chapter PDFs are printed."""
    return html_server


@pytest.fixture(scope="module")
def chromium():
    """Debian's Chromium through Playwright, with the project's flags (scripts/browser.py)."""
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
def page(chromium, server):
    """A fresh page (empty storage) that records every request leaving 127.0.0.1, the service worker's too."""
    tab = new_tab(chromium)
    yield tab
    tab.context.close()
