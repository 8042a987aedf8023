"""The data checks of macros/catalogue.py, on small examples (no build)."""

import json
import posixpath
import re
import shutil

import pytest

from macros.catalogue import ID, INT, LANGUAGES, TEXT, DataError, Variant, check, load_catalogue, unsafe_link
from tests.sitetools import ROOT


def text(**overrides):
    """A text in every language, with some languages replaced."""
    return {lang: f"text {lang}" for lang in LANGUAGES} | overrides


# ---------- links in data texts ----------

@pytest.mark.parametrize("link", [
    "[x](javascript:alert(1))",
    "[x]( JavaScript:alert(1))",
    "[x](java\tscript:alert(1))",          # browsers drop tabs and line breaks inside a URL
    "[x](javascript&#58;alert(1))",         # an entity for the colon
    "[x](javascript&colon;alert(1))",
    "![x](data:text/html;base64,PHNjcmlwdD4=)",
    "[x](vbscript:msgbox)",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "<javascript:alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="java	script:alert(1)">x</a>',
    "<a href=javascript:alert(1)>x</a>",
    "[x](file:///etc/passwd)",
])
def test_unsafe_links_are_found(link):
    assert unsafe_link(f"Before {link} after") is not None


@pytest.mark.parametrize("link", [
    "[x](https://example.kz/a)", "[x](http://example.kz)", "[x](mailto:help@example.kz)", "[x](tel:+77000000000)",
    "[x](../standard/index.md#terms)", "[x](#anchor)", "[x](/downloads/)", "<https://example.kz>",
    "Time: 10:30, ratio 1:2, «Шаг 2: план»", "See [note]",
])
def test_safe_links_and_plain_text_pass(link):
    assert unsafe_link(link) is None


def test_an_unsafe_link_names_the_place_and_the_language():
    with pytest.raises(DataError) as error:
        check(text(kk="[бет](javascript:alert(1))"), TEXT, "data/x.yml: checklists 'c'.items[0].text")
    message = str(error.value)
    assert message.startswith("data/x.yml: checklists 'c'.items[0].text: ")
    assert "'kk'" in message and "'javascript:alert(1" in message


# ---------- the schema checks ----------

def test_a_complete_text_passes():
    check(text(), TEXT, "here")


@pytest.mark.parametrize("value, words", [
    ({lang: "x" for lang in LANGUAGES[:-1]}, [f"'{LANGUAGES[-1]}'", "missing or empty"]),
    (text(**{LANGUAGES[1]: "  "}), [f"'{LANGUAGES[1]}'", "missing or empty"]),
    (text(de="x"), ["unknown language 'de'"]),
    ("just a string", ["expected a text"]),
])
def test_texts_lacking_a_language_or_with_a_strange_one(value, words):
    with pytest.raises(DataError) as error:
        check(value, TEXT, "data/x.yml: glossary 'g'.term")
    assert all(word in str(error.value) for word in words), str(error.value)


@pytest.mark.parametrize("value, schema, words", [
    ("Not-Kebab", ID, ["not a lower-case kebab-case id"]),
    ("two--dashes", ID, ["not a lower-case kebab-case id"]),
    (-1, INT, ["whole number"]),
    (True, INT, ["whole number"]),
    ("b", ("a",), ["'b' is not one of a"]),
    ([], [ID], ["non-empty list"]),
    ([{"id": "a"}, {"id": "a"}], [{"id": ID}], ["[1]: id 'a' used twice"]),
    ({"id": "a", "extra": 1}, {"id": ID}, ["unknown key 'extra'"]),
    ({}, {"id": ID}, ["missing key 'id'"]),
    ({"title": text()}, {"id?": ID, "title": TEXT}, []),
    ({"type": "nope"}, Variant({"a": {"type": str}}), ["'type' must be one of a"]),
])
def test_schema_checks(value, schema, words):
    if not words:
        check(value, schema, "here")
        return
    with pytest.raises(DataError) as error:
        check(value, schema, "data/x.yml: forms 'f'")
    assert str(error.value).startswith("data/x.yml: forms 'f'")
    assert all(word in str(error.value) for word in words), str(error.value)


# ---------- reading data/ (once per process) ----------

SAMPLE = ROOT / "tests" / "fixtures" / "sample.yml"


