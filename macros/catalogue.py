"""Load and check the structured content in data/.

Every YAML file under data/ maps kinds (checklists, questions, ...) to entries
keyed by id. Every piece of text is a mapping with one string per language.
Anything wrong stops the build with one line naming the file, the entry and,
where it applies, the language.
"""

import html
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

# The site's languages, the default one first: the i18n plugin's list in mkdocs.yml (macros/siteconfig.py).
from .siteconfig import DEFAULT_LANGUAGE, LANGUAGES  # noqa: F401  (imported from here by the rest)

PROFILE_ROWS = (
    "organisation", "city", "founded", "aims", "staff", "target_groups", "services",
    "methods", "activities", "tasks", "partners", "problems", "history", "contacts",
)


class DataError(Exception):
    """A data file is malformed, incomplete or asked for by an unknown id."""


# A schema is one of: TEXT (a mapping language -> non-empty string), ID (kebab-case
# string), INT, a tuple of allowed strings, a one-element list [schema] (non-empty
# list of that), a dict {key: schema} where a key ending in "?" is optional, or
# a Variant (a dict schema chosen by the value of its "type" key).
TEXT = "text"
ID = "id"
INT = "int"


@dataclass(frozen=True)
class Variant:
    by_type: dict


FORM_FIELD = Variant({
    "heading": {"type": str, "id": ID, "text": TEXT},
    "note": {"type": str, "id": ID, "text": TEXT},
    "text": {"type": str, "id": ID, "label": TEXT, "lines?": INT},
    "choice": {"type": str, "id": ID, "label": TEXT, "options": [{"id": ID, "text": TEXT}]},
    "table": {"type": str, "id": ID, "label": TEXT, "rows?": INT, "row_labels?": [TEXT],
              "columns": [{"id": ID, "text": TEXT}]},
    "scale": {"type": str, "id": ID, "label": TEXT, "min": INT, "max": INT,
              "low?": TEXT, "high?": TEXT},
})

SCHEMAS = {
    "checklists": {"title": TEXT, "items": [{"id": ID, "text": TEXT}]},
    "questions": {"title": TEXT, "items": [{"id": ID, "origin": ("manual", "trainer"), "text": TEXT}]},
    "call_scripts": {"title": TEXT, "intro?": TEXT,
                     "parts": [{"id": ID, "title": TEXT, "aim": TEXT, "say?": [TEXT]}]},
    "forms": {"title": TEXT, "intro?": TEXT, "paper?": ("two-columns", "landscape"), "audience?": ("participant",),
              "fields": [FORM_FIELD]},
    "sessions": {"title": TEXT, "aim": TEXT, "minutes": INT,
                 "parts": [{"id": ID, "title": TEXT, "minutes": INT, "text": TEXT}],
                 "homework?": TEXT, "handout?": [FORM_FIELD], "safety?": TEXT},
    "profiles": {"name": TEXT, "as_of": TEXT, "rows": {f"{key}?": TEXT for key in PROFILE_ROWS}},
    # A term base entry: `follows` names the official text whose wording the translations keep;
    # `avoid` lists words a language must not use for this term (tests/test_terms.py), with the reason.
    "glossary": {"term": TEXT, "definition": TEXT, "follows?": TEXT,
                 "avoid?": [{"lang": str, "word": str, "pattern?": str, "why": TEXT}]},
    "flowcharts": {"title": TEXT,
                   "nodes": [{"id": ID, "row": INT, "text": TEXT}],
                   "edges": [{"from": ID, "to": ID, "label?": TEXT}]},
    "wheels": {"title": TEXT, "centre": TEXT, "note?": TEXT,
               "spokes": [{"id": ID, "title": TEXT, "examples": [TEXT]}]},
    # The six stages of the 22-step manual, as the manual overview groups them (data/manual/stages.yml):
    # the "Step 14 of 22 · stage: …" line on each step page and the sections of the navigation.
    "stages": {"title": TEXT, "steps": [INT]},
    "ui": TEXT,
}


# Links a data text may hold, whatever renders it: web, e-mail and telephone addresses, and relative links.
SAFE_SCHEMES = ("http", "https", "mailto", "tel")
LINK_TARGETS = re.compile(
    r"\]\(\s*<?([^)>]+)"                                   # [text](target), ![alt](target)
    r"|^[ \t]*\[[^\]]+\]:[ \t]*<?(\S+?)>?(?:\s|$)"           # [label]: target
    r"|<([a-zA-Z][\w+.-]*:[^>\s]*)>"                        # <scheme:target>
    r"|\b(?:href|src|action|formaction)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))",  # raw HTML attributes
    re.MULTILINE | re.IGNORECASE,
)
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def unsafe_link(text):
    """The first link target in a text whose scheme is not in SAFE_SCHEMES (javascript:, data:, vbscript:,
    file: …), or None. Read as a browser would: entities decoded, tabs, line breaks and controls dropped."""
    for groups in LINK_TARGETS.findall(text):
        target = next(group for group in groups if group).strip()
        scheme = SCHEME.match(re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(target)))
        if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
            return target
    return None


def _is_id(value):
    return (isinstance(value, str) and value != "" and value == value.lower()
            and all(part.isalnum() for part in value.split("-")))


