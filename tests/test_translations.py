"""Translation drift (macros/translations.py, translations.lock), on a temporary copy of the project.

Everything is marked as translated; then one Russian paragraph and one Russian data text change. Exactly
the Kazakh and English versions of that page, and of the page showing that text, must be listed as
behind and carry the note under their title, until they are marked again.
"""

import re
import shutil

import pytest

from macros.catalogue import load_catalogue
from macros.translations import behind, digest
from scripts.translations import main
from tests.sitetools import DEFAULT_LANGUAGE, LANGUAGES, ROOT, built_page, built_pages, mkdocs_build

PAGE = "manual/03-research.md"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = tmp_path_factory.mktemp("drift")
    for part in ("docs", "data", "macros", "overrides"):
        shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    assert main(["mark", "all"], project=project) == 0
    return project


def lagging(project):
    return sorted((entry.lang, entry.item.key) for entry in behind(project, load_catalogue(project / "data")))


def first_checklist(project):
    """(page, data file, checklist id, item id, its Russian text) for the first page (not PAGE) that shows a
    checklist with an item whose Russian text stands once, as it is, in its data file."""
    catalogue = load_catalogue(project / "data")
    for path in sorted((project / "docs" / DEFAULT_LANGUAGE).rglob("*.md")):
        page = path.relative_to(project / "docs" / DEFAULT_LANGUAGE).as_posix()
        for checklist in re.findall(r'\{\{ checklist\("([\w-]+)"\) \}\}', path.read_text(encoding="utf-8")):
            entry = catalogue.get("checklists", checklist)
            data = (project / entry.file).read_text(encoding="utf-8")
            for item in entry.value["items"]:
                if page != PAGE and data.count(item["text"][DEFAULT_LANGUAGE]) == 1:
                    return page, entry.file, entry.id, item["id"], item["text"][DEFAULT_LANGUAGE]
    pytest.fail("no page shows a checklist")


def test_the_hash_ignores_trailing_spaces_but_not_words():
    assert digest("# Title\n\nText.  \n\n") == digest("# Title\n\nText.")
    assert digest("# Title\n\nText.") != digest("# Title\n\nText!")


def test_marked_everything_then_nothing_is_behind(project):
    assert lagging(project) == []


def test_one_changed_paragraph_flags_exactly_that_page_and_that_text(project):
    source = project / "docs" / DEFAULT_LANGUAGE / PAGE
    text = source.read_text(encoding="utf-8")
    paragraph = next(block for block in text.split("\n\n")[1:] if block and block[0].isalpha())
    source.write_text(text.replace(paragraph, paragraph + " Одно новое предложение.", 1), encoding="utf-8")

    page, data_file, checklist, item, russian = first_checklist(project)
    data = project / data_file
    data.write_text(data.read_text(encoding="utf-8").replace(russian, "Сначала: " + russian), encoding="utf-8")

    text_key = f"data/checklists/{checklist}/items/{item}/text"
    assert lagging(project) == sorted([(lang, f"docs/{PAGE}") for lang in LANGUAGES[1:]]
                                      + [(lang, text_key) for lang in LANGUAGES[1:]])

    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    noted = {path for path in built_pages(site) if "hb-translation-behind" in path.read_text(encoding="utf-8")}
    assert noted == {built_page(site, lang, name) for lang in LANGUAGES[1:] for name in (PAGE, page)}
    note = re.search(r'<p class="hb-translation-behind"[^>]*>.*?href="([^"]+)"',
                     built_page(site, LANGUAGES[1], PAGE).read_text(encoding="utf-8"))
    target = (built_page(site, LANGUAGES[1], PAGE).parent / note.group(1)).resolve() / "index.html"
    assert target == built_page(site, DEFAULT_LANGUAGE, PAGE).resolve(), "the note does not lead to the Russian page"

    # re-marked language by language, page by page
    assert main(["mark", f"docs/{LANGUAGES[1]}/{PAGE}"], project=project) == 0
    assert (LANGUAGES[1], f"docs/{PAGE}") not in lagging(project)
    assert (LANGUAGES[2], f"docs/{PAGE}") in lagging(project)
    assert main(["mark", PAGE, f"checklists/{checklist}"], project=project) == 0
    assert lagging(project) == []
