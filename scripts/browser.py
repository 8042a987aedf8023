"""The one browser the handbook prints and tests with: Debian's Chromium, driven by Playwright.

Its path, its flags and the versions it is known to work with are kept here, for
scripts/chapter_pdfs.py and for the tests (tests/conftest.py). Playwright's own downloaded
browsers are never used.
"""

import os
import re
import subprocess
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
# Major versions of Debian's chromium package the tests and the PDFs have passed with (README.md).
# A new major version: run `make test`; if it passes, add the number here.
KNOWN_MAJOR_VERSIONS = {156}
# Set to 1 to try another major version anyway.
ANY_VERSION = "HANDBOOK_ANY_CHROMIUM"


class BrowserError(RuntimeError):
    """Chromium is missing or of a version the handbook has not been checked with."""


def chromium_version(path=CHROMIUM):
    """(major, full version string) of the installed Chromium."""
    if not Path(path).exists():
        raise BrowserError(f"{path} is missing: install Debian's chromium (`make test` does it)")
    # Debian's wrapper script may complain on stderr; the version is on stdout.
    out = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=60, check=False).stdout
    match = re.search(r"Chromium (\d+)\.[\d.]+", out)
    if not match:
        raise BrowserError(f"{path} --version printed no Chromium version: {out.strip()!r}")
    return int(match.group(1)), match.group(0)


def check_chromium(path=CHROMIUM):
    """Raise BrowserError with a clear message unless Chromium is there in a known major version."""
    major, version = chromium_version(path)
    if major not in KNOWN_MAJOR_VERSIONS and os.environ.get(ANY_VERSION) != "1":
        known = ", ".join(str(number) for number in sorted(KNOWN_MAJOR_VERSIONS))
        raise BrowserError(
            f"{path} is {version}; the handbook's PDFs and browser tests are known to work with Chromium "
            f"{known} only. Run the tests with {ANY_VERSION}=1 to try this one; if everything passes, "
            f"add {major} to KNOWN_MAJOR_VERSIONS in scripts/browser.py and to README.md."
        )
    return version


def launch(playwright):
    """Start Debian's Chromium (headless) with the handbook's flags; return Playwright's Browser."""
    check_chromium()
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
