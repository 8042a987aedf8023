"""The chapter PDFs: which parts are printed, and where their files are.

scripts/chapter_pdfs.py writes them after the build; the downloads() macro links them.
"""

PARTS = ("manual", "standard", "programme", "recommendations", "context", "toolkit")


def pdf_name(part, lang):
    return f"downloads/{part}-{lang}.pdf"
