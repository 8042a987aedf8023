"""The three languages carry the same handbook: same pages, same structure, same data calls."""

import re

import pytest

from macros.catalogue import load_catalogue
from tests.sitetools import DEFAULT_LANGUAGE, DOCS, LANGUAGES, ROOT, outline, source_pages

PAGES = source_pages(DEFAULT_LANGUAGE)


def test_same_pages_in_every_language():
    expected = set(PAGES)
    for lang in LANGUAGES:
        pages = set(source_pages(lang))
        assert pages - expected == set(), f"{lang} has pages that ru lacks: {sorted(pages - expected)}"
        assert expected - pages == set(), f"{lang} lacks pages: {sorted(expected - pages)}"


@pytest.mark.parametrize("page", PAGES)
def test_same_outline_macros_admonitions_and_links(page):
    reference = outline((DOCS / DEFAULT_LANGUAGE / page).read_text(encoding="utf-8"))
    assert reference["headings"] and reference["headings"][0][0] == 1, f"{DEFAULT_LANGUAGE}/{page}: must start with one h1"
    for lang in LANGUAGES[1:]:
        path = DOCS / lang / page
        if not path.is_file():
            pytest.fail(f"{lang}/{page} is missing")
        other = outline(path.read_text(encoding="utf-8"))
        for part in ("headings", "macros", "admonitions", "links"):
            assert other[part] == reference[part], f"{lang}/{page}: {part} differ from {DEFAULT_LANGUAGE}/{page}"


# The one thing of Jinja a page may hold: a macro call by name, with one id in double quotes (or none),
# alone on its line (indented inside an admonition at most).
MACRO_LINE = re.compile(r'^\s*\{\{ [a-z_]+\((?:"[a-z0-9]+(?:-[a-z0-9]+)*")?\) \}\}\s*$')
JINJA = ("{{", "}}", "{%", "%}", "{##")  # {## … ##} is the macros plugin's comment (mkdocs.yml)


def template_logic(text):
    """'line N: …' for every line with Jinja other than a lone macro call by id."""
    return [f"line {number}: {line.strip()}" for number, line in enumerate(text.splitlines(), 1)
            if any(mark in line for mark in JINJA) and not MACRO_LINE.match(line)]


def test_template_logic_is_found():
    bad = ['{{ config.site_name }}', '{% if x %}', 'Text {{ checklist("a") }} more', '{{ checklist(x) }}',
           '{{ checklist("a") }} {{ questions("b") }}', "{{ checklist('a') }}", '{{ checklist("a") | safe }}',
           '{## comment ##}', '{{ checklist("a", "b") }}']
    good = ['{{ checklist("step-01-team") }}', '    {{ glossary() }}', '## Heading {#anchor}']
    assert [template_logic(line) != [] for line in bad] == [True] * len(bad)
    assert [template_logic(line) for line in good] == [[]] * len(good)


def test_pages_use_no_template_logic():
    """Pages call macros by name with an id, one call alone on its line; logic belongs to macros/."""
    problems = []
    for lang in LANGUAGES:
        for page in source_pages(lang):
            problems += [f"{lang}/{page}: {found}" for found in template_logic((DOCS / lang / page).read_text(encoding="utf-8"))]
    assert not problems, "Jinja other than a macro call by id, alone on its line:\n" + "\n".join(problems)


def stray_indents(text):
    """Lines indented by one to three spaces: a line of an admonition or list item that lost its four-space
    indent (an edit that broke a line) and now falls out of its box, or starts a new paragraph."""
    in_front_matter = text.startswith("---\n")
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        if in_front_matter:
            in_front_matter = not (number > 1 and line == "---")
            continue
        indent = len(line) - len(line.lstrip(" "))
        if 0 < indent < 4 and line.strip() and not re.match(r"\s*([-*+]|\d+\.)\s", line):
            found.append(number)
    return found


def test_no_line_has_lost_its_indent():
    problems = [f"docs/{lang}/{page}: line {number}"
                for lang in LANGUAGES for page in source_pages(lang)
                for number in stray_indents((DOCS / lang / page).read_text(encoding="utf-8"))]
    assert not problems, "lines indented by 1–3 spaces (join them to the line above):\n" + "\n".join(problems)


def test_the_indent_check_finds_a_broken_line():
    text = '!!! note "Today"\n    The first half of the sentence\n continues here.\n\n- a list\n  item\n'
    assert stray_indents(text) == [3, 6]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_programme_overview_names_each_session_as_its_plan_does(lang):
    """The overview's table of blocks lists the 26 sessions; each must carry the title of its session plan."""
    overview = (DOCS / lang / "programme" / "index.md").read_text(encoding="utf-8")
    plans = load_catalogue(ROOT / "data").all("sessions")
    missing = [title for entry in plans for title in [entry.value["title"][lang].split(". ", 1)[1]]
               if title not in overview]
    assert not missing, f"{lang}: the programme overview names these sessions differently: {missing}"
