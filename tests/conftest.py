"""Fixtures: the site is built once per test session; a local server serves it."""

import pytest

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
