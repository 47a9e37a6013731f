"""The defence behind the check: what a page built from hostile content may still contain.

The check (generator/content/markup.py) refuses content text outside the declared Markdown surface. If it is skipped (a
`generator build` of unchecked content, then MkDocs), the page still must not run code, load anything from outside
the site, take over the page, or take an id the theme looks up (Material reads its settings from the first
`#__config` in the page: content that took that id set the search worker's URL). So:

- heading ids are made by `slugify`, which never yields a reserved id (one starting with "_", Material's prefix);
- the HTML of every page whose Markdown `may_be_active`, or whose HTML holds a link nh3 would change, goes through
  nh3 (ammonia, a maintained sanitiser), which parses and re-serialises it (so markup is balanced), keeps only known
  tags and attributes, drops every `style`, `name`, event handler and script URL, keeps only the generator's own
  classes, drops reserved ids, keeps an image only when its address is inside the site and a link only when it
  points inside the site or to a web or e-mail address (not `file:`, `ms-msdt:`, `//host` or `/\\host`);
- every page has one h1, its title (`one_title`).
"""
from __future__ import annotations

import re

import nh3
from markdown.extensions.toc import slugify as markdown_slugify

# What Markdown needs in order to produce HTML beyond plain elements: raw HTML or an autolink ("<"), an entity that
# can spell a scheme or a tag ("&#106;", "&colon;"; not "&amp;", which the renderer writes for every "&" of a title
# or a name, and which spells only itself), a script or data URL scheme (also split by white space, which
# browsers drop), an attribute list ("{"), an image ("!["), or an admonition ("!!!", whose type words become
# classes). Markdown with none of these renders to plain elements only; every other page goes through nh3.
# Sanitising all 3,500 pages of a 2,000-proposal site cost 4 s and 300 MB, a tenth of the whole build.
# Every alternative is linear: the admonition's indentation is white space without a line break ("^\s*!!!" read
# every following blank line again from each line start: 201 s for 500 KB of blank lines).
ACTIVE = re.compile(r"<|&(?!amp;)[#a-z0-9]+;|s\s*c\s*r\s*i\s*p\s*t|d\s*a\s*t\s*a\s*:|\{|!\[|^[^\S\n]*+!!!",
                    re.IGNORECASE | re.MULTILINE)

# The classes of the generator's templates and of the Markdown extensions it uses; content may not set any other
# (a class such as `md-dialog md-dialog--active` would pin content over the page; `mermaid` loads a script).
CLASSES = {"admonition", "warning", "admonition-title", "headerlink", "md-button", "no-print", "print-only",
           "dossier-meta", "dossier-proposal", "matrix",
           # the dossier as a report, the index filters and the matrix table (generator/pages/matrix.py)
           "dossier-address", "dossier-built", "dossier-edition", "dossier-kicker", "dossier-part", "dossier-title",
           "dossier-toc", "dossier-toc-heading", "filter-controls", "filter-ideeen", "filter-table",
           "filter-voorstellen", "filter-workshops", "matrix-corner", "matrix-count", "matrix-end", "matrix-list",
           "matrix-scroll", "matrix-table", "matrix-tip", "matrix-totals", "j", "dossier-idea", "online-only",
           # the dossier of an edition's workshops (workshops_dossier.md.j2)
           "dossier-workshop"}

# The generator's own markup is inert, and it wraps the largest pages (the matrices, the dossiers), which would
# otherwise all go through nh3. It is taken out before the test; content text inside and around it is still tested.
# Each matrix `<div>` is taken out with the one `</div>` line that closes it, so a stray `</div>` in content remains.
TEMPLATE_BLOCK = re.compile(r'^<div class="matrix" markdown>$(.*?)^</div>$', re.MULTILINE | re.DOTALL)
TEMPLATE_MARKUP = re.compile(
    r'^!!! warning "Afwijking in de bron"$|\{:?(?: \.(?:' + "|".join(map(re.escape, sorted(CLASSES)))
    + r')| #[a-z0-9][a-z0-9-]*| data-search-exclude)+ \}',
    re.MULTILINE)


TEMPLATE_BLOCK_END = re.compile(r"^</div>$", re.MULTILINE)


