"""The limits that keep the build of checked content linear: what MkDocs' Markdown parser cannot do in linear
time is refused by the check first, at the line where it starts.

Python-Markdown (3.11, what MkDocs renders with) reads a '[' by counting brackets up to its ']', and to the end of
the paragraph when there is none; after '](' it counts parentheses up to the link's ')', and after a quote that
is not closed right before a ')' to the end of the paragraph; it splits a paragraph at every heading or horizontal
rule in it and reads the rest again; it copies a paragraph's text after every link or emphasis it finds; and it
recurses once per level of nested lists and quotes. Measured (issue 26): 25,000 '[' in a 25 KB file took MkDocs
221 s; 4,000 headings without a blank line between them 2.2 s and 40,000 in a file 145 s; a list nested 300 deep
fails with a RecursionError. So each text of a file (its body and every front matter value) is held to:

- at most MAX_PARAGRAPH characters in one paragraph (text between blank lines, which is how Python-Markdown
  splits a text into blocks; no block it processes is longer);
- in a paragraph at most MAX_OPEN brackets that Python-Markdown reads to the paragraph's end (a '[' without its
  ']', a link whose '(' does not close on its own line), and '[' nested at most MAX_BRACKET_DEPTH deep;
- lists and quotes nested at most MAX_NESTING deep [too-deep];
- at most MAX_HEADINGS headings and horizontal rules in a body.

Then Python-Markdown's work on a paragraph is at most a constant times its length, and the paragraph is short, so
its work on a file is linear in the file. The real content is far inside every limit (its largest paragraph has
1,185 characters, its most headings are 8, it nests lists one deep and has no '[' at all). Every rule is one pass:
a text with at most 5 '[' and without deep indentation costs a few substring searches.
"""
from __future__ import annotations

import bisect
import re

from . import messages as M
from .model import Location, Problem, dutch_number

MAX_PARAGRAPH = 20_000
MAX_OPEN = 5
MAX_BRACKET_DEPTH = 5
MAX_NESTING = 10
MAX_HEADINGS = 100

# One or more blank lines (only spaces and tabs: Python-Markdown empties those before it splits on "\n\n").
PARAGRAPH_BREAK = re.compile(r"\n(?:[ \t]*+\n)++")
# What the bracket count reads: an escaped character (Markdown takes '\[' as text), '](' and the brackets.
BRACKET = re.compile(r"\\[^\n]|\]\(|[\[\]]")
# A link's '(' up to where Python-Markdown's count of parentheses would end it on the same line: its ')' (one level
# of nested parentheses), or a quote, after which it ends only at that quote followed by ')'.
LINK_TARGET = re.compile(r"\((?:[^()\"'\n\\]++|\\[^\n]|\((?:[^()\"'\n\\]++|\\[^\n])*+\))*+")
QUOTE_CLOSE = re.compile(r"[\"']\)")
# The start of a line as Python-Markdown nests it: quote markers, list markers and indentation.
PREFIX = re.compile(r"(?:>[ ]?|(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]++|$)|[ \t]++)*+", re.MULTILINE)
PREFIX_PART = re.compile(r">[ ]?|(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]++|$)|[ \t]++", re.MULTILINE)
# Each level takes at least one character of a line's start (a tab or a '>'), so only a line that starts with more
# than MAX_NESTING of these characters can be too deep.
MAYBE_DEEP = re.compile(r"^[ \t>*+\-.)0-9]{%d}" % (MAX_NESTING + 1), re.MULTILINE)
# A line that Python-Markdown may take as a heading ('#…', a setext underline of '=' or '-') or a horizontal rule
# ('***', '- - -', '___'), also inside a list item or a quote.
HEADING_LIKE = re.compile(r"^(?:>[ ]?|(?:[-*+]|[0-9]{1,9}[.)])[ \t]++|[ \t]++)*+(?:#|[-=*_][-=*_ \t]*+$)", re.MULTILINE)


def problems(path: str, texts, body_line: int, body: str) -> list[Problem]:
    """The limits above, for `texts` (pairs of file line of the text's first line and text, as markup.problems
    takes them) and the heading count of the body (from file line `body_line`)."""
    found = []
    for first_line, text in texts:
        found += [message.at(Location(path, first_line + line), **fields) for line, message, fields in _text(text)]
    headings = _nth(HEADING_LIKE.finditer(body), MAX_HEADINGS)
    if headings is not None:
        found.append(M.TOO_MANY_HEADINGS.at(Location(path, body_line + body.count("\n", 0, headings.start())),
                                            nth=dutch_number(MAX_HEADINGS + 1), maximum=dutch_number(MAX_HEADINGS)))
    return found


def _nth(matches, n: int):
    """The match after the first `n`, or None."""
    for count, match in enumerate(matches):
        if count == n:
            return match
    return None


