"""Interface strings: the Kazakh theme translation and the handbook's own strings are complete."""

import re
from pathlib import Path

import jinja2
import material
import pytest
import yaml

from tests.sitetools import DEFAULT_LANGUAGE, LANGUAGES, ROOT

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


# Where code asks for an interface string by name: `ui["x"]` / `strings["x"]` / `handbook_ui[lang]["x"]`
# (theme templates, scripts, the service worker) and `ui("x")` / `ui_raw("x")` (the block templates and the
# renderer). A name built at run time (`ui("profile-" ~ key)`) is checked by its prefix.
ASKED = (
    re.compile(r"""(?:\bui|\bstrings|handbook_ui\[[^\]]*\])\[\s*["']([\w-]+)["']\s*\]"""),
    re.compile(r"""\bui(?:_raw|_text)?\(\s*["']([\w-]+)["']\s*[,)]"""),
)
PREFIX = re.compile(r"""\bui(?:_raw|_text)?\(\s*["']([\w-]+-)["']\s*[~+]""")
CODE = ["overrides/**/*.html", "overrides/**/*.js", "macros/templates/*.html", "macros/*.py"]
# Files that must be found asking for strings: if a pattern stops matching them, this test must change.
MUST_ASK = ["overrides/main.html", "overrides/404.html", "overrides/partials/copyright.html", "overrides/sw.js",
            "overrides/assets/javascripts/handbook.js", "macros/templates/blocks.html"]


def asked_for():
    """{file: (names asked for, name prefixes asked for)} over every file of code and templates."""
    found = {}
    for pattern in CODE:
        for path in sorted(ROOT.glob(pattern)):
            code = path.read_text(encoding="utf-8")
            names = {name for regex in ASKED for name in regex.findall(code)}
            found[path.relative_to(ROOT).as_posix()] = (names, set(PREFIX.findall(code)))
    return found


def test_every_interface_string_the_code_asks_for_exists():
    found = asked_for()
    assert not [name for name in MUST_ASK if not found.get(name, ((), ()))[0]], "the patterns miss a file: update this test"
    known = ui_ids()
    missing = [f"{path}: {name}" for path, (names, _) in found.items() for name in sorted(names - known)]
    missing += [f"{path}: {prefix}…" for path, (_, prefixes) in found.items() for prefix in sorted(prefixes)
                if not any(name.startswith(prefix) for name in known)]
    assert not missing, "not in data/ui.yml:\n" + "\n".join(missing)


def test_a_template_asking_for_a_missing_string_stops_the_build():
    """Jinja prints nothing for an unknown key; the theme's strings refuse one (macros/__init__.py)."""
    from macros import UiStrings
    from macros.catalogue import DataError

    strings = UiStrings({"quick-exit": "Leave"})
    assert strings["quick-exit"] == "Leave"
    with pytest.raises(DataError, match="quick-exitt"):
        jinja2.Template('{{ ui["quick-exitt"] }}').render(ui=strings)


def test_every_language_has_its_name_in_every_language():
    """The glossary and the downloads table head their columns with the language names (glossary-<lang>)."""
    assert {f"glossary-{lang}" for lang in LANGUAGES} <= ui_ids()


# Every value a theme template prints is escaped (`| e`) or written as JSON (`| tojson`), as the block
# templates of macros/ do by autoescape; these print HTML on purpose.
PRINTS = re.compile(r"\{\{-?\s*(.*?)\s*-?\}\}", re.DOTALL)
RAW_ON_PURPOSE = {"super()", "config.copyright"}


def test_theme_templates_escape_what_they_print():
    raw = []
    for path in sorted((ROOT / "overrides").rglob("*")):
        if path.suffix not in (".html", ".js") or "languages" in path.parts or "assets" in path.parts:
            continue
        for expression in PRINTS.findall(path.read_text(encoding="utf-8")):
            if expression not in RAW_ON_PURPOSE and not re.search(r"\|\s*(e|escape|tojson)\s*$", expression):
                raw.append(f"{path.relative_to(ROOT)}: {{{{ {expression} }}}}")
    assert not raw, "printed without escaping:\n" + "\n".join(raw)


def test_profile_row_labels_exist_for_every_row():
    from macros.catalogue import PROFILE_ROWS

    assert {"profile-" + row.replace("_", "-") for row in PROFILE_ROWS} <= ui_ids()


def test_the_language_list_is_the_i18n_plugins_and_the_theme_speaks_each_language():
    """The languages come from one place (the i18n plugin in mkdocs.yml, read by macros/siteconfig.py);
    the few places mkdocs.yml must repeat them agree with it, and the theme has strings for each one."""
    from macros.siteconfig import _i18n, read_config

    config = read_config(ROOT)
    i18n = _i18n(config)
    assert set(LANGUAGES) == {language["locale"] for language in i18n["languages"]}
    assert config["theme"]["language"] == DEFAULT_LANGUAGE, "theme.language must be the i18n default language"
    assert i18n["fallback_to_default"] is False, "a missing page must never fall back to the default language"
    material_languages = Path(material.__file__).parent / "templates/partials/languages"
    for lang in LANGUAGES:
        assert (ROOT / f"overrides/partials/languages/{lang}.html").is_file() or (material_languages / f"{lang}.html").is_file(), \
            f"Material has no interface strings for '{lang}': add overrides/partials/languages/{lang}.html"
