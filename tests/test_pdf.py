"""The PDFs (scripts/chapter_pdfs.py): chapters, packs and sheets, in every language.

Every PDF is A4, tagged, has bookmarks, its language, title and author, and none of the screen's
buttons; no heading stands alone at the foot of a page. Chapters and packs open with a cover and a
contents page whose page numbers lead to the pages where the headings are. The forms pack holds
every form of data/; the downloads page lists every file with its real pages and size.
"""

import html
import json
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest
from pypdf import PdfReader

from macros.catalogue import load_catalogue
from macros.downloads import (
    CARDS,
    MANIFEST,
    PACKS,
    PARTS,
    edition_texts,
    pack_name,
    pdf_name,
    read_config,
    sheet_name,
    sheets,
)
from scripts.pdf_read import Pdf
from scripts.print_documents import page_url, text_of
from tests.sitetools import LANGUAGES, ROOT

KAZAKH_LETTERS = "әғқңөұүһі"
FOOTER = re.compile(r"\d+ / \d+\s*$")
CONTENTS_LINE = re.compile(r"^\s*(\S.*?)\s{2,}(\d+)\s*$")
# Interface strings of buttons and screen controls: none may reach paper.
SCREEN_ONLY = ("checklist-remember", "checklist-clear", "form-print", "handout-print", "quick-exit",
               "offline-save", "offline-remove", "permalink", "present-start-hint", "present-exit")


def bare(text):
    """Text without any white space: a PDF's lines and bookmarks break where the HTML did not."""
    return "".join(text.split())


@dataclass
class Printed:
    """What the tests read from one PDF."""

    name: str
    lang: str
    pages: list        # text of each page (pdftotext -layout)
    info: dict
    catalog_lang: str
    tagged: bool
    has_bookmarks: bool
    size: str
    lines: list        # of each page: (distance from the top, text) of each line above the footer
    bookmarks: list    # of each page: (distance from the top, title) of each bookmark pointing there


PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.DOTALL)
LINE = re.compile(r'<line xMin="[\d.]+" yMin="([\d.]+)"[^>]*>(.*?)</line>', re.DOTALL)
WORD = re.compile(r"<word[^>]*>(.*?)</word>")
FOOTER_HEIGHT = 18 / 25.4 * 72  # the bottom margin, where the footer is


def read_pdf(site, name, lang):
    path = site / name
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    boxes = subprocess.run(["pdftotext", "-bbox-layout", "-enc", "UTF-8", str(path), "-"],
                           capture_output=True, text=True, check=True).stdout
    lines = []
    for _, height, page in PAGE.findall(boxes):
        found = [(float(top), html.unescape(" ".join(WORD.findall(line)))) for top, line in LINE.findall(page)]
        lines.append(sorted(line for line in found if line[0] < float(height) - FOOTER_HEIGHT))
    pdf = Pdf(path.read_bytes())
    pages, found = pdf.pages(), pdf.bookmarks()
    bookmarks = [[] for _ in pages]
    for title, number, top in found:
        bookmarks[number - 1].append((top, title))
    return Printed(name, lang, text.split("\f")[:-1], pdf.info, pdf.language or "", pdf.tagged, bool(found),
                   f"{round(pages[0][1])}x{round(pages[0][2])}", lines, bookmarks)


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(ROOT / "data")


@pytest.fixture(scope="module")
def published(site):
    """The address the site is built for (its canonical links)."""
    home = (site / "index.html").read_text(encoding="utf-8")
    return re.search(r'<link rel="canonical" href="([^"]+)"', home).group(1)


