"""Every internal link, anchor and resource of the built site resolves, in every language."""

from urllib.parse import unquote, urljoin, urlparse

from tests.sitetools import built_pages, parse_page

BASE = "http://site.invalid/"


def target_file(site, page, href):
    """The file a same-site URL points to, or None for other hosts and schemes."""
    page_url = urljoin(BASE, page.relative_to(site).as_posix())
    url = urlparse(urljoin(page_url, href))
    if f"{url.scheme}://{url.netloc}/" != BASE:
        return None, None
    path = site / unquote(url.path).lstrip("/")
    if url.path.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path, url.fragment


def test_internal_links_and_anchors_resolve(site):
    parsed = {}
    broken = []
    for page in built_pages(site):
        parsed.setdefault(page, parse_page(page))
        for href in parsed[page].links:
            if href.startswith(("mailto:", "tel:", "javascript:")):
                continue
            path, fragment = target_file(site, page, href)
            if path is None:
                continue
            if not path.is_file():
                broken.append(f"{page.relative_to(site)}: {href} (no such page)")
                continue
            if fragment and path.suffix == ".html":
                target = parsed.setdefault(path, parse_page(path))
                if unquote(fragment) not in target.ids:
                    broken.append(f"{page.relative_to(site)}: {href} (no #{fragment} there)")
    assert not broken, "\n".join(broken)


def test_scripts_styles_and_images_resolve(site):
    missing = []
    for page in built_pages(site):
        for src in parse_page(page).resources:
            path, _ = target_file(site, page, src)
            if path is not None and not path.is_file():
                missing.append(f"{page.relative_to(site)}: {src}")
    assert not missing, "\n".join(missing)