def test_the_catalogue_is_read_once_until_a_file_changes(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(SAMPLE, data / "sample.yml")
    first = load_catalogue(data)
    assert load_catalogue(data) is first, "read again although nothing changed"
    (data / "more.yml").write_text("checklists:\n  other-list:\n    title: " + json.dumps(text()) +
                                   "\n    items:\n      - {id: one, text: " + json.dumps(text()) + "}\n", encoding="utf-8")
    second = load_catalogue(data)
    assert second is not first and second.get("checklists", "other-list")
    (data / "more.yml").unlink()
    assert load_catalogue(data).all("checklists") == first.all("checklists")


@pytest.mark.parametrize("content, words", [
    (("flowcharts:\n  chart:\n    title: {T}\n    nodes:\n      - {{id: a, row: 1, text: {T}}}\n"
      "    edges:\n      - {{from: a, to: b}}\n"), ["flowcharts 'chart'.edges[0].to", "no node 'b'"]),
    (("sessions:\n  s:\n    title: {T}\n    aim: {T}\n    minutes: 50\n    parts:\n"
      "      - {{id: p, title: {T}, minutes: 45, text: {T}}}\n"), ["sessions 's'", "45 minutes", "50"]),
    ("checklists:\n  Bad_Id:\n    title: {T}\n    items:\n      - {{id: one, text: {T}}}\n", ["Bad_Id", "kebab-case"]),
    ("nonsense:\n  x: {T}\n", ["unknown kind 'nonsense'"]),
    ("checklists: [1, 2]\n", ["expected a mapping of ids"]),
    ("checklists:\n  x: {{\n", ["not valid YAML"]),
])
def test_a_bad_file_is_named_with_the_entry(tmp_path, content, words):
    data = tmp_path / "data"
    data.mkdir()
    (data / "bad.yml").write_text(content.format(T=json.dumps(text(), ensure_ascii=False)), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_catalogue(data)
    assert str(error.value).startswith("data/bad.yml"), str(error.value)
    assert all(word in str(error.value) for word in words), str(error.value)


def pages_without_a_toolkit_link(docs, lang):
    """Pages that show a form, or (outside the manual, whose step pages all have checklists and questions, as the
    overview says) a checklist, wheel or flowchart, but are not linked from toolkit/index.md in that language."""
    forms = re.compile(r"\{\{\s*form\(")
    tools = re.compile(r"\{\{\s*(?:checklist|wheel|flowchart)\(")
    overview = (docs / lang / "toolkit" / "index.md").read_text(encoding="utf-8")
    linked = {posixpath.normpath(posixpath.join("toolkit", target))
              for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", overview)}
    return sorted(path.relative_to(docs / lang).as_posix() for path in (docs / lang).rglob("*.md")
                  if path.relative_to(docs / lang).as_posix() not in linked
                  and (forms.search(path.read_text(encoding="utf-8"))
                       or (path.parent.name != "manual" and tools.search(path.read_text(encoding="utf-8")))))


def test_the_toolkit_overview_links_every_page_with_a_form():
    """The toolkit page says it links every tool: a page with a tool that it does not link is missing from it
    (samples 72 and 78 found 8 of the standard's forms there, and no time-out card or access checklist)."""
    for lang in LANGUAGES:
        assert not pages_without_a_toolkit_link(ROOT / "docs", lang), (lang, pages_without_a_toolkit_link(ROOT / "docs", lang))


def test_the_toolkit_check_finds_a_missing_page(tmp_path):
    (tmp_path / "ru" / "toolkit").mkdir(parents=True)
    (tmp_path / "ru" / "toolkit" / "index.md").write_text("# Инструменты\n\n- [A](../a.md)\n", encoding="utf-8")
    (tmp_path / "ru" / "a.md").write_text('{{ form("x") }}\n', encoding="utf-8")
    (tmp_path / "ru" / "b.md").write_text('{{ form("y") }}\n', encoding="utf-8")
    (tmp_path / "ru" / "manual").mkdir()
    (tmp_path / "ru" / "manual" / "01.md").write_text('{{ checklist("z") }}\n', encoding="utf-8")
    (tmp_path / "ru" / "c.md").write_text('{{ wheel("w") }}\n', encoding="utf-8")
    assert pages_without_a_toolkit_link(tmp_path, "ru") == ["b.md", "c.md"]
