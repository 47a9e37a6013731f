"""The declared Markdown surface of content text, and the check that finds everything outside it.

Content arrives through pull requests from anyone, so its text is untrusted. Editors need paragraphs, lists,
emphasis, links and headings; admonitions and attribute lists are the generator's own, written by its templates.
Everything else is refused, at the exact line of the file where it starts (a construct may run over several lines):

- raw HTML of any kind, also harmless-looking tags: the cards hold none and Markdown covers what they need
  [raw-html]; when it could run code (a script-like element, an event-handler attribute) [unsafe-html];
- a script or data URL however it is written: HTML entities (`java&#115;cript:`), percent-encoding, any case, tabs,
  newlines and control characters inside it (browsers drop them) [unsafe-html];
- an attribute list (`{: #id }`, `{.class}`, `{ onclick=… }`): it sets ids, classes and styles [attribute-list];
- an admonition (`!!! note`) [admonition]; an image, which every reader's browser would fetch [image];
- a link to anything but a web or e-mail address (`file:`, `ms-msdt:`, …), or to an address that starts with two
  slashes in either direction (`/\\evil.example/`: it looks like a page of the site, and browsers read it as
  another host) [unsafe-html].

Front matter values are one line of plain text (`references`): a character reference (`&lt;`, `&#60;`, `&eacute;`)
in one is refused [raw-html]; it would be markup wherever the value is not escaped again. In the body (`body_problems`),
headings are `#` lines at the start of a line, which the renderer puts below the page's title: a setext heading (a
line of `===` or `---` under text) and a heading inside a list or quote are refused, as is a heading with the name of
a section the generator adds to the page [bad-heading, duplicate-heading].

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

from markdown.extensions.toc import slugify  # heading ids as Python-Markdown makes them
from markdown.inlinepatterns import AUTOLINK_RE, AUTOMAIL_RE, IMAGE_LINK_RE

from . import messages as M
from .model import LIMIT, Location, Problem

# What any refused construct needs, looked for in the text without its control characters (a tab or newline may
# split a scheme) and in lower case: plain prose, nearly all of it, costs a few substring searches.
MARKERS = ("<", "&", "%", "{", "![", "!!!", "script", "data:", "](", "]:")
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

# Where a link's address starts, in Python-Markdown's three forms: `[text](address)`, a reference definition
# `[name]: address`, and `<scheme:address>`. The address runs to a space, ')', '>' or a quote; tabs and line breaks
# inside it are kept (browsers drop them), as are entities (browsers decode them). No part can run past the next
# '[' or '<', so the search is linear in the text however many brackets it holds.
LINK_ADDRESS = re.compile(r"\]\([ ]*<?(?P<inline>[^ )>\"']*)|\[[^\[\]\n]*\]:[ \t]*<?(?P<reference>[^ >\"'\n]*)"
                          r"|<(?P<auto>[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>]*)>")
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*(?=:)")
WEB_SCHEMES = {"http", "https", "mailto"}
# Two slashes, in either direction: browsers read `//host`, `/\host` and `\\host` as another host.
TWO_SLASHES = re.compile(r"[/\\]{2}")

# A character reference as HTML reads one: decimal, hexadecimal or named, with or without its ';' (browsers and
# Python's html.unescape also read `&lt` and `&#60`). "A & B" and "R&D" are none; `references` decides with
# html.unescape whether a name without ';' is one.
REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")

# A setext heading's underline: a line of only '=' or only '-' (in a list item or quote too), under a line of text.
UNDERLINE = re.compile(r"^[ \t>]*(?:=+|-+)[ \t]*$", re.MULTILINE)
# A '#' heading that does not start its line: inside a list item or a quote, or indented (a list item's next
# paragraph). Python-Markdown makes it a heading of the page wherever it stands.
# Each container starts with a character that is not white space, so the pattern has one way to match a line.
NESTED_HEADING = re.compile(r"^[ \t]*(?:(?:>|(?:[-*+]|[0-9]{1,9}[.)])[ \t])[ \t]*)*#", re.MULTILINE)
ATX_HEADING = re.compile(r"^#{1,6}(?P<text>[^\n]*)$", re.MULTILINE)


def problems(path: str, texts) -> list[Problem]:
    """Every construct outside the declared surface in `texts`, pairs of (file line of the text's first line,
    text), as problems of the file `path`: at most one per line and code, sorted."""
    found: dict[tuple[int, str], tuple[M.Message, dict]] = {}
    for first_line, text in texts:
        folded = text.translate(WITHOUT_CONTROLS).lower()
        if not any(marker in folded for marker in MARKERS):
            continue
        for line, message, fields in _scan(text, folded):
            found.setdefault((first_line + line, message.code), (message, fields))
    return sorted(message.at(Location(path, line), **fields) for (line, _), (message, fields) in found.items())


def unescape(text: str) -> str:
    """`html.unescape` that cannot fail: a numeric reference of more than MAX_REFERENCE_DIGITS digits (refused as
    too-complex) reads as U+FFFD, where html.unescape would raise past 4,300 digits (Python's int limit)."""
    if "&#" in text:
        text = LONG_REFERENCE.sub("\ufffd", text)
    return html.unescape(text)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _scan(text: str, folded: str):
    """(line offset, message, its fields) of every refused construct in one text, in no particular order."""
    starts: list[int] = []

    def line_of(offset: int) -> int:
        if not starts:  # the offset of every line's first character, found once per text
            starts.extend([0, *(match.end() for match in NEWLINE.finditer(text))])
        return bisect.bisect_right(starts, offset) - 1

    if "<" in text:
        yield from _html(text, line_of)
    if "script" in folded or "data:" in folded or "&" in text or "%" in text:
        yield from _urls(text, line_of)
    if "](" in text or "]:" in text or "<" in text:
        yield from _links(text)
    if "&#" in text:
        for match in LONG_REFERENCE.finditer(text):
            yield (line_of(match.start()), M.LONG_REFERENCE,
                   {"reference": _short(match[0], 20), "max_digits": MAX_REFERENCE_DIGITS})
    for line, match in _attribute_lists(text) if "{" in text else ():
        yield line, M.ATTRIBUTE_LIST, {"written": _short(match)}
    for match in IMAGE.finditer(text) if "![" in text else ():
        yield line_of(match.start()), M.IMAGE, {}
    for match in ADMONITION.finditer(text) if "!!!" in text else ():
        yield line_of(match.start()), M.ADMONITION, {}


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
    for (line, _), (_, construct) in best.items():
        yield (line, *_tag_problem(*construct))


def _tag_problem(tag: str, attributes: list[str], closed: bool) -> tuple[M.Message, dict]:
    """The message for a construct and its fields: "unsafe-html" for the first two, as `_html` decides, else
    "raw-html"."""
    handlers = [name for name in attributes if name.startswith("on")]
    if handlers:
        return M.UNSAFE_HANDLER, {"attribute": handlers[0]}
    if tag.lstrip("/") in CODE_ELEMENTS:
        return M.UNSAFE_ELEMENT, {"tag": tag.lstrip("/")}
    if not closed:
        return M.UNCLOSED_HTML, {"opening": _short(_opening(tag), 20)}
    return M.RAW_HTML, {"tag": SHOWN.get(tag) or f"<{tag}{_notable(attributes)}>"}


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
        return CONTROL.sub("", unescape(encoded))
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
        if written.lower() != match[0].lower():
            yield line_of(start), M.UNSAFE_URL_HIDDEN, {"written": written, "scheme": scheme}
        else:
            yield line_of(start), M.UNSAFE_URL, {"scheme": scheme}


def _links(text: str):
    """Links whose address is not a web or e-mail address, or that starts with two slashes: decoded as a browser
    decodes an address (entities, then tabs, line breaks and leading spaces dropped). Script and data URLs are
    left to `_urls`, which finds them wherever they are written."""
    line_of = _line_counter(text)  # a text can hold many links: lines counted on, not from the start each time
    for match in LINK_ADDRESS.finditer(text):
        name = match.lastgroup
        written = match[name]
        address = CONTROL.sub("", unescape(written)).lstrip(" ")
        scheme = SCHEME.match(address)
        shown = _short(CONTROL.sub(lambda m: repr(m[0])[1:-1], written))
        if scheme and scheme[0].lower() not in WEB_SCHEMES and not SCRIPT_URL.match(address):
            yield line_of(match.start(name)), M.LINK_SCHEME, {"address": shown, "scheme": scheme[0]}
        elif not scheme and TWO_SLASHES.match(address):
            yield line_of(match.start(name)), M.LINK_HOST, {"address": shown, "slashes": address[:2]}


def references(text: str) -> str | None:
    """The first character reference in a one-line value, as written, or None. Values reach headings, page titles,
    tables and the open data as plain text: a reference there is either shown literally or, where a template does
    not escape it again, turned into the markup it spells."""
    for match in REFERENCE.finditer(text) if "&" in text else ():
        if match[0].endswith(";") or unescape(match[0]) != match[0]:
            return match[0]
    return None


def reference_problem(location: Location, key: str, written: str) -> Problem:
    char, shown = unescape(written)[:1], _short(written)
    if unescape(written) == written:
        return M.REFERENCE_UNKNOWN.at(location, key=key, reference=shown)
    if char.isprintable() and not char.isspace():
        return M.REFERENCE_KNOWN.at(location, key=key, reference=shown, char=char)
    return M.REFERENCE_INVISIBLE.at(location, key=key, reference=shown, codepoint=f"{ord(char):04X}")


def body_problems(path: str, first_line: int, body: str, generated: tuple[str, ...] = ()) -> list[Problem]:
    """The headings of a file's body (from file line `first_line`) that the renderer cannot put in their place below
    the page's title, and those with the name of a section the generator adds to the page (`generated`)."""
    found = []
    line_of = _line_counter(body, first_line)
    for match in UNDERLINE.finditer(body) if "=" in body or "-" in body else ():
        if match.start() == 0:
            continue
        above_start = body.rfind("\n", 0, match.start() - 1) + 1
        above = body[above_start:match.start() - 1]
        if any(char not in " \t>" for char in above):
            found.append(M.SETEXT_HEADING.at(Location(path, line_of(above_start)), underline=_short(match[0].strip()),
                                             heading=_short(above.strip())))
            if len(found) > LIMIT:
                break  # the check prints LIMIT per file and code (model.capped): no need to find more
    line_of = _line_counter(body, first_line)
    for match in NESTED_HEADING.finditer(body) if "#" in body else ():
        if body[match.start()] == "#":
            continue  # a heading at the start of its line: the renderer places it
        end = body.find("\n", match.start())
        line = _short(body[match.start():end if end >= 0 else len(body)].strip())
        found.append(M.NESTED_HEADING.at(Location(path, line_of(match.start())), written=line))
        if len(found) > 2 * LIMIT:
            break
    sections = {slugify(heading, "-"): heading for heading in generated}
    line_of = _line_counter(body, first_line)
    for match in ATX_HEADING.finditer(body) if sections and "#" in body else ():
        text = match["text"].strip("# \t")
        section = sections.get(slugify(text, "-"))
        if section:
            found.append(M.GENERATED_HEADING.at(Location(path, line_of(match.start())), heading=_short(text),
                                                section=section))
    return found


def _line_counter(text: str, first_line: int = 0):
    """`line_of(offset)`: the line of an offset in `text`, counted on from the last offset asked for, so that the
    offsets of one scan (which only grow) cost one pass over the text together."""
    state = [0, first_line]

    def line_of(offset: int) -> int:
        if offset < state[0]:
            state[:] = [0, first_line]
        state[1] += text.count("\n", state[0], offset)
        state[0] = offset
        return state[1]
    return line_of