def may_be_active(markdown: str) -> bool:
    return ACTIVE.search(TEMPLATE_MARKUP.sub("", _without_template_blocks(markdown))) is not None


def _without_template_blocks(markdown: str) -> str:
    """The matrix blocks' content without their `<div>` lines. Looked for only up to the last closing line: after
    it, the lazy pattern would look for one from every opening line to the end of the page (quadratic)."""
    last = None
    for last in TEMPLATE_BLOCK_END.finditer(markdown):
        pass
    if last is None:
        return markdown
    return TEMPLATE_BLOCK.sub(r"\1", markdown[:last.end()]) + markdown[last.end():]


def is_reserved_id(value: str) -> bool:
    """Ids starting with "_" are the theme's (`__config`, `__search`, `__drawer`, `__nav_1`, …)."""
    return value.startswith("_")


def slugify(value: str, separator: str) -> str:
    """Python-Markdown's heading ids, except that a heading can never take a reserved id (mkdocs.yml uses this)."""
    slug = markdown_slugify(value, separator)
    return f"kop{separator}{slug.lstrip('_')}" if is_reserved_id(slug) else slug


TAGS = nh3.ALLOWED_TAGS - {"area", "map"} | {"div", "span", "details", "summary", "mark"}
ATTRIBUTES = {
    "*": {"id", "title", "lang", "dir", "data-search-exclude"},  # the last: Material leaves the element out of search
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "td": {"colspan", "rowspan", "align"},
    "ol": {"start"},
}
# An address with a scheme ("https:", also written with upper case or leading control characters) or one that
# starts with two slashes, in either direction ("//host", "/\host": browsers read both as another host).
OUTSIDE = re.compile(r"^[\x00-\x20]*(?:[a-z][a-z0-9+.\-\t\n\r]*:|[/\\][\t\n\r]*[/\\])", re.IGNORECASE)


# The second half of OUTSIDE: a link there leaves the site, though it looks like one of its pages.
OTHER_HOST = re.compile(r"^[\x00-\x20]*[/\\][\t\n\r]*[/\\]")
# A link that nh3 would change, in the HTML of any page: an address with a scheme other than http(s) or mailto
# (a ':' before the first '/', '?' or '#'), with an entity there (a scheme spelled in entities), or starting with two
# slashes. Python-Markdown writes every attribute between double quotes. One search over the page's HTML: 9 ms for
# the 3,920 links of the real content's 218 pages (0.9 MB), about 2 µs a link.
UNSAFE_LINK = re.compile(r'href="[\x00-\x20]*(?!(?:https?|mailto):)(?:[^"/?#]*[:&]|[/\\][\t\n\r]*[/\\])',
                         re.IGNORECASE)
H1_TAG = re.compile(r"<(/?)h1(?=[\s>/])")


def _attribute(element: str, attribute: str, value: str) -> str | None:
    if attribute == "id" and is_reserved_id(value):
        return None
    if attribute == "src" and OUTSIDE.match(value):
        return None
    if attribute == "href" and OTHER_HOST.match(value):
        return None
    return value


def clean(html: str) -> str:
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, attribute_filter=_attribute, link_rel=None,
                     url_schemes={"http", "https", "mailto"}, strip_comments=True,
                     allowed_classes={tag: CLASSES for tag in TAGS})


def one_title(html: str) -> str:
    """The page's HTML with every h1 after the first made an h2. Every template starts its page with the title, an
    h1, before any text of the content; another h1 is the content's (a setext heading, a heading in a list or a
    quote, raw `<h1>` when the check was skipped), and would be a second title of the page and a top-level entry of
    the PDF's outline. Tags are found as text: in Python-Markdown's and nh3's HTML a '<' that is not a tag is
    always written `&lt;`."""
    first = html.find("<h1")
    end = html.find("</h1>", first) if first >= 0 else -1
    if end < 0 or html.find("<h1", end) < 0:
        return html
    end += len("</h1>")
    return html[:end] + H1_TAG.sub(r"<\1h2", html[end:])


def page_html(html: str, markdown_active: bool) -> str:
    """A page's HTML as the site publishes it: through nh3 when its Markdown `may_be_active` or a link on it is one
    that nh3 would change (so the link rules hold on every page), and with one title."""
    if markdown_active or UNSAFE_LINK.search(html):
        html = clean(html)
    return one_title(html)
