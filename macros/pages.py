"""Check that every page exists in every language before anything is built."""

from pathlib import Path

from .catalogue import LANGUAGES, DataError


def check_translations(docs_dir):
    """Raise DataError naming the first page that one language lacks."""
    docs_dir = Path(docs_dir)
    pages = {
        lang: {p.relative_to(docs_dir / lang).as_posix() for p in (docs_dir / lang).rglob("*.md")}
        for lang in LANGUAGES
    }
    every = set().union(*pages.values())
    for page in sorted(every):
        for lang in LANGUAGES:
            if page not in pages[lang]:
                have = next(other for other in LANGUAGES if page in pages[other])
                raise DataError(f"docs/{lang}/{page}: missing translation into '{lang}' "
                                f"of docs/{have}/{page}")
