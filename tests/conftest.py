"""Fixtures: the site is built once per test session; a local server serves it."""

import functools
import http.server
import threading

import pytest

from scripts.chapter_pdfs import build_pdfs
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


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(site):
    """Base URL of the built site served on 127.0.0.1 (a free port)."""
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
