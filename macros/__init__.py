"""The handbook's macros (module of mkdocs-macros-plugin).

Pages call them by name with an id, e.g. {{ checklist("step-01-team") }}; the
macro renders that data entry in the language of the page being built.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from .catalogue import LANGUAGES, DataError, load_catalogue
from .downloads import PARTS, pdf_name
from .pages import check_translations
from .render import Renderer


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
        lang: {entry.id: entry.value[lang] for entry in catalogue.all("ui")} for lang in LANGUAGES
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
    def glossary():
        return renderer().glossary(catalogue.all("glossary"))

    @env.macro
    def downloads():
        """A table of the chapter PDFs, one row per part, one link per language."""
        to_root = "../" * env.page.url.count("/")
        return renderer().downloads(PARTS, lambda part, lang: to_root + pdf_name(part, lang))
