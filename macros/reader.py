"""What the reader is shown around the content: where a step page stands in the manual, the
edition in the footer, the map of checklists behind the progress on the manual overview, and the
citation of the toolkit's "How to cite" page.

define_env (macros/__init__.py) calls `configure` once; the theme templates (overrides/main.html,
overrides/partials/copyright.html) read what it puts in `config.extra`, and pages call
{{ citation() }} through `citation`.
"""

import html
import re
from pathlib import Path

from .catalogue import DEFAULT_LANGUAGE, LANGUAGES, DataError
from .downloads import MACRO_CALL, edition_texts
from .siteconfig import nav_pages, read_config

STEP_PAGE = re.compile(r"^(\d\d)-[a-z0-9-]+\.md$")
MARKUP = re.compile(r"\*\*|\*|`")


def plain(text):
    """A data text without its inline Markdown marks, for a text file."""
    return MARKUP.sub("", text).strip()


def step_pages(project):
    """{step number: file name} of the manual's step pages (manual/NN-slug.md in the navigation)."""
    found = {}
    for page in nav_pages(read_config(project)):
        folder, _, name = page.partition("/")
        match = STEP_PAGE.match(name)
        if folder == "manual" and match:
            found[int(match.group(1))] = name
    return dict(sorted(found.items()))


def stage_of_steps(catalogue):
    """{step number: stages entry}; a step in two stages stops the build."""
    stages = {}
    for stage in catalogue.all("stages"):
        for step in stage.value["steps"]:
            if step in stages:
                raise DataError(f"{stage.file}: stages '{stage.id}': step {step} is also in stage "
                                f"'{stages[step].id}'")
            stages[step] = stage
    return stages


def where_lines(catalogue, project):
    """{lang: {"manual/14-receiving-men.md": "Step 14 of 22 · stage: receive men"}} for every step page."""
    stages = stage_of_steps(catalogue)
    pages = step_pages(project)
    if not stages:
        return {lang: {} for lang in LANGUAGES}
    missing = sorted(set(pages) - set(stages))
    if missing:
        raise DataError(f"data/manual/stages.yml: step {missing[0]} (manual/{pages[missing[0]]}) "
                        f"is in no stage")
    template = catalogue.get("ui", "where-step").value
    lines = {lang: {} for lang in LANGUAGES}
    for step, name in pages.items():
        title = stages[step].value["title"]
        for lang in LANGUAGES:
            stage = title[lang][0].lower() + title[lang][1:]
            lines[lang][f"manual/{name}"] = template[lang].format(step=step, total=len(stages), stage=stage)
    return lines


def step_checklists(catalogue, project):
    """What the manual overview counts ticks against, in every language: {lang: [{"page": "14-receiving-men",
    "step": 14, "checklists": [{"id", "title", "items": [{"id", "text"}]}]}]}, steps in order."""
    steps = {lang: [] for lang in LANGUAGES}
    folder = Path(project) / "docs" / DEFAULT_LANGUAGE / "manual"
    for step, name in step_pages(project).items():
        ids = [entry_id for macro, entry_id in MACRO_CALL.findall((folder / name).read_text(encoding="utf-8"))
               if macro == "checklist"]
        for lang in LANGUAGES:
            checklists = []
            for entry_id in ids:
                value = catalogue.get("checklists", entry_id).value
                checklists.append({"id": entry_id, "title": plain(value["title"][lang]),
                                   "items": [{"id": item["id"], "text": plain(item["text"][lang])}
                                             for item in value["items"]]})
            steps[lang].append({"page": name[:-3], "step": step, "checklists": checklists})
    return steps


def edition_lines(catalogue, edition):
    """{lang: "Edition: December 2026, published on 7 December 2026"} from mkdocs.yml `extra.edition`."""
    if not edition:
        raise DataError("mkdocs.yml: extra.edition (the date of this edition) is missing")
    template = catalogue.get("ui", "download-edition").value
    lines = {}
    for lang in LANGUAGES:
        name, date = edition_texts(edition, lang)
        lines[lang] = template[lang].format(edition=name, date=date)
    return lines


def configure(extra, catalogue, project):
    """Fill config.extra with what the theme templates show (see the module's docstring)."""
    extra["handbook_where"] = where_lines(catalogue, project)
    extra["handbook_steps"] = step_checklists(catalogue, project)
    extra["handbook_edition"] = edition_lines(catalogue, extra.get("edition"))
    for key in ("quick_exit_url", "report_address"):
        if not extra.get(key):
            raise DataError(f"mkdocs.yml: extra.{key} is missing")


def citation(catalogue, conf, lang, site_names):
    """The "how to cite" block: the reference in the page's language first, then in the others,
    each marked with its language; the edition and the address come from mkdocs.yml."""
    ui = {entry.id: entry.value for entry in catalogue.all("ui")}
    site_url = str(conf.get("site_url") or "/")
    rows = []
    for other in (lang, *[code for code in LANGUAGES if code != lang]):
        name, date = edition_texts(conf["extra"]["edition"], other)
        address = site_url.rstrip("/") + "/" + ("" if other == LANGUAGES[0] else other + "/")
        text = ui["cite-text"][other].format(authors=ui["pdf-author"][other], title=site_names[other],
                                             edition=name, date=date, url=address)
        rows.append(f'<li lang="{other}"><span class="hb-citation__language" lang="{lang}">'
                    f'{html.escape(ui["glossary-" + other][lang])}:</span> {html.escape(text)}</li>')
    return f'<ul class="hb-citation">{"".join(rows)}</ul>'


def site_names(project):
    """{lang: the site's name in that language} from the i18n languages of mkdocs.yml."""
    from .downloads import read_config

    config = read_config(project)
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    return {language["locale"]: language.get("site_name") or config["site_name"] for language in i18n["languages"]}
