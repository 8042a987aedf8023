"""The handbook's macros (module of mkdocs-macros-plugin).

Pages call them by name with an id, e.g. {{ checklist("step-01-team") }}; the
macro renders that data entry in the language of the page being built.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from .catalogue import LANGUAGES, DataError, load_catalogue
from .downloads import download_rows, edition_texts
from .pages import check_translations
from .render import Renderer
from .standard import sections as standard_sections


class UiStrings(dict):
    """One language's interface strings for the theme templates. Jinja prints nothing for a missing key
    (a typo would render an empty button); asking for a name data/ui.yml lacks stops the build instead."""

    def __missing__(self, key):
        # not a LookupError, which Jinja would swallow
        raise DataError(f"data/ui.yml: no interface string '{key}' (asked for by a template in overrides/)")


def define_env(env):
    project = Path(env.project_dir)
    try:
        check_translations(project / "docs")
        catalogue = load_catalogue(project / "data")
    except DataError as error:
        raise PluginError(f"data error: {error}") from None

    # Interface strings for the theme templates (main.html hands them to the scripts).
    env.conf["extra"]["handbook_default_language"] = LANGUAGES[0]
    env.conf["extra"]["handbook_ui"] = {
        lang: UiStrings({entry.id: entry.value[lang] for entry in catalogue.all("ui")}) for lang in LANGUAGES
    }

    def renderer():
        page = env.page
        lang = getattr(page.file, "locale", None)
        if lang not in LANGUAGES:
            raise DataError(f"docs/{page.file.src_uri}: page language {lang!r} is not one of {', '.join(LANGUAGES)}")
        return Renderer(catalogue, lang)

    def define(kind, name, method):
        def macro(entry_id):
            try:
                return getattr(renderer(), method)(catalogue.get(kind, entry_id))
            except DataError as error:
                raise DataError(f"docs/{env.page.file.src_uri}: {name}(\"{entry_id}\"): {error}") from None
        macro.__name__ = name
        env.macro(macro, name)

    define("checklists", "checklist", "checklist")
    define("questions", "questions", "questions")
    define("call_scripts", "call_script", "call_script")
    define("forms", "form", "form")
    define("sessions", "session", "session")
    define("profiles", "profile", "profile")
    define("flowcharts", "flowchart", "flowchart")
    define("wheels", "wheel", "wheel")

    @env.macro
    def self_assessment():
        """The annual self-assessment sheet: every clause of the standard, in the page's language."""
        lang = renderer().lang
        return renderer().self_assessment(standard_sections(project / "docs", lang))

    @env.macro
    def glossary():
        return renderer().glossary(catalogue.all("glossary"))

    @env.macro
    def downloads(section):
        """One table of the downloads page: "chapters", "packs" or "sheets" (macros/downloads.py)."""
        edition = env.conf["extra"].get("edition")
        if not edition:
            raise DataError("mkdocs.yml: extra.edition (the date of this edition) is missing")
        to_root = "../" * env.page.url.count("/")
        page = renderer()
        name, date = edition_texts(edition, page.lang)
        return page.downloads(download_rows(section, catalogue, project), lambda path: to_root + path,
                              page.ui_text("download-edition", edition=name, date=date),
                              "download-part" if section == "chapters" else "download-document")
