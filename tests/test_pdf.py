"""The chapter PDFs: A4, text that can be read back (Kazakh letters too), fonts embedded."""

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