@pytest.fixture(scope="module")
def manifest(site):
    return json.loads((site / MANIFEST).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pdfs(site, manifest):
    """Every PDF the manifest lists, read once (pdftotext runs in parallel)."""
    files = manifest["files"]
    with ThreadPoolExecutor(max_workers=4) as pool:
        found = pool.map(lambda name: read_pdf(site, name, files[name]["lang"]), files)
        return {pdf.name: pdf for pdf in found}


def ui(catalogue, key, lang):
    return catalogue.get("ui", key).value[lang]


def site_names():
    i18n = next(plugin["i18n"] for plugin in read_config(ROOT)["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    return {language["locale"]: language["site_name"] for language in i18n["languages"]}


def documents_with_contents():
    return ([(pdf_name(part, lang), lang, "download-" + part) for lang in LANGUAGES for part in PARTS]
            + [(pack_name(pack, lang), lang, "pdf-" + pack) for lang in LANGUAGES for pack in PACKS])


# ---------- what is printed ----------

def test_every_part_pack_and_form_is_printed_in_every_language(site, manifest, catalogue):
    expected = {pdf_name(part, lang) for part in PARTS for lang in LANGUAGES}
    found = sheets(catalogue, ROOT)
    expected |= {pack_name(pack, lang) for pack in PACKS for lang in LANGUAGES if any(s.pack == pack for s in found)}
    expected |= {sheet_name(sheet.id, lang) for sheet in found for lang in LANGUAGES}
    missing = sorted(name for name in expected if not (site / name).is_file())
    assert not missing, f"not printed: {missing}"
    assert set(manifest["files"]) == expected
    assert manifest["edition"] == str(read_config(ROOT)["extra"]["edition"])


def test_the_forms_pack_holds_every_form_of_the_data(site, catalogue):
    for lang in LANGUAGES:
        for pack in PACKS:
            bookmarks = {bare(title) for title, _, _ in Pdf((site / pack_name(pack, lang)).read_bytes()).bookmarks()}
            for entry in catalogue.all("forms"):
                belongs = "handouts" if entry.value.get("audience") == "participant" else "forms"
                if belongs == pack:
                    title = bare(text_of(f"<p>{entry.value['title'][lang]}</p>").replace("*", ""))
                    assert title in bookmarks, f"{pack_name(pack, lang)} lacks the form {entry.id}"
            if pack == "forms":
                for entry in catalogue.all("checklists"):
                    assert bare(entry.value["title"][lang].replace("*", "")) in bookmarks, (
                        f"{pack_name(pack, lang)} lacks the checklist {entry.id}")
        for entry in catalogue.all("forms"):
            assert (site / sheet_name(entry.id, lang)).is_file(), f"{entry.id} is not printed alone in {lang}"


def test_the_first_call_card_is_one_sheet(pdfs):
    """Both sides of one sheet at most: a card to keep by the telephone."""
    for card in CARDS:
        for lang in LANGUAGES:
            assert len(pdfs[sheet_name(card, lang)].pages) <= 2, f"{sheet_name(card, lang)} is more than one sheet"


# ---------- every PDF ----------

def test_every_pdf_is_a4_tagged_with_bookmarks_language_title_and_author(pdfs, catalogue):
    wrong = []
    for pdf in pdfs.values():
        if pdf.size not in ("596x843", "843x596"):
            wrong.append(f"{pdf.name}: page size {pdf.size} is not A4")
        if not pdf.tagged:
            wrong.append(f"{pdf.name}: not a tagged PDF")
        if not pdf.has_bookmarks:
            wrong.append(f"{pdf.name}: no bookmarks")
        if pdf.catalog_lang != pdf.lang:
            wrong.append(f"{pdf.name}: language {pdf.catalog_lang!r}, expected {pdf.lang!r}")
        if pdf.info["Author"] != ui(catalogue, "pdf-author", pdf.lang):
            wrong.append(f"{pdf.name}: author {pdf.info['Author']!r}")
        if site_names()[pdf.lang] not in (pdf.info["Title"] or ""):
            wrong.append(f"{pdf.name}: title {pdf.info['Title']!r}")
    assert not wrong, "\n".join(wrong)


# Chromium's page transform from CSS pixels to PDF points: a smaller scale means it shrank the whole document to
# fit an element wider than the sheet (a table whose words cannot break), and every page has smaller type.
PAGE_TRANSFORM = re.compile(rb"q\n([\d.]+) 0 0 \1 [-\d.]+ [-\d.]+ cm")
PAGE_SCALE = 72 / 96 / 0.24


def print_scale(path):
    """How large a PDF is printed, 1.0 being its CSS size; read from its last page."""
    found = PAGE_TRANSFORM.search(PdfReader(path).pages[-1].get_contents().get_data())
    return float(found.group(1)) / PAGE_SCALE if found else None


def test_no_pdf_is_shrunk_to_fit_a_wide_element(site, manifest):
    shrunk = [f"{name}: printed at {scale:.1%}" if scale else f"{name}: no page transform found"
              for name in manifest["files"] for scale in [print_scale(site / name)]
              if not scale or scale < 0.999]
    assert not shrunk, ("a PDF shrunk to fit something wider than A4 (give the form `paper: landscape`):\n"
                        + "\n".join(shrunk))


def test_kazakh_letters_survive_in_print(pdfs):
    for pdf in pdfs.values():
        if pdf.lang == "kk":
            text = "".join(pdf.pages)
            assert any(letter in text for letter in KAZAKH_LETTERS), f"{pdf.name} has no Kazakh letter"
    manual = "".join(pdfs[pdf_name("manual", "kk")].pages)
    assert not [letter for letter in KAZAKH_LETTERS if letter not in manual], "Kazakh letters lost in the manual"


def test_fonts_are_embedded(site):
    for name in (pdf_name("manual", "kk"), pack_name("forms", "kk")):
        fonts = subprocess.run(["pdffonts", str(site / name)], capture_output=True, text=True,
                               check=True).stdout.splitlines()[2:]
        assert fonts
        not_embedded = [line for line in fonts if line.split()[-5] != "yes"]
        assert not not_embedded, "\n".join(not_embedded)


def test_nothing_of_the_screen_is_printed(pdfs, catalogue):
    strings = {lang: [ui(catalogue, key, lang) for key in SCREEN_ONLY] + ["Ctrl+P"] for lang in LANGUAGES}
    progress = {lang: re.compile(re.escape(ui(catalogue, "checklist-progress", lang))
                                 .replace(r"\{done\}", r"\d+").replace(r"\{total\}", r"\d+")) for lang in LANGUAGES}
    found = []
    for pdf in pdfs.values():
        text = bare("".join(pdf.pages))
        found += [f"{pdf.name}: {string!r}" for string in strings[pdf.lang] if bare(string) in text]
        if progress[pdf.lang].search(" ".join("".join(pdf.pages).split())):
            found.append(f"{pdf.name}: a checklist's progress counter")
    assert not found, "screen-only text on paper (mark it hb-screen-only):\n" + "\n".join(found)


TITLES = re.compile(r'<(\w+) class="(?:hb-block-title|admonition-title|hb-form__heading|hb-script__part-title|'
                    r'hb-session__part-title|hb-session__label)[^"]*"[^>]*>(.*?)</\1>', re.DOTALL)


def block_titles(site, lang, sources):
    """The titles of blocks and boxes (not headings, so not bookmarks) on the pages a PDF is made of."""
    found = set()
    for md_path in sources:
        page = (site / page_url(lang, md_path) / "index.html").read_text(encoding="utf-8")
        found |= {bare(text_of(inner)) for _, inner in TITLES.findall(page)} - {""}
    return found


def contents_lines(page):
    """(text, page number) of the lines of a contents page that end with a page number."""
    return [CONTENTS_LINE.match(line).groups() for line in page.splitlines()
            if not FOOTER.search(line) and CONTENTS_LINE.match(line)]


def contents_pages(pdf):
    """The indexes of the contents pages: from the second page to the one before the first it names."""
    if len(pdf.pages) < 2 or not contents_lines(pdf.pages[1]):
        return range(0)
    first = min(int(number) for _, number in contents_lines(pdf.pages[1]))
    return range(1, max(first - 1, 2))


def test_no_heading_is_left_alone_at_the_foot_of_a_page(site, pdfs, manifest):
    """A page's last lines are a heading (a bookmark pointing where they stand) or a block's title."""
    orphans = []
    for pdf in pdfs.values():
        titles = block_titles(site, pdf.lang, manifest["files"][pdf.name]["sources"])
        skip = contents_pages(pdf)
        for number, lines in enumerate(pdf.lines[:-1], start=1):
            if number - 1 in skip:
                continue
            for count in (1, 2, 3):
                if len(lines) < count:
                    break
                top, tail = lines[-count][0], bare("".join(text for _, text in lines[-count:]))
                heading = any(bare(title) == tail and abs(at - top) < 30 for at, title in pdf.bookmarks[number - 1])
                if heading or tail in titles:
                    orphans.append(f"{pdf.name}, page {number}: {' '.join(text for _, text in lines[-count:])!r}")
                    break
    assert not orphans, "a heading ends a page, its text is on the next:\n" + "\n".join(orphans)


@pytest.mark.parametrize("name, lang, title_key", documents_with_contents())
def test_cover_and_contents_with_page_numbers_that_match(pdfs, catalogue, published, name, lang, title_key):
    pdf = pdfs.get(name)
    if pdf is None:
        pytest.skip(f"{name} is not printed (nothing to put in it)")
    cover = bare(pdf.pages[0])
    edition, date = edition_texts(read_config(ROOT)["extra"]["edition"], lang)
    for expected in (site_names()[lang], ui(catalogue, title_key, lang), ui(catalogue, "pdf-language", lang),
                     edition, date, "CC BY 4.0", published):
        assert bare(expected) in cover, f"{name}: the cover lacks {expected!r}"
    assert bare(ui(catalogue, "pdf-contents", lang)) in bare(pdf.pages[1]), f"{name}: page 2 is not the contents"
    pages = contents_pages(pdf)
    entries = [entry for page in pages for entry in contents_lines(pdf.pages[page])]
    first = pages.stop + 1  # the first page after the contents, counted from 1
    assert len(entries) >= 2, f"{name}: no contents with page numbers"
    wrong = []
    for text, number in entries:
        number = int(number)
        if not first <= number <= len(pdf.pages) or bare(text) not in bare(pdf.pages[number - 1]):
            wrong.append(f"{text!r} → page {number}")
    assert not wrong, f"{name}: contents entries not on the page they name:\n" + "\n".join(wrong)


def test_chapter_pages_are_numbered_through(pdfs):
    pdf = pdfs[pdf_name("standard", "kk")]
    assert len(pdf.pages) > 10
    assert f"{len(pdf.pages)} / {len(pdf.pages)}" in pdf.pages[-1], "the last footer does not count the whole chapter"


@pytest.mark.parametrize("part", PARTS)
def test_links_lead_inside_the_pdf_not_to_the_local_server(site, part):
    for lang in LANGUAGES:
        data = (site / pdf_name(part, lang)).read_bytes()
        assert b"127.0.0.1" not in data, f"{pdf_name(part, lang)} links to the server that printed it"


def internal_links(reader):
    """(page of the link, page it leads to) for every link inside a PDF; None where the target is lost."""
    numbers = {page.indirect_reference.idnum: index for index, page in enumerate(reader.pages)}
    named = reader.named_destinations
    found = []
    for index, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A")
            target = annotation.get("/Dest")
            if target is None and action is not None and action.get("/S") == "/GoTo":
                target = action.get("/D")
            if annotation.get("/Subtype") != "/Link" or target is None:
                continue
            if isinstance(target, str):
                target = named.get(target)
                found.append((index, reader.get_destination_page_number(target) if target else None))
            else:
                found.append((index, numbers.get(target[0].idnum)))
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_links_between_pages_of_a_chapter_stay_links(site, lang):
    """A link in one step to another step leads to that step's page in the PDF, not to the web."""
    links = internal_links(PdfReader(site / pdf_name("manual", lang)))
    assert all(target is not None for _, target in links), "a link inside the PDF leads nowhere"
    body = min(target for _, target in links)  # the contents pages come before the first page they lead to
    across = [(source, target) for source, target in links if source >= body and target != source]
    assert len(across) >= 10, f"manual-{lang}: links between steps were dropped ({across})"


# ---------- the downloads page ----------

FACTS = re.compile(r'<small class="hb-downloads__facts" data-pdf="([^"]+)">(.*?)</small>', re.DOTALL)


def test_downloads_page_lists_every_file_with_its_pages_and_size(site, manifest, pdfs, catalogue):
    for lang in LANGUAGES:
        page = (site / page_url(lang, "toolkit/downloads.md") / "index.html").read_text(encoding="utf-8")
        listed = dict(FACTS.findall(page))
        assert set(listed) == set(manifest["files"]), f"{lang}: the downloads page and the printed files differ"
        edition, date = edition_texts(read_config(ROOT)["extra"]["edition"], lang)
        assert edition in page and date in page, f"{lang}: the downloads page does not give the edition"
        for name, facts in listed.items():
            pages = len(pdfs[name].pages)
            assert manifest["files"][name]["pages"] == pages
            assert manifest["files"][name]["bytes"] == (site / name).stat().st_size
            assert re.search(rf"\b{pages}\b", facts) if pages > 1 else facts, f"{lang}: {name}: {facts!r}"
        links = re.findall(r'<a href="[^"]*?(downloads/[^"]+\.pdf)"[^>]*>(.*?)</a>', page)
        assert {name for name, _ in links} == set(manifest["files"])
        assert not [text for _, text in links if text.strip().upper() == "PDF"], "a link says only “PDF”"


def test_the_quick_reader_agrees_with_pypdf(site):
    """scripts/pdf_read.py reads Chromium's PDFs by their cross-reference table; pypdf reads any PDF."""
    path = site / pack_name("forms", "kk")
    quick, reader = Pdf(path.read_bytes()), PdfReader(path)
    assert len(quick.pages()) == len(reader.pages)
    assert quick.info["Title"] == reader.metadata.title and quick.info["Author"] == reader.metadata.author
    assert quick.language == reader.trailer["/Root"]["/Lang"]

    def walk(items):
        for item in items:
            yield from walk(item) if isinstance(item, list) else [(item.title, reader.get_destination_page_number(item) + 1)]

    assert [(title, page) for title, page, _ in quick.bookmarks()] == list(walk(reader.outline))
