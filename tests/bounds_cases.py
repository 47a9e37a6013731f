"""Hostile payloads that cost time (issue 26, item 2), shared by tests/test_hostile_bounds.py (on the sample tree)
and bench/hostile.py (on the real content): each is a small file that once made the check, or the build of what
it accepted, run for minutes. The sizes go up to the loader's limit (generator/content/load.py MAX_BYTES)."""
from __future__ import annotations

from generator.content import bounds

# Body text: written where a card's text goes (the sample's "Geld"; a new card's first section in the bench).
BODIES = {
    # The check: Python-Markdown's attribute-list pattern and the standard library's HTML parser, quadratic.
    "attribute-list-openers": "{:" * 250_000,
    "attribute-list-openers-closed": "{:" * 250_000 + "}",
    "unclosed-tags": "<a x=" * 100_000,
    "unclosed-quoted-tags": '<a x="' * 85_000,
    "unclosed-tags-over-paragraphs": "<a x=\n\n" * 70_000,
    "closed-tags": "<b>" * 170_000,
    "unclosed-comments": "<!--" * 125_000,
    "script-urls": "javascript:" * 45_000,
    "script-urls-on-every-line": "[k](javascript:x)\n\n" * 20_000,
    "entities": "&#106;" * 85_000,
    "long-character-reference": "[x](&#" + "1" * 5_000 + ";)",
    # The build: what Python-Markdown reads again and again.
    "brackets": "[" * 25_000,
    "brackets-500-kb": "[" * 500_000,
    "brackets-below-the-paragraph-limit": "[" * 19_000,
    "open-links": "[a](" * 125_000,
    "link-titles-left-open": '[a](x "y) ' * 50_000,
    "headings": "## Kop\n" * 40_000,
    "headings-with-blank-lines": "".join(f"## Kop {i}\n\n" for i in range(30_000)),
    "setext-headings": "a\n=\n\n" * 100_000,
    "rules": "***\n\n" * 100_000,
    "nested-list": "".join("    " * i + "- x\n" for i in range(300)),
    "nested-quotes": "> " * 250_000 + "x",
    "blank-lines": "\n" * 500_000,
    "paragraphs": "woord\n\n" * 70_000,
}


def party_lines(count: int) -> str:
    """A party section's text: `count` lines that name no party, each its own paragraph (a tight list of 15,000
    would be one paragraph over the limit)."""
    return "".join(f"- p{i:04x}q\n\n" for i in range(count))


def spellings(count: int) -> str:
    """A register entry with `count` spellings, all of the same first letter and length: the worst case for the
    "bedoelt u" search (p0000, p0001, …, each one letter from the party line p0000q, …)."""
    listed = ", ".join(f"p{i:04x}" for i in range(count))
    return f"  - slug: veel\n    naam: Veel\n    soort: overheid\n    schrijfwijzen: [{listed}]\n"


def worst_accepted_paragraph(length: int = bounds.MAX_PARAGRAPH) -> str:
    """A paragraph at every limit at once: `length` characters (at most the limit), as many brackets left open and
    nested as allowed, and emphasis all through (Python-Markdown copies the paragraph after each)."""
    core = "[a](x " * bounds.MAX_OPEN + "[" * bounds.MAX_BRACKET_DEPTH
    tail = "]" * bounds.MAX_BRACKET_DEPTH
    return core + "*a* " * ((length - len(core) - len(tail)) // 4) + tail


def worst_accepted_body(room: int, headings_before: int) -> str:
    """Card text of nearly `room` bytes that the check accepts at its limits: a list nested as deep as allowed,
    paragraphs like `worst_accepted_paragraph`, and headings up to the limit (with the `headings_before` the file
    already has)."""
    text = "".join("    " * level + "- x\n" for level in range(bounds.MAX_NESTING)) + "\n"
    headings = headings_before
    while len(text) + 200 < room:
        if headings < bounds.MAX_HEADINGS:
            text += f"## Kop {headings}\n\n"
            headings += 1
        length = min(bounds.MAX_PARAGRAPH, room - len(text) - 20 * (bounds.MAX_HEADINGS - headings) - 10)
        if length < 100:
            break
        text += worst_accepted_paragraph(length) + "\n\n"
    return text + "".join(f"## Kop {number}\n\n" for number in range(headings, bounds.MAX_HEADINGS))
