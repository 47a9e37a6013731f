"""HTML sanitising of rendered pages with nh3 (ammonia), a maintained sanitiser.

The check rejects raw HTML that could run code, but a skipped check must not publish it either: the MkDocs adapter
passes the HTML of every page whose Markdown `may_be_active` through `clean` before it is written.
"""
from __future__ import annotations

import re

import nh3

# What Markdown needs in order to produce HTML that can run code: raw HTML or an autolink ("<"), an entity that can
# spell a scheme or a tag ("&#106;", "&colon;"), a script or data URL scheme (also split by white space, which
# browsers drop), or an attribute list with an event handler ("{ onclick=… }"). Markdown with none of these renders
# to plain elements only; every other page goes through nh3. Sanitising all 3,500 pages of a 2,000-proposal site
# cost 4 s and 300 MB, a tenth of the whole build.
ACTIVE = re.compile(r"<|&[#a-z0-9]+;|s\s*c\s*r\s*i\s*p\s*t|d\s*a\s*t\s*a\s*:|\bon[a-z]+\s*=", re.IGNORECASE)


# The generator's own templates write this markup; it is inert, and it wraps the largest pages (the matrices),
# which would otherwise all go through nh3. Content text around it is still searched.
TEMPLATE_MARKUP = re.compile(r'<div class="matrix" markdown>|</div>')


def may_be_active(markdown: str) -> bool:
    return ACTIVE.search(TEMPLATE_MARKUP.sub("", markdown)) is not None

TAGS = nh3.ALLOWED_TAGS | {"div", "span", "details", "summary", "input", "label", "mark"}
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "th": {"style", "colspan", "rowspan", "align", "scope"},
    "td": {"style", "colspan", "rowspan", "align"},
    "ol": {"start"},
}


def clean(html: str) -> str:
    return nh3.clean(html, tags=TAGS - {"input"}, attributes=ATTRIBUTES, link_rel=None,
                     url_schemes={"http", "https", "mailto"}, strip_comments=True)