def check(value, schema, where):
    """Raise DataError if value does not match schema; `where` names the place."""
    if schema == TEXT:
        if not isinstance(value, dict):
            raise DataError(f"{where}: expected a text with languages {', '.join(LANGUAGES)}")
        for key in value:
            if key not in LANGUAGES:
                raise DataError(f"{where}: unknown language '{key}'")
        for lang in LANGUAGES:
            text = value.get(lang)
            if not isinstance(text, str) or not text.strip():
                raise DataError(f"{where}: missing or empty text in language '{lang}'")
            target = unsafe_link(text)
            if target is not None:
                raise DataError(f"{where}: link to '{target}' in language '{lang}': a link in data may only be "
                                f"{', '.join(SAFE_SCHEMES)} or relative")
    elif schema == ID:
        if not _is_id(value):
            raise DataError(f"{where}: '{value}' is not a lower-case kebab-case id")
    elif schema == INT:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise DataError(f"{where}: expected a whole number, got {value!r}")
    elif schema is str:
        if not isinstance(value, str):
            raise DataError(f"{where}: expected a string, got {value!r}")
    elif isinstance(schema, tuple):
        if value not in schema:
            raise DataError(f"{where}: '{value}' is not one of {', '.join(schema)}")
    elif isinstance(schema, list):
        if not isinstance(value, list) or not value:
            raise DataError(f"{where}: expected a non-empty list")
        ids = set()
        for index, item in enumerate(value):
            check(item, schema[0], f"{where}[{index}]")
            item_id = item.get("id") if isinstance(item, dict) else None
            if item_id is not None:
                if item_id in ids:
                    raise DataError(f"{where}[{index}]: id '{item_id}' used twice")
                ids.add(item_id)
    elif isinstance(schema, Variant):
        kind = value.get("type") if isinstance(value, dict) else None
        if kind not in schema.by_type:
            raise DataError(f"{where}: 'type' must be one of {', '.join(schema.by_type)}")
        check(value, schema.by_type[kind], f"{where}({kind})")
    elif isinstance(schema, dict):
        if not isinstance(value, dict):
            raise DataError(f"{where}: expected a mapping")
        keys = {key.rstrip("?"): key.endswith("?") for key in schema}
        for key in value:
            if key not in keys:
                raise DataError(f"{where}: unknown key '{key}' (allowed: {', '.join(keys)})")
        for key, optional in keys.items():
            if key in value:
                check(value[key], schema[key + "?" if optional else key], f"{where}.{key}")
            elif not optional:
                raise DataError(f"{where}: missing key '{key}'")
    else:  # pragma: no cover - a mistake in SCHEMAS itself
        raise TypeError(f"unknown schema {schema!r}")


@dataclass(frozen=True)
class Entry:
    kind: str
    id: str
    file: str
    value: object


class Catalogue:
    """All entries of data/, by kind and id."""

    def __init__(self, entries):
        self._entries = entries  # {kind: {id: Entry}}

    def get(self, kind, entry_id):
        try:
            return self._entries[kind][entry_id]
        except KeyError:
            raise DataError(f"unknown id '{entry_id}': data/ has no {kind} entry with this id") from None

    def all(self, kind):
        return list(self._entries.get(kind, {}).values())


def check_session_time(value, where):
    """A session plan's parts must fill exactly the time the session says it takes."""
    planned = sum(part["minutes"] for part in value["parts"])
    if planned != value["minutes"]:
        raise DataError(f"{where}: the parts take {planned} minutes, the session says {value['minutes']}")


# libyaml's parser (ten times faster than the pure Python one); the pure one where libyaml is missing
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_loaded = {}  # data folder -> (the files' names, sizes and times, Catalogue): read and checked once per process


def load_catalogue(data_dir):
    """Read and check every data/**/*.yml file; return a Catalogue. The result is kept for as long as no
    file under data_dir is added, removed or changed (`mkdocs serve` rebuilds, the i18n plugin's one
    configuration per language, the tests): a Catalogue must not be changed by those who use it."""
    data_dir = Path(data_dir).resolve()
    paths = sorted(data_dir.rglob("*.yml"))
    stamp = tuple((path.as_posix(), path.stat().st_mtime_ns, path.stat().st_size) for path in paths)
    cached = _loaded.get(data_dir)
    if cached and cached[0] == stamp:
        return cached[1]
    catalogue = _read_catalogue(data_dir, paths)
    _loaded[data_dir] = (stamp, catalogue)
    return catalogue


def _read_catalogue(data_dir, paths):
    entries = {kind: {} for kind in SCHEMAS}
    for path in paths:
        name = path.relative_to(data_dir.parent).as_posix()
        try:
            content = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = f" line {mark.line + 1}" if mark else ""
            problem = getattr(error, "problem", None) or str(error).splitlines()[0]
            raise DataError(f"{name}:{line}: not valid YAML: {problem}") from None
        if content is None:
            continue
        if not isinstance(content, dict):
            raise DataError(f"{name}: expected a mapping of kinds ({', '.join(SCHEMAS)})")
        for kind, items in content.items():
            if kind not in SCHEMAS:
                raise DataError(f"{name}: unknown kind '{kind}' (allowed: {', '.join(SCHEMAS)})")
            if not isinstance(items, dict):
                raise DataError(f"{name}: {kind}: expected a mapping of ids to entries")
            for entry_id, value in items.items():
                where = f"{name}: {kind} '{entry_id}'"
                check(entry_id, ID, where)
                check(value, SCHEMAS[kind], where)
                if entry_id in entries[kind]:
                    other = entries[kind][entry_id].file
                    raise DataError(f"{where}: id already used in {other}")
                if kind == "sessions":
                    check_session_time(value, where)
                entries[kind][entry_id] = Entry(kind, entry_id, name, value)
    for entry in entries["flowcharts"].values():
        _check_flowchart_edges(entry)
    return Catalogue(entries)


def _check_flowchart_edges(entry):
    nodes = {node["id"] for node in entry.value["nodes"]}
    for index, edge in enumerate(entry.value["edges"]):
        for end in ("from", "to"):
            if edge[end] not in nodes:
                raise DataError(f"{entry.file}: flowcharts '{entry.id}'.edges[{index}].{end}: "
                                f"no node '{edge[end]}'")
