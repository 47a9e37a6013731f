"""The declared Markdown surface of content text, and the check that finds everything outside it.

Content arrives through pull requests from anyone, so its text is untrusted. Editors need paragraphs, lists,
emphasis, links and headings; admonitions and attribute lists are the generator's own, written by its templates.
Everything else is refused, at the exact line of the file where it starts (a construct may run over several lines):

- raw HTML of any kind, also harmless-looking tags: the cards hold none and Markdown covers what they need
  [raw-html]; when it could run code (a script-like element, an event-handler attribute) [unsafe-html];
- a script or data URL however it is written: HTML entities (`java&#115;cript:`), percent-encoding, any case, tabs,
  newlines and control characters inside it (browsers drop them) [unsafe-html];
- an attribute list (`{: #id }`, `{.class}`, `{ onclick=… }`): it sets ids, classes and styles [attribute-list];
- an admonition (`!!! note`) [admonition]; an image, which every reader's browser would fetch [image].

The patterns of Markdown syntax are Python-Markdown's own (the library MkDocs renders with), and raw HTML is found
by Python's HTML parser over the whole text, so a tag split over lines is one tag. The check reads thousands of
texts: a text is only parsed when a few substring searches find something such a construct needs.
"""
from __future__ import annotations

import bisect
import html
import re
from html.parser import HTMLParser

from markdown.extensions.attr_list import AttrListTreeprocessor
from markdown.inlinepatterns import IMAGE_LINK_RE

from .model import Location, Problem

# What any refused construct needs, looked for in the text without its control characters (a tab or newline may
# split a scheme) and in lower case: plain prose, nearly all of it, costs a few substring searches.
MARKERS = ("<", "&", "%", "{", "![", "!!!", "script", "data:")
WITHOUT_CONTROLS = dict.fromkeys(range(32))

ATTRIBUTE_LIST = re.compile(AttrListTreeprocessor.BASE_RE)
IMAGE = re.compile(IMAGE_LINK_RE)
ADMONITION = re.compile(r"^[ \t]*!!!", re.MULTILINE)

# A script or data URL, matched on the text as a browser reads a URL: entities and percent escapes decoded,
# control characters (tab, newline) removed, any case. Prose such as "data: 5" (a space) is not a URL.
SCRIPT_URL = re.compile(r"(?:java|vb|live)script:|data:(?:[a-z0-9.+-]+/|[;,])", re.IGNORECASE)
ENTITY_OR_ESCAPE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?|%[0-9a-fA-F]{2}")
ENCODED = re.compile(ENTITY_OR_ESCAPE.pattern + r"|[\x00-\x1f]")
CONTROL = re.compile(r"[\x00-\x1f]")
MARKED_SECTION = re.compile(r"<!\[")

# Elements that can run code or act on the reader's behalf; any other tag is refused as plain raw HTML.
CODE_ELEMENTS = {
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "form", "input", "button",
    "textarea", "select", "link", "meta", "base", "svg", "math", "template", "noscript", "portal",
}

NOTABLE = ("style", "id", "name", "class", "src", "srcset", "poster", "href")

CODE = "it could run code in a reader's browser; remove it and write plain text or Markdown"
SURFACE = "paragraphs, lists, *emphasis*, [links](https://…) and ## headings"


def problems(path: str, texts) -> list[Problem]:
    """Every construct outside the declared surface in `texts`, pairs of (file line of the text's first line,
    text), as problems of the file `path`: at most one per line and code, sorted."""
    found: dict[tuple[int, str], str] = {}
    for first_line, text in texts:
        folded = text.translate(WITHOUT_CONTROLS).lower()
        if not any(marker in folded for marker in MARKERS):
            continue
        for line, code, message in _scan(text, folded):
            found.setdefault((first_line + line, code), message)
    return sorted(Problem(Location(path, line), message, code) for (line, code), message in found.items())


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _scan(text: str, folded: str):
    """(line offset, code, message) of every refused construct in one text, in no particular order."""
    def line_of(offset: int) -> int:
        return text.count("\n", 0, offset)

    if "<" in text:
        yield from _html(text)
    if "script" in folded or "data:" in folded or "&" in text or "%" in text:
        yield from _urls(text, line_of)
    for match in ATTRIBUTE_LIST.finditer(text) if "{" in text else ():
        yield (line_of(match.start()), "attribute-list",
               f"'{_short(match[0])}' is an attribute list, which sets ids, classes and styles: only the generator's "
               "templates may; remove it (write ( ) instead of { } for text in brackets)")
    for match in IMAGE.finditer(text) if "![" in text else ():
        yield (line_of(match.start()), "image",
               "an image is not allowed in content text: every reader's browser would fetch it, from wherever it "
               "points; remove it, or link to it as [text](https://…)")
    for match in ADMONITION.finditer(text) if "!!!" in text else ():
        yield (line_of(match.start()), "admonition",
               "'!!!' starts an admonition (a coloured box): only the generator's templates write those; "
               "remove the '!!!' and write a plain paragraph")


