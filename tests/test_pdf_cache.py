"""Only what changed is printed again (scripts/chapter_pdfs.py, scripts/pdf_cache.py).

A PDF is printed again when the hash of its inputs (its print document, the stylesheets, the
code) is not in the cache: the changed keys below are the PDFs a build would print.
"""

import os
import shutil
import subprocess
import time

import pytest

from macros.downloads import pack_name, pdf_name, sheet_name
from scripts.chapter_pdfs import CHROMIUM, OPTIONS, build_pdfs
from scripts.pdf_cache import Cache, key
from scripts.print_documents import Composer, Site, blocks, page_url


def keys(site):
    built = Site(site)
    stylesheets = built.stylesheet_files()
    return {job.name: key(job, stylesheets, CHROMIUM, OPTIONS) for job in Composer(built).jobs()}


def edit(site, lang, md_path, change):
    page = site / page_url(lang, md_path) / "index.html"
    text = page.read_text(encoding="utf-8")
    page.write_text(change(text), encoding="utf-8")


def add_paragraph(text, sentence="Жаңа сөйлем."):
    return text.replace("</article>", f"<p>{sentence}</p></article>", 1)


def retitle_first_block(text):
    markup = blocks(text)[0][1]
    return text.replace(markup, markup.replace('class="hb-block-title">', 'class="hb-block-title">Жаңа ', 1), 1)


@pytest.fixture
def copy(site, tmp_path):
    target = tmp_path / "site"
    shutil.copytree(site, target)
    return target


def test_an_edited_page_changes_its_chapter_and_the_sheets_and_packs_of_its_forms_only(copy):
    before = keys(copy)
    edit(copy, "kk", "manual/05-ngo-and-board.md", add_paragraph)
    edit(copy, "kk", "manual/08-action-plan.md", retitle_first_block)
    after = keys(copy)
    changed = {name for name in before if before[name] != after[name]}
    first_block = blocks((copy / page_url("kk", "manual/08-action-plan.md") / "index.html").read_text())[0][0]
    sheet = next(value for name, value in first_block.items() if name.startswith("data-") and name != "data-paper")
    assert changed == {pdf_name("manual", "kk"), pack_name("forms", "kk"), sheet_name(sheet, "kk")}


def test_a_changed_stylesheet_changes_every_pdf(copy):
    before = keys(copy)
    stylesheet = next(path for path in Site(copy).stylesheet_files() if path.name == "handbook.css")
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n/* changed */\n", encoding="utf-8")
    after = keys(copy)
    assert not [name for name in before if before[name] == after[name]]


def test_a_build_with_nothing_changed_prints_nothing_and_one_page_reprints_one_pdf(copy):
    if Cache().dir is None:
        pytest.skip("PDF_CACHE=off: nothing is kept between builds")
    report = build_pdfs(copy)
    assert report.printed == [], "nothing changed, yet PDFs were printed again"
    assert len(report.cached) == len(report.written) > 100
    sentence = f"Жаңа сөйлем. {time.time_ns()}"  # no earlier run printed it, so no shared cache already holds this PDF
    edit(copy, "kk", "toolkit/helplines.md", lambda text: add_paragraph(text, sentence))
    report = build_pdfs(copy)
    assert report.printed == [pdf_name("toolkit", "kk")]
    text = subprocess.run(["pdftotext", str(copy / pdf_name("toolkit", "kk")), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Жаңа сөйлем." in text, "the PDF in the site is not the one printed again"


def test_the_cache_forgets_what_was_used_longest_ago(tmp_path):
    cache = Cache(tmp_path / "pdfs")
    now = time.time()
    for number, age in enumerate((10, 5000, 9000, 20000)):  # seconds since each entry was last used
        cache.put(f"key{number}", b"%PDF" + b"x" * 996, {"pages": 1})
        for suffix in (".pdf", ".json"):
            os.utime(cache.dir / f"key{number}{suffix}", (now - age, now - age))
    cache.prune(keep_bytes=2500)
    assert sorted(path.stem for path in cache.dir.glob("*.pdf")) == ["key0", "key1"]
    assert cache.get("key0") and not cache.get("key3")
