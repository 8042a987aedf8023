"""One search index per language.

Material writes a single index for the whole site (search/search_index.json, every
language together, Cyrillic escaped as \\uXXXX): each page would download all three
languages before the reader types anything. After the build this splits it: the default
language's index stays at the root, the others go to <lang>/search/search_index.json with
locations relative to the language's root (overrides/main.html points each language's
search there). Written as UTF-8 without escapes, which also halves the size.

Kazakh: Lunr has no Kazakh, so the Kazakh index names a language of our own, "kk", whose
Lunr file is overrides/assets/javascripts/lunr/min/lunr.kk.min.js (Material's search worker
loads lunr/min/lunr.<lang>.min.js for each language the index names). It folds each word to
the letters of a Russian keyboard and strips its endings, at index and at query time, so
«қоңырауға» and «конырау» find «қоңырау» (see that file).

A MkDocs hook (mkdocs.yml, `hooks:`), not a macro: it must run after mkdocs-static-i18n
has written the combined index at the end of the build, hence the low priority.
"""

import json
from pathlib import Path

from mkdocs.plugins import event_priority

# Languages whose Lunr support is in overrides/assets/javascripts/lunr/min/lunr.<lang>.min.js, with the
# pipeline Material keeps for them (its search worker removes the functions not named here).
OWN_LUNR_LANGUAGES = {"kk": ["stemmer"]}


@event_priority(-200)
def on_post_build(config):
    languages = sorted(config.plugins["i18n"].config.languages, key=lambda language: not language.default)
    split_search_index(Path(config.site_dir), [language.locale for language in languages])


def split_search_index(site_dir, languages):
    root_index = site_dir / "search" / "search_index.json"
    if not root_index.exists():
        return
    index = json.loads(root_index.read_text(encoding="utf-8"))
    default, *others = languages
    docs = {lang: [] for lang in languages}
    for doc in index["docs"]:
        first = doc["location"].split("/", 1)[0]
        if first in others:
            docs[first].append({**doc, "location": doc["location"][len(first) + 1:]})
        else:
            docs[default].append(doc)
    for lang, entries in docs.items():
        if not entries:  # already split by an earlier call: keep what is there
            continue
        target = site_dir / ("" if lang == default else lang) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        config = index["config"]
        if lang in OWN_LUNR_LANGUAGES:
            config = {**config, "lang": [lang], "pipeline": OWN_LUNR_LANGUAGES[lang]}
        target.write_text(json.dumps({**index, "config": config, "docs": entries}, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")
