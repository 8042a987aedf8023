"""Small examples for the pieces of macros/ that do arithmetic or bookkeeping (no build):
the flowchart layout, alphabetical order per language, the split of the search index, and what is
read from mkdocs.yml."""

import json
import re

import pytest

from macros import flowchart, siteconfig
from macros.render import sort_key
from macros.search import split_search_index

# ---------- flowchart layout (macros/flowchart.py) ----------

W, GX, GY = flowchart.BOX_WIDTH, flowchart.GAP_X, flowchart.GAP_Y
ONE_LINE = flowchart.LINE_HEIGHT + 2 * flowchart.PADDING


def node(node_id, row, text=None):
    return {"id": node_id, "row": row, "text": text or node_id.upper()}


def test_rows_are_centred_under_the_widest_one():
    boxes, width, height = flowchart.layout([node("a", 1), node("b", 2), node("c", 2)])
    assert width == 2 * W + 3 * GX
    ax, ay, aw, ah, _ = boxes["a"]
    assert (ax, ay, aw, ah) == ((width - W) / 2, GY / 2, W, ONE_LINE)
    assert boxes["b"][:2] == (GX, GY / 2 + ONE_LINE + GY)
    assert boxes["c"][0] == GX + W + GX and boxes["c"][1] == boxes["b"][1]
    assert height == boxes["b"][1] + ONE_LINE + GY / 2


def test_rows_are_drawn_in_order_of_their_number_not_of_the_list():
    boxes, _, _ = flowchart.layout([node("late", 3), node("early", 1)])
    assert boxes["early"][1] < boxes["late"][1]


def test_a_long_text_wraps_and_makes_its_whole_row_taller():
    long = "слово " * 20
    boxes, _, _ = flowchart.layout([node("a", 1, long), node("b", 1, "short")])
    lines = boxes["a"][4]
    assert len(lines) > 1 and all(len(line) <= flowchart.CHARS_PER_LINE for line in lines)
    assert boxes["a"][3] == boxes["b"][3] == len(lines) * flowchart.LINE_HEIGHT + 2 * flowchart.PADDING


def test_an_arrow_leaves_a_box_at_its_border():
    box = (0, 0, 200, 40, ["x"])
    assert flowchart._border_point(box, (100, 500)) == (100, 40)   # straight down: the bottom edge
    assert flowchart._border_point(box, (1000, 20)) == (200, 20)   # to the right: the right edge


def test_the_drawing_escapes_its_texts_and_keeps_ids_apart():
    drawing = flowchart.svg([node("a", 1, "<b> & c"), node("b", 2)], [{"from": "a", "to": "b", "label": "да <"}],
                            "hb-chart")
    assert "<b>" not in drawing and "&lt;b&gt; &amp; c" in drawing and "да &lt;" in drawing
    assert 'id="hb-chart-arrow"' in drawing and "url(#hb-chart-arrow)" in drawing


def test_the_text_alternative_says_where_each_step_leads():
    text = flowchart.text_alternative([node("a", 1, "Звонок"), node("b", 2, "Встреча"), node("c", 2, "Отказ")],
                                      [{"from": "a", "to": "b", "label": "да"}, {"from": "a", "to": "c"}])
    assert text == "<ol><li>Звонок → Встреча (да); Отказ</li><li>Встреча</li><li>Отказ</li></ol>"


# ---------- alphabetical order (macros/render.py) ----------

@pytest.mark.parametrize("lang, words, expected", [
    ("kk", ["ұл", "уақыт", "үй", "іс", "ие", "ана", "әке", "қала", "кітап", "ғалым", "гүл"],
     ["ана", "әке", "гүл", "ғалым", "ие", "кітап", "қала", "уақыт", "ұл", "үй", "іс"]),
    ("ru", ["ёж", "еда", "ель", "Яма", "арка"], ["арка", "еда", "ёж", "ель", "Яма"]),
    ("en", ["Zebra", "apple", "Mango"], ["apple", "Mango", "Zebra"]),
])
def test_terms_sort_in_the_alphabet_of_the_language(lang, words, expected):
    assert sorted(words, key=lambda word: sort_key(word, lang)) == expected


