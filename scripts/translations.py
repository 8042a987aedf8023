"""Translations that are behind their Russian source (macros/translations.py, translations.lock).

    python -m scripts.translations drift              list every page and data text that is behind
    python -m scripts.translations mark WHAT… [--lang kk]
                                                      record the Russian of now as their source

WHAT: `all`; a page (`docs/kk/manual/01-founding-team.md` marks that language, `docs/ru/…` or
`manual/01-founding-team.md` every language); a data file (`data/manual/step-01.yml`); a data entry
(`checklists/step-01-team`). `make drift` and `make mark-translated PAGE=…` run these.
"""

import argparse
import sys
from pathlib import Path

from macros.catalogue import DataError, load_catalogue
from macros.translations import LOCK, behind, mark

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None, project=ROOT):
    parser = argparse.ArgumentParser(prog="python -m scripts.translations", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("drift", help="list what is behind")
    marking = commands.add_parser("mark", help="mark translations as up to date")
    marking.add_argument("what", nargs="+")
    marking.add_argument("--lang", action="append", help="only this language (may be repeated)")
    args = parser.parse_args(argv)
    try:
        catalogue = load_catalogue(Path(project) / "data")
    except DataError as error:
        print(f"data error: {error}", file=sys.stderr)
        return 2
    if args.command == "drift":
        found = behind(project, catalogue)
        for entry in found:
            print(entry.line())
        pages = sum(1 for entry in found if not entry.item.entry)
        print(f"{pages} pages and {len(found) - pages} data texts are behind their Russian source"
              if found else "every translation is up to date with its Russian source", file=sys.stderr)
        return 0
    try:
        count = mark(project, catalogue, args.what, args.lang)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    print(f"{LOCK}: {count} translations marked as made from the Russian of now", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
