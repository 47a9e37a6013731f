"""The title rule: a title carries no marks of the source's layout.

Titles show on every index, the matrix, the dossiers, the PDFs and the open data, where a list number ("2- "), a
colon that introduced the next line of a card ("…beginnen:") or a scan error ("&2" for "72") reads as a mistake.
The source's own form belongs under `afwijkingen`; this rule keeps such marks from coming back into `titel`.
"""
from __future__ import annotations

import re

from . import messages as M
from .load import RawFile
from .messages import Message
from .model import Problem

# (pattern, message; the pattern's group is the mark as written). A list number is digits, optional spaces, a
# hyphen-minus or ")" and a space: "2- ", "2) ", "3 - ". Not "4-1 voor allen" (no space after the hyphen), "4 – 1"
# (an en dash) or "72-uurs".
RULES = [
    (re.compile(r"^\s*(\d+\s*[-)]\s)"), M.TITLE_LIST_NUMBER),
    (re.compile(r"(:)\s*$"), M.TITLE_COLON),
    (re.compile(r"(&\d)"), M.TITLE_AMPERSAND),
]


def format_problems(title: str) -> list[tuple[Message, str]]:
    """(message, the mark as written) for every layout mark in a title; empty for a clean title."""
    found = []
    for pattern, message in RULES:
        match = pattern.search(title)
        if match:
            found.append((message, match[1]))
    return found


def title_problems(raw: RawFile) -> list[Problem]:
    """One problem per layout mark in the file's `titel`, at the line of `titel`."""
    title = raw.meta.get("titel")
    if not isinstance(title, str):
        return []  # missing or of the wrong type: the schema check reports it
    return [message.at(raw.at("titel"), mark=mark) for message, mark in format_problems(title)]
