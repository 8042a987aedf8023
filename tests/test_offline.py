"""Nothing is loaded from another host: no web fonts, CDN scripts or analytics."""

import re
from urllib.parse import urlparse

from tests.sitetools import built_pages, parse_page

URL = re.compile(r"""https?://[^\s"'()<>\\]+""")

# Strings in the files Material ships that name other hosts but are never requested here,
# each with the reason. A new host in the built files fails the test until it is understood.
INERT_HOSTS = {
    "www.w3.org": "XML namespaces of inline SVG and the sitemap, not requests",
    "www.sitemaps.org": "sitemap namespace",
    "unpkg.com": "Material's bundle: mermaid (no page uses diagrams) and a ResizeObserver polyfill "
                 "that overrides/main.html makes unnecessary",
    "api.github.com": "Material's repository facts, only with repo_url (not set)",
}
# Licence headers and comments in the search library's language files (lunr) and the bundle.
COMMENT_HOSTS = {
    "www.mozilla.org", "snowball.tartarus.org", "tartarus.org", "code.google.com", "github.com",
    "en.wikipedia.org", "developer.mozilla.org", "clipboardjs.com", "bit.ly", "wiki.ecmascript.org",
    "wiki.commonjs.org", "underscorejs.org", "people.mozilla.org", "narwhaljs.org",
    "msdn.microsoft.com", "lunrjs.com", "docs.python.org", "chasen.org", "fontawesome.com",
    "squidfunk.github.io", "opensource.org", "mths.be", "feross.org",
}


def hosts_in(text):
    """Host names in URLs written out in a text. A host built at run time from a
    variable (`https://${e}/api/…`, Material's GitLab source widget) names no host:
    it is inert while `repo_url` is unset, which another test checks."""
    hosts = {urlparse(url).hostname for url in URL.findall(text)} - {None}
    return {host for host in hosts if "${" not in host}


def test_pages_load_nothing_from_other_hosts(site):
    """<script src>, <link href>, <img src> … on every page are on this site."""
    external = []
    for page in built_pages(site):
        for src in parse_page(page).resources:
            if urlparse(src).netloc or src.startswith("//"):
                external.append(f"{page.relative_to(site)}: {src}")
    assert not external, "\n".join(external)


def test_styles_import_nothing_from_other_hosts(site):
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        for match in re.findall(r"(?:url\(|@import)\s*['\"]?(https?:)?//([^/'\")]+)", text):
            assert match[1] in INERT_HOSTS, f"{css.relative_to(site)} loads from {match[1]}"


def test_scripts_name_only_known_inert_hosts(site):
    unknown = {}
    for script in list(site.rglob("*.js")) + list(site.rglob("*.css")):
        for host in hosts_in(script.read_text(encoding="utf-8", errors="replace")):
            if host not in INERT_HOSTS and host not in COMMENT_HOSTS:
                unknown.setdefault(host, script.relative_to(site).as_posix())
    assert not unknown, f"unexpected hosts in scripts or styles: {unknown}"


def test_no_web_fonts_or_analytics_configured():
    from tests.sitetools import ROOT

    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s*font:\s*false", config, re.MULTILINE), "theme.font must be false (no Google Fonts)"
    assert "analytics" not in config
    assert "repo_url" not in config