def _text(text: str):
    """(line offset, message, its fields) of every limit one text exceeds."""
    # Each open or nested bracket needs a '[' of its own: with no more of them than the limits, none is exceeded.
    few_brackets = text.count("[") <= min(MAX_OPEN, MAX_BRACKET_DEPTH)
    if len(text) <= MAX_PARAGRAPH and few_brackets and not MAYBE_DEEP.search(text):
        return  # nearly every text: a few substring searches
    starts = [0, *(match.end() for match in re.finditer("\n", text))]

    def line_of(offset: int) -> int:
        return bisect.bisect_right(starts, offset) - 1

    for match in MAYBE_DEEP.finditer(text):
        depth = _depth(text, match.start())
        if depth > MAX_NESTING:
            yield (line_of(match.start()), M.NESTED_TOO_DEEP,
                   {"depth": dutch_number(depth), "maximum": dutch_number(MAX_NESTING)})
            break  # the first such line; the next ones are usually its neighbours
    closers = None
    for start, end in _paragraphs(text) if len(text) > MAX_PARAGRAPH or not few_brackets else ():
        if end - start > MAX_PARAGRAPH:
            first = start + len(text[start:end]) - len(text[start:end].lstrip())
            yield (line_of(first), M.LONG_PARAGRAPH,
                   {"length": dutch_number(end - start), "maximum": dutch_number(MAX_PARAGRAPH)})
        end = min(end, start + MAX_PARAGRAPH)  # of a paragraph refused as too long, the brackets of its start
        if not few_brackets and text.count("[", start, end) > min(MAX_OPEN, MAX_BRACKET_DEPTH):
            if closers is None:  # where a quote is followed by ')': a link's title may end there
                closers = {'"': [], "'": []}
                for close in QUOTE_CLOSE.finditer(text):
                    closers[close[0][0]].append(close.start())
            yield from _brackets(text, start, end, line_of, starts, closers)


def _paragraphs(text: str):
    """(start, end) of every paragraph: the runs of lines between blank lines."""
    start = 0
    for match in PARAGRAPH_BREAK.finditer(text):
        if text[start:match.start()].strip():
            yield start, match.start()
        start = match.end()
    if text[start:].strip():
        yield start, len(text)


def _brackets(text: str, start: int, end: int, line_of, starts: list[int], closers: dict):
    """The bracket limits of one paragraph: nesting of '[', and how many brackets stay open to its end."""
    open_brackets: list[int] = []  # where each '[' still open starts
    open_links: list[int] = []  # where each link that does not close on its line starts
    deep = False
    for match in BRACKET.finditer(text, start, end):
        token = match[0]
        if token == "[":
            open_brackets.append(match.start())
            if len(open_brackets) > MAX_BRACKET_DEPTH and not deep:
                deep = True
                yield line_of(match.start()), M.NESTED_BRACKETS, {"maximum": dutch_number(MAX_BRACKET_DEPTH)}
        elif open_brackets and token[0] == "]":
            open_brackets.pop()
            if token == "](" and not _link_closes(text, match.start() + 1, starts, closers):
                open_links.append(match.start() + 1)
    if len(open_brackets) + len(open_links) > MAX_OPEN:
        yield (line_of(sorted(open_brackets + open_links)[MAX_OPEN]), M.OPEN_BRACKETS,
               {"nth": dutch_number(MAX_OPEN + 1), "maximum": dutch_number(MAX_OPEN)})


def _link_closes(text: str, position: int, starts: list[int], closers: dict) -> bool:
    """Does Python-Markdown's reading of the link target that opens at `position` end on the same line?"""
    stop = LINK_TARGET.match(text, position).end()
    after = text[stop:stop + 1]
    if after == ")":
        return True
    if after not in ("'", '"'):
        return False  # the end of the line or of the text, or parentheses nested deeper than one level
    line = bisect.bisect_right(starts, stop)
    line_end = starts[line] - 1 if line < len(starts) else len(text)
    closing = closers[after]
    index = bisect.bisect_right(closing, stop)  # a quote after the first, right before ')'
    return index < len(closing) and closing[index] < line_end


def _depth(text: str, start: int) -> int:
    """How deep the line at `start` nests: its quote markers, list markers and indentation (4 columns a level)."""
    prefix_end = PREFIX.match(text, start).end()
    if text[prefix_end:prefix_end + 1] in ("\n", "") and not text[start:prefix_end].strip():
        return 0  # a blank line nests nothing
    depth = columns = 0
    position = start
    while position < prefix_end:
        part = PREFIX_PART.match(text, position)
        token = part[0]
        if token[0] in " \t":
            columns += len(token.expandtabs(4))
        else:
            depth += 1
        position = part.end()
    return depth + columns // 4
