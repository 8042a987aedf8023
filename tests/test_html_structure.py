"""The built pages are well nested: inline text stays inline, and numbered lists are numbered once.

Data texts are rendered as inline Markdown; a renderer that ran block rules on them
turned "1. Title" into a list inside a paragraph ("1. a. Title" on step 14). These checks
read every built page with an HTML parser.
"""

import re
from html.parser import HTMLParser

import pytest

from tests.sitetools import built_pages, close

# Elements whose content model is phrasing content: no block element may open inside them.
INLINE_ONLY = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "legend", "label", "dt", "span",
               "strong", "em", "figcaption", "th"}
BLOCKS = {"p", "div", "ol", "ul", "li", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
          "pre", "fieldset", "form", "dl", "section", "article", "figure", "details", "hr"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
NUMBERED = re.compile(r"^\s*\d+[.)]\s")


class Nesting(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []          # open elements: (tag, classes)
        self.problems = []
        self.ol_item_text = None  # text collected at the start of an <li> in an <ol>

    def handle_starttag(self, tag, attrs):
        if tag in ("svg", "script", "style", "template"):
            self.stack.append((tag, ""))
            return
        if any(open_tag in ("svg", "script", "style", "template") for open_tag, _ in self.stack):
            if tag not in VOID:
                self.stack.append((tag, ""))
            return
        inline_parent = next((t for t, _ in reversed(self.stack) if t in INLINE_ONLY), None)
        if tag in BLOCKS and inline_parent:
            self.problems.append(f"<{tag}> inside <{inline_parent}>")
        if tag == "li" and self.stack and self.stack[-1][0] == "ol":
            self.ol_item_text = ""
        if tag not in VOID:
            self.stack.append((tag, dict(attrs).get("class", "")))

    def handle_endtag(self, tag):
        close(self.stack, tag)

    def handle_data(self, data):
        if self.ol_item_text is not None:
            self.ol_item_text += data
            if len(self.ol_item_text.strip()) >= 4:
                if NUMBERED.match(self.ol_item_text):
                    self.problems.append(f"numbered twice: <ol><li>{self.ol_item_text.strip()[:40]}")
                self.ol_item_text = None


def test_no_block_inside_inline_and_no_double_numbering(site):
    found = []
    for path in built_pages(site):
        parser = Nesting()
        parser.feed(path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(site)}: {problem}" for problem in sorted(set(parser.problems))]
    assert not found, "badly nested HTML:\n" + "\n".join(found[:40])


@pytest.mark.parametrize("snippet, problem", [
    ("<p><ol><li>a</li></ol></p>", "<ol> inside <p>"),
    ('<p class="hb-script__part-title"><strong><div>x</div></strong></p>', "<div> inside <strong>"),
    ("<ol><li>1. Join the client</li></ol>", "numbered twice"),
])
def test_the_parser_finds_what_it_looks_for(snippet, problem):
    parser = Nesting()
    parser.feed(snippet)
    assert any(problem in found for found in parser.problems), parser.problems
