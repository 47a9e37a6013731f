"""CONTRIBUTING.md quotes every message of the check as it is printed, under its code (issue 29).

The guide's "Alle meldingen" lists, per code in the order of the table above it, each message of
generator/content/messages.py with its fields as ‹descriptions›; this test compares the two both ways, so a message
reworded in the code and not in the guide (or the other way round) fails here."""
from __future__ import annotations

import re

from conftest import ROOT
from generator import cli
from generator.content import messages as M
from generator.content.model import CODES
from generator.editing import messages as editing
from generator.pages import messages as pages
from generator.publish import messages as publish

# Every module of texts for editors: the check's, those of the tools, the pages and the publication, and the CLI's.
MODULES = (M, editing, pages, publish, cli)

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
SECTION = "### Alle meldingen"


def quoted_in_guide() -> list[tuple[str, str]]:
    """(code, message) for every message the guide's section quotes, in its order."""
    section = GUIDE.split(f"\n{SECTION}", 1)[1].split("\n## ", 1)[0]
    quotes, code = [], None
    for line in section.splitlines():
        if match := re.fullmatch(r"- `([a-z-]+)`", line):
            code = match[1]
        elif match := re.fullmatch(r"  - (``?) ?(.*?) ?\1", line):
            quotes.append((code, match[2]))
    return quotes


def declared() -> list[tuple[str, str]]:
    """(code, message) for every message of messages.py: codes in CODES' order, each code's in declaration order."""
    messages = list(M.all_messages().values())
    return [(m.code, m.quoted()) for code in CODES for m in messages if m.code == code]


def test_the_guide_quotes_every_message_as_printed():
    assert quoted_in_guide() == declared()


def test_every_code_has_a_message_and_every_field_a_description():
    messages = M.all_messages().values()
    assert sorted({m.code for m in messages}) == sorted(CODES)
    phrases = [value for module in MODULES for value in vars(module).values() if isinstance(value, M.Phrase)]
    fields = {name for value in phrases for name in M.fields_of(value.text)}
    assert sorted(fields - set(M.FIELDS)) == []
    assert sorted(set(M.FIELDS) - fields) == []


def test_a_message_fills_in_its_fields():
    problem = M.YAML_COLON.at(M.Location("content/x.md", 3), fix='titel: "A: b"')
    assert str(problem) == ('content/x.md:3: de waarde bevat een dubbele punt met een spatie erna: zet de hele waarde '
                            'tussen dubbele aanhalingstekens, zo: titel: "A: b" [yaml-syntax]')
