"""Adding a language takes its pages, its data texts and one entry in mkdocs.yml: nothing else.

A temporary copy of the project gets a fourth language, Uzbek (`uz`, a language Material for MkDocs and
Babel know, as a real one would be): its pages copied from English, every data text given a `uz` copied
from `en` (where a translator would write Uzbek), and one entry in the i18n plugin's list. The copy must
build, and the language must appear wherever the site lists its languages.
"""

import re
import shutil
from pathlib import Path

import material
import pytest
import yaml

from tests.sitetools import LANGUAGES, ROOT, built_dir, built_page, mkdocs_build, source_pages

NEW = "uz"
SOURCE = "en"  # the pages and texts the new language starts from
ENTRY = f"""        - locale: {NEW}
          name: Oʻzbekcha
          build: true
          site_name: Erkaklar markazi
"""


def add_language_to_texts(value):
    """Every text (a mapping with one string per language) gets NEW, copied from SOURCE."""
    if isinstance(value, dict):
        if set(value) == set(LANGUAGES) and all(isinstance(text, str) for text in value.values()):
            return {**value, NEW: value[SOURCE]}
        return {key: add_language_to_texts(item) for key, item in value.items()}
    if isinstance(value, list):
        return [add_language_to_texts(item) for item in value]
    return value


def add_language_to_config(text):
    """mkdocs.yml with one more entry at the end of the i18n plugin's `languages:` list."""
    lines = text.splitlines(keepends=True)
    start = next(index for index, line in enumerate(lines) if line.strip() == "languages:")
    indent = len(lines[start + 1]) - len(lines[start + 1].lstrip())  # the list items' "- "
    end = next(index for index in range(start + 1, len(lines))
               if lines[index].strip() and len(lines[index]) - len(lines[index].lstrip()) < indent)
    return "".join(lines[:end]) + ENTRY + "".join(lines[end:])


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = tmp_path_factory.mktemp("four-languages")
    for part in ("docs", "data", "macros", "overrides"):
        shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "translations.lock"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, project / name)

    config = project / "mkdocs.yml"
    config.write_text(add_language_to_config(config.read_text(encoding="utf-8")), encoding="utf-8")
    shutil.copytree(project / "docs" / SOURCE, project / "docs" / NEW)
    for path in (project / "data").rglob("*.yml"):
        data = add_language_to_texts(yaml.safe_load(path.read_text(encoding="utf-8")))
        if path.name == "ui.yml":  # the language's name, as the tables head their columns
            data["ui"][f"glossary-{NEW}"] = {lang: "Oʻzbekcha" for lang in (*LANGUAGES, NEW)}
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert (Path(material.__file__).parent / f"templates/partials/languages/{NEW}.html").is_file()

    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, "the copy with a fourth language does not build:\n" + (result.stdout + result.stderr)[-4000:]
    return project / "site"


def test_the_new_language_is_read_from_the_configuration():
    assert ENTRY.strip() in add_language_to_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


def test_every_page_is_built_in_the_new_language(site):
    for page in source_pages(SOURCE):
        assert built_page(site, NEW, page).is_file(), f"{NEW}/{page} was not built"
    home = (site / NEW / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{NEW}"' in home
    assert (site / NEW / "search" / "search_index.json").is_file(), "the new language has no search index"


def test_the_glossary_gains_a_column(site):
    for lang in (*LANGUAGES, NEW):
        folder = built_dir(site, lang)
        glossary = (folder / "toolkit/glossary/index.html").read_text(encoding="utf-8")
        table = re.search(r'<table class="hb-glossary.*?</table>', glossary, re.DOTALL).group(0)
        assert f'<td lang="{NEW}"' in table, f"{lang}: the glossary has no {NEW} column"


def test_the_downloads_table_gains_a_column(site):
    for lang in (*LANGUAGES, NEW):
        folder = built_dir(site, lang)
        downloads = (folder / "toolkit/downloads/index.html").read_text(encoding="utf-8")
        assert re.search(rf'href="[^"]*-{NEW}\.pdf"', downloads), f"{lang}: the downloads table has no {NEW} files"
        assert f'hreflang="{NEW}"' in downloads


def test_the_theme_offers_the_new_language(site):
    page = (site / "manual" / "index.html").read_text(encoding="utf-8")
    assert f'hreflang="{NEW}"' in page, "the language switcher does not offer the new language"
    assert f'lang="{NEW}"' in (site / "404.html").read_text(encoding="utf-8"), "the 404 page does not speak it"
    assert f'"{NEW}":' in (site / "sw.js").read_text(encoding="utf-8"), "the offline page does not speak it"
