"""The handbook's macros (module of mkdocs-macros-plugin).

Pages call them by name with an id, e.g. {{ checklist("step-01-team") }}; the
macro renders that data entry in the language of the page being built.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from . import reader
from .catalogue import DEFAULT_LANGUAGE, LANGUAGES, DataError, load_catalogue
from .downloads import download_rows, edition_texts
from .pages import check_translations
from .render import Renderer
from .siteconfig import nav_translations, page_url, read_config
from .standard import sections as standard_sections
from .translations import add_note, note, page_notes


class UiStrings(dict):
    """One language's interface strings for the theme templates. Jinja prints nothing for a missing key
    (a typo would render an empty button); asking for a name data/ui.yml lacks stops the build instead."""

    def __missing__(self, key):
        # not a LookupError, which Jinja would swallow
        raise DataError(f"data/ui.yml: no interface string '{key}' (asked for by a template in overrides/)")


_rendered = {"catalogue": None, "blocks": {}}


def rendered(catalogue, key, render):
    """A block's HTML, rendered once for as long as data/ is unchanged: `mkdocs serve` rebuilds every page
    on every save, and most blocks are the same as last time (a change to the code restarts the server)."""
    if _rendered["catalogue"] is not catalogue:
        _rendered.update(catalogue=catalogue, blocks={})
    if key not in _rendered["blocks"]:
        _rendered["blocks"][key] = render()
    return _rendered["blocks"][key]


def define_env(env):
    project = Path(env.project_dir)
    try:
        check_translations(project / "docs")
        catalogue = load_catalogue(project / "data")
    except DataError as error:
        raise PluginError(f"data error: {error}") from None

    # Interface strings for the theme templates (main.html hands them to the scripts).
    i18n = env.conf.plugins["i18n"].config.languages
    built = tuple(sorted((language.locale for language in i18n if language.build), key=lambda code: code != DEFAULT_LANGUAGE))
    only = env.conf.plugins["i18n"].config.build_only_locale  # `make serve ONLY=kk`: one language, at the root
    if built != LANGUAGES and not only:  # e.g. `mkdocs build -f other.yml`: the macros read the project's mkdocs.yml
        raise PluginError(f"the site is built in {', '.join(built)}, but mkdocs.yml next to macros/ says "
                          f"{', '.join(LANGUAGES)} (macros/siteconfig.py)")
    # The manual's stages in the menu come from data/manual/stages.yml (macros/siteconfig.py, `add_stages`).
    try:
        config = read_config(project)
    except ValueError as error:
        raise PluginError(str(error)) from None
    env.conf["nav"] = config["nav"]
    titles = nav_translations(config)
    for language in i18n:
        language.nav_translations = titles.get(language.locale, {})
    env.conf["extra"]["handbook_default_language"] = only or DEFAULT_LANGUAGE
    env.conf["extra"]["handbook_ui"] = {
        lang: UiStrings({entry.id: entry.value[lang] for entry in catalogue.all("ui")}) for lang in LANGUAGES
    }
    # The reader's frame: a step's place in the manual, the edition, the checklists behind the overview's progress.
    try:
        reader.configure(env.conf["extra"], catalogue, project)
    except DataError as error:
        raise PluginError(f"data error: {error}") from None
    names = reader.site_names(project)
    env.handbook_catalogue = catalogue
    env.handbook_notes = page_notes(project, catalogue)  # translations behind their Russian (translations.lock)

    def renderer():
        page = env.page
        lang = getattr(page.file, "locale", None)
        if lang not in LANGUAGES:
            raise DataError(f"docs/{page.file.src_uri}: page language {lang!r} is not one of {', '.join(LANGUAGES)}")
        return Renderer(catalogue, lang)

    def define(kind, name, method):
        def macro(entry_id):
            try:
                page = renderer()
                return rendered(catalogue, (kind, entry_id, page.lang),
                                lambda: getattr(page, method)(catalogue.get(kind, entry_id)))
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
    def citation():
        """How to cite the handbook (toolkit/cite.md): the edition and address of mkdocs.yml (macros/reader.py)."""
        return reader.citation(catalogue, env.conf, renderer().lang, names)

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


def on_pre_page_macros(env):
    """Before the macros run: is this translated page behind its Russian (macros/translations.py)?"""
    lang = getattr(env.page.file, "locale", None)
    path = env.page.file.src_uri.split("/", 1)[1]
    env.handbook_page_behind = env.handbook_notes.is_behind(lang, path, env.markdown)


def on_post_page_macros(env):
    """A translated page that is behind its Russian says so under its title, with a link to the Russian."""
    if not env.handbook_page_behind:
        return
    lang = env.page.file.locale
    ui = {entry.id: entry.value[lang] for entry in env.handbook_catalogue.all("ui")}
    russian = "../" * env.page.url.count("/") + page_url(env.page.file.src_uri.split("/", 1)[1], DEFAULT_LANGUAGE,
                                                         DEFAULT_LANGUAGE)
    env.markdown = add_note(env.markdown, note(ui["translation-behind"], russian, ui["translation-behind-link"]))
