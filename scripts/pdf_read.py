"""Read what the PDF script and the tests need from the PDFs Chromium writes, quickly.

Chromium (Skia) writes a classic cross-reference table and no object streams, so an object is
found at the offset the table gives and read up to its `endobj`. A general library (pypdf) first
checks every object of the file: 0.2 s of processor time for a tagged chapter of 14 000 objects,
against a few milliseconds here. Read: the catalog (language, tagging, outline), the document
information (title, author), the page tree (count, sizes) and the bookmarks with their pages.
A file this cannot read (another producer) raises ValueError.
"""

import re

REFERENCE = rb"(\d+)\s+\d+\s+R"
STRING = rb"\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>"
ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def decode_string(token):
    """A PDF string token, literal (...) or hexadecimal <...>, as text."""
    if token.startswith(b"<"):
        raw = bytes.fromhex(token[1:-1].decode("ascii"))
    else:
        raw = re.sub(rb"\\([0-7]{1,3}|.)", lambda m: (bytes([int(m.group(1), 8) & 255]) if m.group(1)[:1].isdigit()
                                                       else ESCAPES.get(m.group(1), m.group(1))),
                     token[1:-1], flags=re.DOTALL)
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be")
    return raw.decode("latin-1")


class Pdf:
    def __init__(self, data):
        self.data = data
        self.offsets = {}
        self.trailer = b""
        found = re.search(rb"startxref\s+(\d+)\s*%%EOF\s*$", data[-1024:])
        if not found:
            raise ValueError("no startxref at the end of the file")
        position = int(found.group(1))
        while position is not None:
            position = self._read_section(position)
        self.catalog = self.dictionary(self.reference(self.trailer, b"Root"))

    def _read_section(self, position):
        """Read one cross-reference table (the newest first) and its trailer; return /Prev or None."""
        head = re.compile(rb"xref\s*").match(self.data, position)
        if not head:
            raise ValueError("not a classic cross-reference table")
        position = head.end()
        subsection = re.compile(rb"(\d+)\s+(\d+)\s*?[\r\n]+")
        while match := subsection.match(self.data, position):
            first, count = int(match.group(1)), int(match.group(2))
            position = match.end()
            for index in range(count):
                entry = self.data[position: position + 20]
                if entry[17:18] == b"n":
                    self.offsets.setdefault(first + index, int(entry[:10]))
                position += 20
        trailer = re.compile(rb"\s*trailer\s*(<<.*?>>)\s*startxref", re.DOTALL).match(self.data, position)
        if not trailer:
            raise ValueError("no trailer after the cross-reference table")
        self.trailer = self.trailer or trailer.group(1)
        previous = re.search(rb"/Prev\s+(\d+)", trailer.group(1))
        return int(previous.group(1)) if previous else None

    def dictionary(self, number):
        """The text of an object (a dictionary: enough for everything read here)."""
        if number is None or number not in self.offsets:
            return b""
        start = self.offsets[number]
        header = re.compile(rb"\s*%d\s+\d+\s+obj\s*" % number).match(self.data, start)
        if not header:
            raise ValueError(f"object {number} is not where the table says")
        end = self.data.find(b"endobj", header.end())
        stream = re.compile(rb">>\s*stream[\r\n]").search(self.data, header.end(), end)
        return self.data[header.end(): stream.start() + 2 if stream else end]

    @staticmethod
    def reference(dictionary, key):
        found = re.search(rb"/" + key + rb"\s+" + REFERENCE, dictionary)
        return int(found.group(1)) if found else None

    @staticmethod
    def string(dictionary, key):
        found = re.search(rb"/" + key + rb"\s*(" + STRING + rb")", dictionary, re.DOTALL)
        return decode_string(found.group(1)) if found else None

    @property
    def info(self):
        info = self.dictionary(self.reference(self.trailer, b"Info"))
        return {key: self.string(info, key.encode()) for key in ("Title", "Author", "Creator", "Producer")}

    @property
    def language(self):
        return self.string(self.catalog, b"Lang")

    @property
    def tagged(self):
        return (re.search(rb"/MarkInfo\s*<<[^>]*/Marked\s+true", self.catalog) is not None
                and self.reference(self.catalog, b"StructTreeRoot") is not None)

    def pages(self):
        """The page objects in order, each as (object number, width, height)."""
        found = []

        def walk(number, inherited):
            node = self.dictionary(number)
            box = re.search(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]", node)
            box = tuple(float(value) for value in box.groups()) if box else inherited
            kids = re.search(rb"/Kids\s*\[(.*?)\]", node, re.DOTALL)
            if kids:
                for kid in re.findall(REFERENCE, kids.group(1)):
                    walk(int(kid), box)
            else:
                found.append((number, box[2] - box[0], box[3] - box[1]))

        walk(self.reference(self.catalog, b"Pages"), (0, 0, 0, 0))
        return found

    def bookmarks(self):
        """Every bookmark in order: (title, page number from 1, distance of its target from the page's top)."""
        pages = {number: (index + 1, height) for index, (number, _, height) in enumerate(self.pages())}
        found = []

        def walk(number, depth):
            while number is not None and depth < 50:
                item = self.dictionary(number)
                target = re.search(rb"/Dest\s*\[\s*" + REFERENCE + rb"\s*/XYZ\s+([-\d.]+|null)\s+([-\d.]+|null)", item)
                if target and int(target.group(1)) in pages:
                    page, height = pages[int(target.group(1))]
                    top = float(target.group(3)) if target.group(3) != b"null" else height
                    found.append((self.string(item, b"Title") or "", page, height - top))
                walk(self.reference(item, b"First"), depth + 1)
                number = self.reference(item, b"Next")

        outlines = self.dictionary(self.reference(self.catalog, b"Outlines"))
        walk(self.reference(outlines, b"First"), 0)
        return found
