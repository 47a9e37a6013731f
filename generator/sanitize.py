"""HTML sanitising of rendered pages with nh3 (ammonia), a maintained sanitiser.

The check rejects raw HTML that could run code, but a skipped check must not publish it either: the MkDocs adapter
passes every page's HTML through `clean` before it is written.
"""
from __future__ import annotations

import nh3

TAGS = nh3.ALLOWED_TAGS | {"div", "span", "details", "summary", "input", "label", "mark"}
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "th": {"style", "colspan", "rowspan", "align"},
    "td": {"style", "colspan", "rowspan", "align"},
    "ol": {"start"},
}


def clean(html: str) -> str:
    return nh3.clean(html, tags=TAGS - {"input"}, attributes=ATTRIBUTES, link_rel=None,
                     url_schemes={"http", "https", "mailto"}, strip_comments=True)
