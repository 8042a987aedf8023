"""A cache of printed PDFs, by the hash of everything that decides them.

The key of a PDF is the SHA-256 of its print document (scripts/print_documents.py), the
stylesheets it loads, the code that makes and prints it (CODE), the Chromium version and the
print options. An entry is <key>.pdf with <key>.json beside it (its page count). Entries are
written whole (a temporary file, then a rename), so that builds running at the same time never
read half a file. The entries used longest ago are deleted when the cache grows past a few full
sets (Cache.prune). numbers/ keeps, for each PDF with a contents page, the page numbers it had
the last time it was printed (Cache.numbers).
"""

import hashlib
import json
import os
import tempfile
import time
from functools import cache
from pathlib import Path

from scripts.browser import BrowserError, chromium_version

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT / ".cache" / "pdfs"
RECENT = 3600  # seconds: an entry used this recently is never deleted
# the code that decides what is printed and how
CODE = [ROOT / "scripts" / "chapter_pdfs.py", ROOT / "scripts" / "print_documents.py", ROOT / "macros" / "downloads.py"]


@cache
def browser_version(executable):
    """What `chromium --version` prints (part of every cache key), or "missing"."""
    try:
        return chromium_version(executable)[1]
    except BrowserError:
        return "missing"


@cache
def file_digest(path, stamp):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def digest(path):
    """The hash of a file, read once per process for each version of it."""
    stat = Path(path).stat()
    return file_digest(str(path), (stat.st_mtime_ns, stat.st_size))


def key(job, files, executable, options):
    """The cache key of a print job: its document, the files it loads, the code, the browser, the options."""
    hasher = hashlib.sha256()
    for part in [browser_version(executable), json.dumps(options, sort_keys=True), job.name, job.author,
                 job.footer, "\n".join(job.marks), job.document]:
        hasher.update(part.encode("utf-8") + b"\0")
    for path in [*CODE, *files]:
        hasher.update(f"{Path(path).name}:{digest(path)}\0".encode())
    return hasher.hexdigest()


class Cache:
    def __init__(self, directory=None):
        setting = os.environ.get("PDF_CACHE")
        if directory is None and setting:
            directory = None if setting == "off" else Path(setting)
        elif directory is None:
            directory = DEFAULT_DIR
        self.dir = Path(directory) if directory else None
        if self.dir:
            self.dir.mkdir(parents=True, exist_ok=True)
            ignore = self.dir.parent / ".gitignore" if self.dir.parent.name == ".cache" else self.dir / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# the PDF cache of scripts/chapter_pdfs.py: nothing here belongs in git\n*\n")

    def get(self, cache_key):
        """(PDF bytes, facts) or None."""
        if not self.dir:
            return None
        pdf, facts = self.dir / f"{cache_key}.pdf", self.dir / f"{cache_key}.json"
        try:
            data, meta = pdf.read_bytes(), json.loads(facts.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        now = time.time()
        for path in (pdf, facts):
            try:
                os.utime(path, (now, now))
            except OSError:
                pass
        return data, meta

    def put(self, cache_key, data, meta):
        if not self.dir:
            return
        for suffix, content in ((".pdf", data), (".json", json.dumps(meta).encode("utf-8"))):
            self._write(self.dir / f"{cache_key}{suffix}", content)

    def numbers(self, name, marks):
        """The page numbers the contents of a PDF had when it was last printed, if its headings are
        the same: a guess that spares the first printing when an edit moved no heading."""
        if not self.dir:
            return None
        try:
            kept = json.loads(self._numbers_file(name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return kept["numbers"] if kept.get("marks") == marks else None

    def keep_numbers(self, name, marks, numbers):
        if self.dir:
            self._write(self._numbers_file(name), json.dumps({"marks": marks, "numbers": numbers}).encode("utf-8"))

    def _numbers_file(self, name):
        return self.dir / "numbers" / (name.replace("/", "--") + ".json")

    def _write(self, target, content):
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        os.replace(temporary, target)

    def prune(self, keep_bytes):
        """Delete the entries used longest ago until the cache holds about keep_bytes (the caller
        gives a few times the size of one full set of PDFs); an entry used in the last RECENT seconds
        stays whatever the size (another build may be using it)."""
        if not self.dir:
            return
        now, kept = time.time(), 0
        entries = []
        for path in [*self.dir.iterdir(), *self.dir.glob("numbers/*")]:
            try:
                if path.is_file() and path.name != ".gitignore":
                    stat = path.stat()
                    entries.append((stat.st_mtime, stat.st_size, path))
            except OSError:
                pass
        for mtime, size, path in sorted(entries, reverse=True):
            kept += size
            if now - mtime > RECENT and (kept > keep_bytes or path.suffix == ".part"):
                try:
                    path.unlink()
                except OSError:
                    pass
