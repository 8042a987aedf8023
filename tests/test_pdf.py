"""The chapter PDFs: A4, text that can be read back (Kazakh letters too), fonts embedded."""

import re
import subprocess

import pytest

from macros.downloads import PARTS, pdf_name
from tests.sitetools import LANGUAGES


def run(*command):
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_part_has_a_pdf_in_a4(site, lang):
    for part in PARTS:
        pdf = site / pdf_name(part, lang)
        assert pdf.is_file(), pdf_name(part, lang)
        info = run("pdfinfo", str(pdf))
        assert "(A4)" in info, f"{pdf.name} is not A4:\n{info}"


def test_kazakh_letters_survive_in_print(site):
    text = run("pdftotext", str(site / pdf_name("manual", "kk")), "-")
    for letter in "әғқңөұүі":
        assert letter in text, f"'{letter}' is missing from the Kazakh manual PDF"


def test_fonts_are_embedded(site):
    fonts = run("pdffonts", str(site / pdf_name("manual", "kk"))).splitlines()[2:]
    assert fonts
    not_embedded = [line for line in fonts if line.split()[-5] != "yes"]
    assert not not_embedded, "\n".join(not_embedded)


def test_printed_checklists_have_no_buttons(site):
    text = run("pdftotext", str(site / pdf_name("manual", "ru")), "-")
    assert "Запомнить отметки" not in text
    assert "Снять все отметки" not in text


def test_pages_are_numbered_through_the_chapter(site):
    pdf = str(site / pdf_name("standard", "kk"))
    pages = int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", pdf)).group(1))
    assert pages > 10
    last = run("pdftotext", "-f", str(pages), "-l", str(pages), pdf, "-")
    assert f"{pages} / {pages}" in last, "the last page's footer does not count the whole chapter"


@pytest.mark.parametrize("part", PARTS)
def test_links_lead_inside_the_pdf_not_to_the_local_server(site, part):
    for lang in LANGUAGES:
        data = (site / pdf_name(part, lang)).read_bytes()
        assert b"127.0.0.1" not in data, f"{pdf_name(part, lang)} links to the server that printed it"


def test_links_between_pages_of_a_chapter_stay_links(site):
    assert b"/Dest" in (site / pdf_name("manual", "ru")).read_bytes(), "links between steps were dropped"
