"""Invisible format characters: Unicode's category Cf, refused in every key, value and body text.

They change how text is shown without being seen: U+202E (RIGHT-TO-LEFT OVERRIDE) left open in a title reverses
everything after it, the generator's own text of the page included; U+200B (ZERO WIDTH SPACE), U+2060 (WORD
JOINER), U+FEFF inside a text and the soft hyphen U+00AD split a word where nobody sees it (so that the privacy and
party rules read other words than the reader does). The bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E,
U+200F, U+061C) are all in Cf, so one rule covers them, taken from Python's own Unicode database rather than a
list of code points. The content has none of them; a byte-order mark at the very start of a file is not content
(the loader reads UTF-8 with its optional BOM). A value or body line is reported where it stands (validate.py, and
the register in parties.py), so the rest of the file is still checked; a key with one is refused by the loader.
"""
from __future__ import annotations

import unicodedata

from . import messages as M
from .model import LIMIT, Location, Problem

FORMAT = "Cf"


def is_format(char: str) -> bool:
    return char > "\x7f" and unicodedata.category(char) == FORMAT


def format_characters(text: str, limit: int | None = None) -> list[tuple[int, str]]:
    """(line offset, character) of the first format character of every line that has one, up to `limit` lines.
    Linear: a line of ASCII, or of printable characters only, is passed by one C-level test; only the others are
    read a character at a time."""
    if text.isascii():
        return []
    found = []
    for offset, line in enumerate(text.split("\n")):
        if line.isascii() or line.replace("\t", " ").isprintable():
            continue
        char = next((c for c in line if is_format(c)), None)
        if char is not None:
            found.append((offset, char))
            if limit is not None and len(found) >= limit:
                break
    return found


def named(char: str) -> str:
    """U+202E ('RIGHT-TO-LEFT OVERRIDE'): the code point and its Unicode name, quoted, for a Dutch message (the
    name is Unicode's, in English: a quotation, like a key)."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ('{name}')" if name else "")


def first_format(text: str) -> str | None:
    """The first format character of `text`, if any (for a key)."""
    return None if text.isascii() else next((c for c in text if is_format(c)), None)


# A file with more lines than this to fix gets the first ones, the last of them saying how many more there are
# (model.LIMIT: the check caps every code so; these rules also stop searching there).


def limited(lines: list, problem, more: str) -> list[Problem]:
    """Problems (`problem(item)`) for the first LIMIT items of one file and rule, sorted; when there are more, the
    last one ends with `more`."""
    problems = [problem(item) for item in lines[:LIMIT]]
    if len(lines) > LIMIT:
        last = problems[-1]
        problems[-1] = Problem(last.location, f"{last.message} {more}", last.code, last.severity)
    return problems


def format_problems(path: str, texts) -> list[Problem]:
    """A problem for every line of `texts` (pairs of file line where the text starts, text) that holds a format
    character, naming the first one of that line (at most LIMIT: the search stops after one more)."""
    found: dict[int, str] = {}
    for first_line, text in texts:
        for offset, char in format_characters(text, LIMIT + 1 - len(found)):
            found.setdefault(first_line + offset, char)
        if len(found) > LIMIT:
            break
    return limited(sorted(found.items()), lambda item: M.INVISIBLE.at(Location(path, item[0]),
                                                                      character=named(item[1])),
                   M.INVISIBLE_MORE())


def escape_format(text: str) -> str:
    """`text` with every format character written as \\u202e, for printing a file name or a key."""
    if text.isascii():
        return text
    return "".join(c.encode("unicode_escape").decode("ascii") if is_format(c) else c for c in text)
