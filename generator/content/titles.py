"""The title rule: a title carries no marks of the source's layout.

Titles show on every index, the matrix, the dossiers, the PDFs and the open data, where a list number ("2- "), a
colon that introduced the next line of a card ("…beginnen:") or a scan error ("&2" for "72") reads as a mistake.
The source's own form belongs under `afwijkingen`; this rule keeps such marks from coming back into `titel`.
"""
from __future__ import annotations

import re

from .load import RawFile
from .model import Problem

# (pattern, what is wrong, what to do). A list number is digits, optional spaces, a hyphen-minus or ")" and a
# space: "2- ", "2) ", "3 - ". Not "4-1 voor allen" (no space after the hyphen), "4 – 1" (an en dash) or "72-uurs".
RULES = [
    (re.compile(r"^\s*(\d+\s*[-)]\s)"), "starts with a list number '{0}'", "write the title without it"),
    (re.compile(r"(:)\s*$"), "ends in ':'", "write the title without the colon"),
    (re.compile(r"(&\d)"), "contains '{0}': '&' directly before a digit is a scan error (e.g. '&2' for '72')",
     "write the number as the source means it"),
]


def format_problems(title: str) -> list[tuple[str, str]]:
    """(what is wrong, what to do) for every layout mark in a title; empty for a clean title."""
    found = []
    for pattern, what, todo in RULES:
        match = pattern.search(title)
        if match:
            found.append((what.format(match[1]), todo))
    return found


def title_problems(raw: RawFile) -> list[Problem]:
    """One problem per layout mark in the file's `titel`, at the line of `titel`."""
    title = raw.meta.get("titel")
    if not isinstance(title, str):
        return []  # missing or of the wrong type: the schema check reports it
    return [Problem(raw.at("titel"), f"title {what}; {todo} and note the source's form under 'afwijkingen'",
                    "title-format") for what, todo in format_problems(title)]
