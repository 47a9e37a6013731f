"""Accessible tables, for every table on every page (WCAG 1.3.1 and 1.4.10), in one place.

Markdown tables come out as bare `<table>`s: header cells without a scope, no name, and at 320 px a wide table
pushes the whole page sideways. This post-processes a page's HTML once, after Markdown, so that every table (of
any template, now or later) gets:

- `scope="col"` on the header cells of its head, `scope="row"` on header cells in its body;
- a caption (visually hidden: the heading above the table already shows it) from the nearest heading before it,
  or from the page title when no heading precedes it;
- a wrapper that scrolls the table sideways by itself: `role="region"`, focusable (`tabindex="0"`, so keyboard
  users can scroll it) and labelled with the caption.

Tables that already have a caption keep it, and header cells that already have a scope keep theirs; a table that
its template put in a scroll box of its own (a `<div class="…-scroll">`) gets that box as its region. The HTML is
Python-Markdown's output, so a few regular expressions suffice; a page without a table is returned untouched.
"""
from __future__ import annotations

import html
import re

from ..content.markup import unescape

HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1>", re.S)
# A table, with the scroll box a template may have put it in itself (`<div class="matrix-scroll">`): that box
# becomes the region, so the table does not scroll inside a second box (which would break its sticky headers).
TABLE = re.compile(r'(?P<box><div class="[\w-]+-scroll">)?(?P<table><table\b[^>]*>.*?</table>)', re.S)
HEADERLINK = re.compile(r'<a class="headerlink".*?</a>', re.S)
TAG = re.compile(r"<[^>]+>")
SECTION = re.compile(r"(<(thead|tbody)\b[^>]*>)(.*?)(</\2>)", re.S)
HEADER_CELL = re.compile(r"<th\b(?![^>]*\bscope=)")
CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption>", re.S)
OPEN_TABLE = re.compile(r"<table\b[^>]*>")

REGION_CLASS = "table-region"
CAPTION_CLASS = "visually-hidden"


def heading_text(inner_html: str) -> str:
    """The plain text of a heading's inner HTML, without its permalink."""
    return " ".join(unescape(TAG.sub("", HEADERLINK.sub("", inner_html))).split())


def accessible_tables(page_html: str, page_title: str = "") -> str:
    """Return `page_html` with every table given header scopes, a caption and a labelled scrolling region."""
    if "<table" not in page_html:
        return page_html
    headings = [(m.start(), heading_text(m[2])) for m in HEADING.finditer(page_html)]

    def name_before(position: int) -> str:
        before = [text for start, text in headings if start < position and text]
        return before[-1] if before else page_title or "Tabel"

    def fix(match: re.Match) -> str:
        table = SECTION.sub(_scope_cells, match["table"])
        caption = CAPTION.search(table)
        if caption:
            name = heading_text(caption[1])
        else:
            name = name_before(match.start())
            opening = OPEN_TABLE.match(table)
            table = (f'{opening[0]}<caption class="{CAPTION_CLASS}">{html.escape(name, quote=False)}</caption>'
                     f"{table[opening.end():]}")
        label = html.escape(name, quote=True)
        if match["box"]:
            return f'{match["box"][:-1]} role="region" tabindex="0" aria-label="{label}">{table}'
        return f'<div class="{REGION_CLASS}" role="region" tabindex="0" aria-label="{label}">{table}</div>'

    return TABLE.sub(fix, page_html)


def _scope_cells(section: re.Match) -> str:
    scope = "col" if section[2] == "thead" else "row"
    return section[1] + HEADER_CELL.sub(f'<th scope="{scope}"', section[3]) + section[4]