# ---------- one search index per language (macros/search.py) ----------

def test_the_search_index_is_split_by_language(tmp_path):
    docs = [{"location": "", "title": "Главная", "text": "т"},
            {"location": "manual/", "title": "Шаг", "text": "т"},
            {"location": "kk/", "title": "Басты бет", "text": "т"},
            {"location": "kk/manual/#first-call", "title": "Қоңырау", "text": "т"},
            {"location": "en/about/", "title": "About", "text": "t"},
            {"location": "kkk/", "title": "Not Kazakh: a folder whose name starts with kk", "text": "t"}]
    index = tmp_path / "search" / "search_index.json"
    index.parent.mkdir()
    index.write_text(json.dumps({"config": {"lang": ["ru"]}, "docs": docs}), encoding="utf-8")

    split_search_index(tmp_path, ["ru", "kk", "en"])
    read = {lang: json.loads((tmp_path / folder / "search/search_index.json").read_text(encoding="utf-8"))
            for lang, folder in (("ru", ""), ("kk", "kk"), ("en", "en"))}
    assert [doc["location"] for doc in read["ru"]["docs"]] == ["", "manual/", "kkk/"]
    assert [doc["location"] for doc in read["kk"]["docs"]] == ["", "manual/#first-call"]
    assert [doc["location"] for doc in read["en"]["docs"]] == ["about/"]
    assert read["ru"]["config"] == read["en"]["config"] == {"lang": ["ru"]}
    # Kazakh: our own Lunr language (overrides/assets/javascripts/lunr/min/lunr.kk.min.js) and its stemmer
    assert read["kk"]["config"] == {"lang": ["kk"], "pipeline": ["stemmer"]}
    assert "Қоңырау" in (tmp_path / "kk/search/search_index.json").read_text(encoding="utf-8"), "not plain UTF-8"

    split_search_index(tmp_path, ["ru", "kk", "en"])  # again (mkdocs serve): nothing is lost
    assert json.loads((tmp_path / "kk/search/search_index.json").read_text(encoding="utf-8")) == read["kk"]


# ---------- what is read from mkdocs.yml (macros/siteconfig.py) ----------

def config(languages, nav=()):
    return {"plugins": ["search", {"i18n": {"languages": languages}}], "nav": list(nav)}


def test_the_default_language_comes_first():
    found = siteconfig.languages(config([{"locale": "kk"}, {"locale": "ru", "default": True}, {"locale": "en"},
                                         {"locale": "de", "build": False}]))
    assert found == ("ru", "kk", "en")


def test_exactly_one_default_language():
    with pytest.raises(ValueError, match="exactly one default"):
        siteconfig.languages(config([{"locale": "ru"}, {"locale": "kk"}]))


def test_parts_are_the_sections_of_the_navigation():
    nav = [{"Home": "index.md"}, {"Manual": ["manual/index.md", "manual/01.md"]}, {"About": ["about/index.md"]}]
    assert siteconfig.parts(config([], nav)) == ("manual", "about")
    assert siteconfig.nav_pages(config([], nav)) == ["index.md", "manual/index.md", "manual/01.md", "about/index.md"]
    with pytest.raises(ValueError, match="not one folder"):
        siteconfig.parts(config([], [{"Mixed": ["manual/01.md", "about/index.md"]}]))


@pytest.mark.parametrize("page, lang, url", [
    ("index.md", "ru", ""), ("index.md", "kk", "kk/"), ("manual/index.md", "en", "en/manual/"),
    ("manual/01-founding-team.md", "ru", "manual/01-founding-team/"),
    ("manual/01-founding-team.md", "kk", "kk/manual/01-founding-team/"),
    ("toolkit/reindex.md", "ru", "toolkit/reindex/"),
])
def test_page_addresses(page, lang, url):
    assert siteconfig.page_url(page, lang, "ru") == url


def test_the_real_configuration_reads():
    assert siteconfig.LANGUAGES[0] == siteconfig.DEFAULT_LANGUAGE
    assert siteconfig.PARTS and all(re.fullmatch(r"[a-z]+", part) for part in siteconfig.PARTS)
