"""Invisible format characters: Unicode's category Cf, refused anywhere in a content file.

They change how text is shown without being seen: U+202E (RIGHT-TO-LEFT OVERRIDE) left open in a title reverses
everything after it, the generator's own text of the page included; U+200B (ZERO WIDTH SPACE), U+2060 (WORD
JOINER), U+FEFF inside a text and the soft hyphen U+00AD split a word where nobody sees it (so that the privacy and
party rules read other words than the reader does). The bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E,
U+200F, U+061C) are all in Cf, so one rule covers them, taken from Python's own Unicode database rather than a
list of code points. The content has none of them; a byte-order mark at the very start of a file is not content
(the loader reads UTF-8 with its optional BOM).
"""
from __future__ import annotations

import unicodedata

from .model import Location, Problem

FORMAT = "Cf"


def is_format(char: str) -> bool:
    return char > "\x7f" and unicodedata.category(char) == FORMAT


def format_characters(text: str) -> list[tuple[int, str]]:
    """(line offset, character) of the first format character of every line that has one. Linear: a line of
    ASCII, or of printable characters only, is passed by one C-level test; only the others are read a character
    at a time."""
    if text.isascii():
        return []
    found = []
    for offset, line in enumerate(text.split("\n")):
        if line.isascii() or line.replace("\t", " ").isprintable():
            continue
        char = next((c for c in line if is_format(c)), None)
        if char is not None:
            found.append((offset, char))
    return found


def describe(char: str) -> str:
    """U+202E (RIGHT-TO-LEFT OVERRIDE): the code point and its Unicode name, for a message."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def format_problem(path: str, first_line: int, found: list[tuple[int, str]]) -> Problem:
    """One problem for a file, at the first line with a format character, naming the other lines (up to ten)."""
    offset, char = found[0]
    others = [str(first_line + line) for line, _ in found[1:11]]
    more = ""
    if others:
        more = f" Hetzelfde staat ook op regel {', '.join(others)}{' en verder' if len(found) > 11 else ''}."
    return Problem(Location(path, first_line + offset),
                   f"deze regel bevat het onzichtbare teken {describe(char)}. Zo'n teken kan de tekst erna omdraaien "
                   "of een woord ongemerkt splitsen, zodat de site iets anders toont dan er lijkt te staan. Haal het "
                   f"weg (ziet u het niet, typ de tekst rond deze plek dan opnieuw).{more}", "control-character")


def escape_format(text: str) -> str:
    """`text` with every format character written as \\u202e, for printing a file name or a key."""
    if text.isascii():
        return text
    return "".join(c.encode("unicode_escape").decode("ascii") if is_format(c) else c for c in text)
