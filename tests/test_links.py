"""Every internal link, anchor and resource of the built site resolves, in every language."""

import posixpath
import re
from urllib.parse import unquote, urljoin, urlparse

from macros.siteconfig import nav_pages, read_config
from tests.sitetools import DOCS, LANGUAGES, built_pages, parse_page

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


LINK = re.compile(r"\[([^\]]+)\]\(([^)\s#]+\.md)\)")


def titled_link_problems(pages):
    """Links whose text starts like the target page's title ("Шаг 14.", "14-қадам.", "Step 14.") but is not
    that title (a trailing parenthesis such as "(sessions 1–4)" may be left out). `pages` maps a page path to its Markdown; link targets are relative to the page."""
    titles = {}
    for path, text in pages.items():
        first = text.lstrip().splitlines()[0] if text.strip() else ""
        if first.startswith("# "):
            titles[path] = first[2:].strip()
    problems = []
    for path, text in pages.items():
        for label, target in LINK.findall(text):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            title = titles.get(resolved)
            starts_like_title = title and "." in title and re.match(re.escape(title.split(".")[0]) + r"\.(?!\d)", label)
            if starts_like_title and label != title and not title.startswith(label + " ("):  # "8.7" is a clause
                problems.append(f"{path}: [{label}]({target}) — the page is titled «{title}»")
    return problems


def test_a_link_that_names_a_page_by_its_title_gives_the_whole_title():
    for lang in LANGUAGES:
        folder = DOCS / lang
        pages = {path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
                 for path in folder.rglob("*.md")}
        assert not titled_link_problems(pages), "\n".join(titled_link_problems(pages))


def test_the_title_check_finds_a_shortened_title():
    pages = {"manual/14-receiving-men.md": "# Step 14. How to receive men\n",
             "manual/15-staff-meetings.md": "# Step 15. Hold staff meetings\n\n[Step 14. Receive men](14-receiving-men.md)\n"}
    assert len(titled_link_problems(pages)) == 1


def test_the_title_check_leaves_a_clause_number_alone():
    pages = {"standard/08-staff.md": "# 8. Staff\n",
             "manual/06-staff.md": "# Step 6. Staff\n\n(standard, clause [8.7](../standard/08-staff.md))\n"}
    assert titled_link_problems(pages) == []


# How a page's "Related pages" list names its neighbours: "- Следующий раздел: [12. …](12-high-risk.md)".
NEIGHBOURS = {"ru": ("Предыдущ", "Следующ"), "kk": ("Алдыңғы", "Келесі"), "en": ("Previous", "Next")}


def neighbour_problems(pages, order, lang):
    """Links named "previous …"/"next …" that do not lead to the page before/after in the navigation `order`."""
    before, after = NEIGHBOURS[lang]
    problems = []
    for index, path in enumerate(order):
        expected = {before: order[index - 1] if index else None,
                    after: order[index + 1] if index + 1 < len(order) else None}
        for word, target in re.findall(rf"^- ({before}|{after})[^:\[\n]*: \[[^\]]*\]\(([^)#]+)", pages[path], re.MULTILINE):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            if resolved != expected[word]:
                problems.append(f"{lang}/{path}: “{word}…” leads to {resolved}, the navigation has {expected[word]}")
    return problems


def test_previous_and_next_links_follow_the_navigation():
    assert set(NEIGHBOURS) == set(LANGUAGES), "add the new language's words for previous/next to NEIGHBOURS"
    order = nav_pages(read_config())
    problems = [problem for lang in LANGUAGES
                for problem in neighbour_problems({path: (DOCS / lang / path).read_text(encoding="utf-8")
                                                   for path in order}, order, lang)]
    assert not problems, "\n".join(problems)


def test_the_neighbour_check_finds_a_wrong_next_link():
    pages = {"standard/11-cooperation.md": "# 11.\n\n- Следующая часть: [Программа](../programme/index.md)\n",
             "standard/12-high-risk.md": "# 12.\n\n- Предыдущий раздел: [11.](11-cooperation.md)\n"}
    assert len(neighbour_problems(pages, list(pages), "ru")) == 1
