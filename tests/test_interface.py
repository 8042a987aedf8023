"""Interface strings: the Kazakh theme translation and the handbook's own strings are complete."""

import re
from pathlib import Path

import material
import yaml

from tests.sitetools import LANGUAGES, ROOT

KEY = re.compile(r'^\s*"([\w.]+)":\s*"(.*)",?\s*$', re.MULTILINE)


def theme_strings(path):
    return dict(KEY.findall(Path(path).read_text(encoding="utf-8")))


def test_kazakh_theme_translation_has_every_key_of_english():
    english = theme_strings(Path(material.__file__).parent / "templates/partials/languages/en.html")
    kazakh = theme_strings(ROOT / "overrides/partials/languages/kk.html")
    assert len(english) > 40
    assert set(kazakh) == set(english), f"missing: {set(english) - set(kazakh)}, extra: {set(kazakh) - set(english)}"
    assert kazakh["language"] == "kk"
    untranslated = [key for key, value in kazakh.items()
                    if value == english[key] and not key.startswith(("search.config", "direction"))]
    assert not untranslated, f"still in English: {untranslated}"


def ui_ids():
    return set(yaml.safe_load((ROOT / "data/ui.yml").read_text(encoding="utf-8"))["ui"])


def test_every_interface_string_the_code_asks_for_exists():
    code = (ROOT / "overrides/assets/javascripts/handbook.js").read_text(encoding="utf-8")
    code += (ROOT / "macros/render.py").read_text(encoding="utf-8")
    asked = set(re.findall(r'ui\[\s*"([\w-]+)"\s*\]', code)) | set(re.findall(r'self\.ui\(\s*"([\w-]+\w)"', code))
    assert asked, "the pattern found no interface string: update this test"
    assert asked <= ui_ids(), f"not in data/ui.yml: {asked - ui_ids()}"


def test_profile_row_labels_exist_for_every_row():
    from macros.catalogue import PROFILE_ROWS

    assert {"profile-" + row.replace("_", "-") for row in PROFILE_ROWS} <= ui_ids()


def test_site_languages_match_the_data_languages():
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    assert tuple(language["locale"] for language in i18n["languages"]) == LANGUAGES
    assert i18n["fallback_to_default"] is False, "a missing page must never fall back to Russian"
