"""What mkdocs.yml says, read in one place for the macros, the scripts and the tests.

- the languages: the i18n plugin's list (`plugins: i18n: languages`), the default one first;
- the navigation: the pages in order, and the parts (its top-level sections, one folder each); the manual's six
  stages in it come from data/manual/stages.yml (`add_stages`), not from mkdocs.yml;
- the rule from a page's source path to its address on the built site.

Adding a language is one entry in the i18n list (with its pages in docs/<lang>/ and its texts in
data/): everything else reads the list from here.
"""

import copy
from functools import lru_cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """mkdocs.yml as plain data: its tags (!ENV, !relative …) are read as None."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


STAGES = "data/manual/stages.yml"


def read_config(project_dir=ROOT):
    """mkdocs.yml of a project as data (read again only when the file changes), with the manual's stages."""
    path = Path(project_dir) / "mkdocs.yml"
    config = copy.deepcopy(_read(path, path.stat().st_mtime_ns))
    add_stages(config, Path(project_dir))
    return config


def add_stages(config, project_dir):
    """The manual's section of the navigation (the one that lists manual/index.md) gets a subsection per stage of
    data/manual/stages.yml, titled in the default language and listing its steps' pages; each other language's
    title goes into that language's `nav_translations` (the i18n plugin puts it in the menu)."""
    manual = next((value for item in config["nav"] if isinstance(item, dict) for value in item.values()
                   if isinstance(value, list) and "manual/index.md" in value), None)
    if manual is None:  # a site without the manual (a test's small copy of the project)
        return
    stages = yaml.load((Path(project_dir) / STAGES).read_text(encoding="utf-8"), Loader=_Loader)["stages"]
    locales = languages(config)
    steps = {int(page.name[:2]): f"manual/{page.name}"
             for page in (Path(project_dir) / "docs" / locales[0] / "manual").glob("[0-9][0-9]-*.md")}
    for stage, entry in stages.items():
        missing = [lang for lang in locales if lang not in entry.get("title", {})]
        if missing:
            raise ValueError(f"{STAGES}: stage '{stage}': no title in {', '.join(missing)}")
        unknown = [step for step in entry.get("steps", []) if step not in steps]
        if unknown:
            raise ValueError(f"{STAGES}: stage '{stage}': step {unknown[0]} has no page "
                             f"docs/{locales[0]}/manual/{unknown[0]:02d}-*.md")
        title = entry["title"]
        manual.append({title[locales[0]]: [steps[step] for step in entry["steps"]]})
        for language in _i18n(config).get("languages", []):
            if language["locale"] != locales[0] and language["locale"] in title:
                language["nav_translations"] = {**(language.get("nav_translations") or {}),
                                                title[locales[0]]: title[language["locale"]]}


@lru_cache(maxsize=8)
def _read(path, mtime):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def _i18n(config):
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"] or {}
    raise ValueError("mkdocs.yml: the i18n plugin is not configured")


def languages(config):
    """The locales the site is built in, the default language first, the others in their order."""
    entries = [entry for entry in _i18n(config).get("languages", []) if entry.get("build", True)]
    defaults = [entry["locale"] for entry in entries if entry.get("default")]
    if len(defaults) != 1:
        raise ValueError(f"mkdocs.yml: the i18n plugin needs exactly one default language, has {defaults}")
    return tuple(defaults + [entry["locale"] for entry in entries if not entry.get("default")])


def nav_translations(config):
    """{locale: {title in the default language: title in this one}} for the navigation's sections."""
    return {entry["locale"]: entry.get("nav_translations") or {} for entry in _i18n(config).get("languages", [])}


def nav_pages(config):
    """Page paths (the same in every language) in the order of the navigation."""

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                yield from walk(value)
            else:
                yield value

    return list(walk(config["nav"]))


def parts(config):
    """The top-level sections of the navigation, each named by the folder its pages are in."""
    found = []
    for item in config["nav"]:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            folders = {page.split("/")[0] for page in nav_pages({"nav": value})}
            if len(folders) != 1 or "/" not in nav_pages({"nav": value})[0]:
                raise ValueError(f"mkdocs.yml: the section {item!r} is not one folder of pages")
            found.append(folders.pop())
    return tuple(found)


def page_url(md_path, lang, default_language):
    """Where a source page is on the built site (directory URLs), relative to the site's root:
    ("manual/01-founding-team.md", "kk") -> "kk/manual/01-founding-team/", ("index.md", "ru") -> ""."""
    stem = md_path[: -len(".md")]
    stem = stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
    return ("" if lang == default_language else f"{lang}/") + stem


CONFIG = read_config()
LANGUAGES = languages(CONFIG)
DEFAULT_LANGUAGE = LANGUAGES[0]
PARTS = parts(CONFIG)