class _Tags(HTMLParser):
    """Collects every tag, comment and declaration with the line it starts on."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((self.getpos()[0], tag, attrs))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        self.found.append((self.getpos()[0], "/" + tag, []))

    def handle_comment(self, data):
        self.found.append((self.getpos()[0], "!--", []))

    def handle_decl(self, decl):
        self.found.append((self.getpos()[0], "!", []))

    unknown_decl = handle_decl

    def handle_pi(self, data):
        self.found.append((self.getpos()[0], "?", []))


def _html(text: str):
    parser = _Tags()
    # "<![" (a marked section) makes the parser raise; it is raw HTML, reported as such, and then parsed as text.
    for match in MARKED_SECTION.finditer(text):
        parser.found.append((text.count("\n", 0, match.start()) + 1, "![", []))
    parser.feed(MARKED_SECTION.sub(" ![", text))
    parser.close()
    # On a line with several tags, the one that sets a style, id, class or address is the one to name.
    for line, tag, attrs in sorted(parser.found, key=lambda found: (found[0], not _notable(found[2]))):
        if ":" in tag or "@" in tag:
            continue  # an autolink, <https://…> or <naam@example.org>: a link; its scheme is checked as a URL
        handlers = [name for name, _ in attrs if name.startswith("on")]
        if handlers:
            yield line - 1, "unsafe-html", f"an event-handler attribute ({handlers[0]}=) is not allowed: {CODE}"
        elif tag.lstrip("/") in CODE_ELEMENTS:
            yield line - 1, "unsafe-html", f"raw HTML element <{tag.lstrip('/')}> is not allowed: {CODE}"
        else:
            shown = {"!--": "<!-- … -->", "!": "<!…>", "?": "<?…>", "![": "<![…]>"}.get(tag, f"<{tag}{_notable(attrs)}>")
            yield (line - 1, "raw-html", f"raw HTML {shown} is not allowed: content text is Markdown only "
                   f"({SURFACE}); remove the tag")


def _notable(attrs) -> str:
    """The attributes that make a tag worse than markup: ' style=… id=…', else ''."""
    return "".join(f" {name}=…" for name, _ in attrs if name in NOTABLE)


def _decode(encoded: str) -> str:
    """An entity, a percent escape or a control character as a browser reads it in a URL."""
    if encoded[0] == "&":
        return CONTROL.sub("", html.unescape(encoded))
    return CONTROL.sub("", chr(int(encoded[1:], 16))) if encoded[0] == "%" else ""


def _urls(text: str, line_of):
    """Script and data URLs, found on the text decoded as a browser decodes a URL, reported where they start."""
    quick = ENTITY_OR_ESCAPE.sub(lambda match: _decode(match[0]), text).translate(WITHOUT_CONTROLS).lower()
    if ("script:" not in quick and "data:" not in quick) or not SCRIPT_URL.search(quick):
        return  # nearly always: then the decoding below, which keeps where each character came from, is not needed
    decoded, pieces, origins = [], [], []  # decoded text; start of each piece in it; (start, end) in `text`
    length, position = 0, 0
    for match in ENCODED.finditer(text):
        for piece, origin in ((text[position:match.start()], (position, None)),
                              (_decode(match[0]), (match.start(), match.end()))):
            if piece:
                decoded.append(piece)
                pieces.append(length)
                origins.append(origin)
                length += len(piece)
        position = match.end()
    if position < len(text):
        decoded.append(text[position:])
        pieces.append(length)
        origins.append((position, None))

    def original(index: int, end: bool = False) -> int:
        piece = bisect.bisect_right(pieces, index) - 1
        start, encoded_end = origins[piece]
        if encoded_end is None:  # plain text: one character for one
            return start + index - pieces[piece] + (1 if end else 0)
        return encoded_end if end else start

    for match in SCRIPT_URL.finditer("".join(decoded)):
        scheme = match[0].split(":")[0].lower()
        start, end = original(match.start()), original(match.end() - 1, end=True)
        written = CONTROL.sub(lambda m: repr(m[0])[1:-1], text[start:end])
        shown = f" (written '{written}')" if written.lower() != match[0].lower() else ""
        yield line_of(start), "unsafe-html", f"a '{scheme}:' link{shown} is not allowed: {CODE}"
