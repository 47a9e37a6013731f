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

The patterns of Markdown syntax are Python-Markdown's own (the library MkDocs renders with). Raw HTML is found by
one left-to-right scan that reads a tag as a browser's tokenizer does (over the whole text, so a tag split over lines
is one tag, and a `>` inside a quoted value does not end it); a tag that is never closed is refused as well, from
where it starts, so that nothing it swallows is left unread.

Every rule is linear in the length of the text (a pull request can hold half a megabyte of `{:` or `<a x=`, on
which a pattern that looks ahead to the end of the line for every `{`, or a parser that re-reads the rest of the
text after every unclosed tag, runs for hours). The check reads thousands of texts: a text is only scanned when a
few substring searches find something such a construct needs.
"""
from __future__ import annotations

import bisect
import html
import re

from markdown.inlinepatterns import AUTOLINK_RE, AUTOMAIL_RE, IMAGE_LINK_RE

from .model import Location, Problem

# What any refused construct needs, looked for in the text without its control characters (a tab or newline may
# split a scheme) and in lower case: plain prose, nearly all of it, costs a few substring searches.
MARKERS = ("<", "&", "%", "{", "![", "!!!", "script", "data:")
WITHOUT_CONTROLS = dict.fromkeys(range(32))

# An attribute list as Python-Markdown's attr_list reads it (its BASE_RE, `\{\:?[ ]*([^\}\n ][^\n]*)\}`): a '{', an
# optional ':' and spaces, a first character that is not '}', a space or a line end, then anything up to the last
# '}' on that line. BASE_RE itself looks for that '}' from every '{' to the end of the line (quadratic on a line of
# '{:'); this takes the line's last '}' once and looks for the first opening before it.
ATTRIBUTE_OPEN = re.compile(r"\{:?[ ]*[^}\n ]")
IMAGE = re.compile(IMAGE_LINK_RE)
ADMONITION = re.compile(r"^[ \t]*!!!", re.MULTILINE)
NEWLINE = re.compile(r"\n")

# A script or data URL, matched on the text as a browser reads a URL: entities and percent escapes decoded,
# control characters (tab, newline) removed, any case. Prose such as "data: 5" (a space) is not a URL.
SCRIPT_URL = re.compile(r"(?:java|vb|live)script:|data:(?:[a-z0-9.+-]+/|[;,])", re.IGNORECASE)
ENTITY_OR_ESCAPE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?|%[0-9a-fA-F]{2}")
ENCODED = re.compile(ENTITY_OR_ESCAPE.pattern + r"|[\x00-\x1f]")
CONTROL = re.compile(r"[\x00-\x1f]")
# The largest code point is 1114111 (7 digits, 6 in hex); leading zeros are allowed. A longer number is never meant,
# and Python's HTML unescaping (MkDocs' search plugin, the toc extension) raises on one of more than 4,300 digits.
MAX_REFERENCE_DIGITS = 10
LONG_REFERENCE = re.compile(r"&#(?:[0-9]{%d,}|[xX][0-9a-fA-F]{%d,})" % ((MAX_REFERENCE_DIGITS + 1,) * 2))

# Raw HTML starts where a '<' is directly followed by a letter (a start tag), '/' (an end tag), '!' (a comment or
# declaration) or '?' (a processing instruction): what both Python-Markdown and browsers read as markup.
TAG_OPEN = re.compile(r"<[a-zA-Z/!?]")
# A start or end tag as a browser's tokenizer reads it: the name runs to white space, '/' or '>'; attributes are
# separated by white space or '/'; a value is quoted ("…", '…': a '>' inside does not end the tag; an unclosed
# quote runs to the end of the text) or bare. The tag ends at the first '>' outside a value; without one it runs to
# the end of the text (unclosed). Possessive quantifiers: each character is read once, whatever the text.
_VALUE = r"""(?:\s*+=\s*+(?:"[^"]*+(?:"|\Z)|'[^']*+(?:'|\Z)|[^\s>"'][^\s>]*+|))?+"""
_ATTRIBUTE = r"(?:=[^\s/>=]*+|[^\s/>=]++)" + _VALUE
TAG = re.compile(r"</?(?P<name>[^\s/>]*+)(?P<attributes>(?:[\s/]++|" + _ATTRIBUTE + r")*+)(?P<close>>?)")
ATTRIBUTE = re.compile(r"(=[^\s/>=]*+|[^\s/>=]++)" + _VALUE)  # findall: the names
# Python-Markdown's own autolinks, `<https://…>` and `<naam@example.org>`: links, whose scheme is checked as a URL.
AUTOLINK = re.compile(f"{AUTOLINK_RE}|{AUTOMAIL_RE}")
UNLINKLIKE = re.compile(r"[\s\"'<]")

# Elements that can run code or act on the reader's behalf; any other tag is refused as plain raw HTML.
CODE_ELEMENTS = {
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "form", "input", "button",
    "textarea", "select", "link", "meta", "base", "svg", "math", "template", "noscript", "portal",
}

NOTABLE = frozenset({"style", "id", "name", "class", "src", "srcset", "poster", "href"})
SHOWN = {"!--": "<!-- … -->", "!": "<!…>", "?": "<?…>", "![": "<![…]>"}

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
    starts: list[int] = []

    def line_of(offset: int) -> int:
        if not starts:  # the offset of every line's first character, found once per text
            starts.extend([0, *(match.end() for match in NEWLINE.finditer(text))])
        return bisect.bisect_right(starts, offset) - 1

    if "<" in text:
        yield from _html(text, line_of)
    if "script" in folded or "data:" in folded or "&" in text or "%" in text:
        yield from _urls(text, line_of)
    if "&#" in text:
        for match in LONG_REFERENCE.finditer(text):
            yield (line_of(match.start()), "too-complex",
                   f"'{_short(match[0], 20)}' is een tekenverwijzing ('&#' en een getal) van meer dan "
                   f"{MAX_REFERENCE_DIGITS} cijfers: zo'n verwijzing bestaat niet, en MkDocs kan haar niet lezen; "
                   "schrijf het teken zelf of haal de verwijzing weg")
    for line, match in _attribute_lists(text) if "{" in text else ():
        yield (line, "attribute-list",
               f"'{_short(match)}' is an attribute list, which sets ids, classes and styles: only the generator's "
               "templates may; remove it (write ( ) instead of { } for text in brackets)")
    for match in IMAGE.finditer(text) if "![" in text else ():
        yield (line_of(match.start()), "image",
               "an image is not allowed in content text: every reader's browser would fetch it, from wherever it "
               "points; remove it, or link to it as [text](https://…)")
    for match in ADMONITION.finditer(text) if "!!!" in text else ():
        yield (line_of(match.start()), "admonition",
               "'!!!' starts an admonition (a coloured box): only the generator's templates write those; "
               "remove the '!!!' and write a plain paragraph")


def _attribute_lists(text: str):
    """(line offset, text) of every attribute list: at most one per line, from the first opening that has a '}'
    after it on its line to the line's last '}', as Python-Markdown's BASE_RE matches."""
    for number, line in enumerate(text.split("\n")):
        last = line.rfind("}")
        match = ATTRIBUTE_OPEN.search(line, 0, last) if last > 0 else None
        if match:
            yield number, line[match.start():last + 1]


def _html(text: str, line_of):
    """Every tag, comment and declaration, reported at the line where it starts; Python-Markdown's autolinks and
    link-like tags such as `<javascript:…>` (checked as URLs) are skipped. One pass: each construct is read to its
    end and the scan goes on after it; an unclosed one runs to the end of the text and is refused as it stands."""
    # Per (line, code) the first construct, or the first that sets a style, id, class or address: the one to name.
    best: dict[tuple[int, str], tuple[bool, tuple]] = {}
    links = ":" in text or "@" in text
    position = 0
    while match := TAG_OPEN.search(text, position):
        start, second = match.start(), text[match.start() + 1]
        attributes: list[str] = []
        if second.isalpha() or second == "/" and text[start + 2:start + 3].isalpha():
            link = AUTOLINK.match(text, start) if links and second != "/" else None
            if link:
                position = link.end()
                continue
            tag_match = TAG.match(text, start)
            end = tag_match.end()
            closed = bool(tag_match["close"])
            name = tag_match["name"].lower()
            tag = "/" + name if second == "/" else name
            if tag_match["attributes"]:
                attributes = [attribute.lower() for attribute in ATTRIBUTE.findall(tag_match["attributes"])]
            if (":" in name or "@" in name) and closed and not UNLINKLIKE.search(text, start + 1, end) \
                    and not any(_worse(attribute) for attribute in attributes):
                position = end  # link-like text, not markup: `<javascript:…>` (its scheme is a URL problem)
                continue
        elif text.startswith("</>", start):  # nothing, for a browser and for Markdown
            position = start + 3
            continue
        elif text.startswith("<!--", start):
            # '<!-->' and '<!--->' are closed (empty) comments for a browser; any other ends at '-->'.
            empty = next((start + 4 + len(rest) for rest in (">", "->") if text.startswith(rest, start + 4)), None)
            close = text.find("-->", start + 4)
            end, tag, closed = empty or (close + 3 if close >= 0 else len(text)), "!--", bool(empty) or close >= 0
        else:  # a declaration, '<![CDATA[…', '<?…>' or '</ …>' (a comment for a browser): to the first '>'
            close = text.find(">", start + 2)
            tag = "![" if text.startswith("<![", start) else "!--" if second == "/" else second
            end, closed = (close + 1 if close >= 0 else len(text)), close >= 0
        position = end
        unsafe = tag.lstrip("/") in CODE_ELEMENTS or any(attribute.startswith("on") for attribute in attributes)
        key = (line_of(start), "unsafe-html" if unsafe else "raw-html")
        notable = not NOTABLE.isdisjoint(attributes)
        if key not in best or notable and not best[key][0]:
            best[key] = notable, (tag, attributes, closed)
    for (line, code), (_, construct) in best.items():
        yield line, code, _tag_problem(*construct)


def _tag_problem(tag: str, attributes: list[str], closed: bool) -> str:
    """The message for a construct (its code is "unsafe-html" for the first two, else "raw-html")."""
    handlers = [name for name in attributes if name.startswith("on")]
    if handlers:
        return f"an event-handler attribute ({handlers[0]}=) is not allowed: {CODE}"
    if tag.lstrip("/") in CODE_ELEMENTS:
        return f"raw HTML element <{tag.lstrip('/')}> is not allowed: {CODE}"
    if not closed:
        return (f"'{_short(_opening(tag), 20)}' begint HTML (een '<' direct voor een letter, '/', '!' of '?') die "
                "nergens wordt afgesloten: de tekst is Markdown zonder HTML; schrijf een spatie na de '<' ('a < b'), "
                "of haal de '<' weg")
    shown = SHOWN.get(tag) or f"<{tag}{_notable(attributes)}>"
    return f"raw HTML {shown} is not allowed: content text is Markdown only ({SURFACE}); remove the tag"


def _opening(tag: str) -> str:
    return {"!--": "<!--", "![": "<![", "!": "<!", "?": "<?"}.get(tag, f"<{tag}")


def _worse(attribute: str) -> bool:
    """An attribute that makes a tag run code or act as markup: an event handler or a notable one."""
    return attribute.startswith("on") or attribute in NOTABLE


def _notable(attributes) -> str:
    """The attributes that make a tag worse than markup: ' style=… id=…', else ''."""
    return "".join(f" {name}=…" for name in attributes if name in NOTABLE)


def _decode(encoded: str) -> str:
    """An entity, a percent escape or a control character as a browser reads it in a URL."""
    if encoded[0] == "&":
        if encoded[1] == "#" and len(encoded) > MAX_REFERENCE_DIGITS + 4:  # '&#x', the digits, ';'
            return "\ufffd"  # refused as too long in _scan; html.unescape would raise past 4,300 digits
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
