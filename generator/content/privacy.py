"""Privacy: no contact details anywhere in content, and `vrijwilligers` names no one.

Everything in `content/` is published: on the pages, in the open data and in the search index. The source gives no
contact details and left the volunteers' names out on purpose, so two rules hold for every text of every file:

- **No e-mail address or phone number** in any front matter value, in the body or in the register
  [contact-details]. An e-mail address is `local@domain.tld` (also written `(at)`, `[at]`, with entities,
  percent-escapes, full-width or Markdown escapes: the text is read as a reader sees it). A phone number must have
  a phone number's shape, so that dates, years, counts, postcodes, "112" and "72-uurs" pass: a Dutch number
  (a `0`, not `00`, and ten digits in at most five groups: `06-12345678`, `010 123 45 67`, `(020) 1234567`), an
  international one (`+` and 8–15 digits in at most seven groups, or `00`, a country code and 11–15 digits:
  `+31 6 1234 5678`, `+31 (0)20 123 4567`, `0044 20 7946 0958`). Groups are digits joined by up to three of
  space, tab, `.`, `-`, `/`, dashes and brackets, or by one line break with up to two of those on either side (a
  Markdown paragraph runs on over a line end, so `06-1234` at the end of a line and `5678` on the next is read as
  one number). Not a
  phone number: a day-month-year date with a year 1900–2099 (`01-02-2025`), a number with thousands separators
  (`1.000.000`), and digits inside a web address (`https://…/2025/0123456789`), which carry ids.
- **`vrijwilligers` is a count** [person-name]: a number, or a text of words from `VOLUNTEER_WORDS` (the words the
  cards actually use there, and words for a count or for "unknown") and numbers. Any other word is refused,
  whatever its case or script: the rule does not guess what a name looks like, and the register of parties does
  not widen it (anyone can add a "party" named after a person).

Both rules are linear in the text: one pass of regular expressions without nested repetition, and every further
step works on the matches.
"""
from __future__ import annotations

import bisect
import html
import itertools
import re
import unicodedata
from urllib.parse import unquote

from . import messages as M
from .invisible import LIMIT, limited
from .markup import unescape
from .model import Location, Problem

# --- vrijwilligers -----------------------------------------------------------------------------------------------

# The words of the three texts the cards give instead of a number ("Wie niet?! ☺", "TNO zou dit kunnen prima
# coordineren", "Iedereen aan tafel (Havenbedrijf Rotterdam o.a.)"), and words that give a count or say that none
# is known. Lower case, without accents (compared after folding both). CONTRIBUTING.md lists them (a test keeps the
# two in step); a word is added here, in a reviewed change of the generator, never by content.
SOURCE_WORDS = ("aan", "coordineren", "dit", "havenbedrijf", "iedereen", "kunnen", "niet", "o.a", "prima",
                "rotterdam", "tafel", "tno", "wie", "zou")
COUNT_WORDS = ("a", "acht", "alle", "allemaal", "bekend", "ca", "circa", "dan", "de", "deelnemers", "drie", "een",
               "en", "enkele", "geen", "honderd", "honderden", "hooguit", "maximaal", "meer", "mensen", "minder",
               "minimaal", "minstens", "misschien", "mogelijk", "n.v.t", "nader", "nee", "negen", "niemand", "nog",
               "nvt", "of", "onbekend", "ongeveer", "ook", "paar", "per", "tien", "tientallen", "tot", "twee",
               "veel", "vele", "vier", "vijf", "vrijwilligers", "wel", "zeker", "zes", "zeven")
VOLUNTEER_WORDS = frozenset(SOURCE_WORDS + COUNT_WORDS)
# A word, with the inner dots of an abbreviation ("o.a.", "n.v.t.").
TOKEN = re.compile(r"[^\W_]+(?:\.[^\W_]+)*")
NUMBER = re.compile(r"[0-9]{1,6}(?:\.[0-9]{3})*")


def _fold(text: str) -> str:
    """Lower case, compatibility forms folded (full-width, mathematical letters) and accents removed: 'coördineren'
    is 'coordineren', 'ＪＡＮ' is 'jan'; a letter of another script stays itself."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.casefold()


def refused_words(text: str) -> list[str]:
    """The words of a `vrijwilligers` text that are neither a number nor in VOLUNTEER_WORDS, as written, once each."""
    folded = _fold(text)
    refused: dict[str, None] = {}
    for match in TOKEN.finditer(folded):
        if match[0] in VOLUNTEER_WORDS or NUMBER.fullmatch(match[0]):
            continue
        refused[match[0] if len(folded) != len(text) else text[match.start():match.end()]] = None
    return list(refused)


def volunteer_problems(path: str, line: int, value) -> list[Problem]:
    if not isinstance(value, str):
        return []
    words = refused_words(value)
    if not words:
        return []
    listed = ", ".join(f"'{word}'" for word in words[:10]) + (", …" if len(words) > 10 else "")
    message = M.PERSON_NAME_WORD if len(words) == 1 else M.PERSON_NAME_WORDS
    return [message.at(Location(path, line), words=listed)]


# --- contact details ---------------------------------------------------------------------------------------------

# '@' or a spelled-out one ('(at)', '[at]', '{apenstaartje}'), then a domain with at least one dot (or '(dot)',
# '[punt]') and a top-level domain of letters; the local part needs one character before it.
AT = re.compile(r"\s?(?:@|[\[({]\s?(?:at|apenstaartje)\s?[\])}])\s?", re.IGNORECASE)
DOMAIN = re.compile(r"(?:[\w-]+(?:\.|\s?[\[({]\s?(?:dot|punt)\s?[\])}]\s?))+[^\W\d_]{2,}", re.IGNORECASE)
LOCAL = re.compile(r"[\w.%+!#$&'*/=?^`{|}~-]")
SPLIT = re.compile(r"([0-9]+)")
# Digit groups joined by up to three of space, tab, '.', '-', '/', brackets and dashes, or by one line break with up
# to two of those on either side (a Markdown paragraph runs on over a line end).
_JOINER = r"[ \t.\-/()\u2010-\u2015\u2212]"
RUN = re.compile(rf"[0-9]+(?:(?:{_JOINER}{{1,3}}|{_JOINER}{{0,2}}\n{_JOINER}{{0,2}})[0-9]+)*")
WEB_ADDRESS = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]]*", re.IGNORECASE)
# What a reader sees differently from the source: entities, percent-escapes, Markdown escapes and inline markup,
# digits of other scripts, and compatibility forms (full-width '＠', '０６'), found as text that is not in NFKC.
# Lines with none of these are read as they are.
NEEDS_READING = re.compile(r"^.*?(?:[&%\\*_`~\[\]]|(?![0-9])\d).*$", re.MULTILINE)
# What reading can turn into an e-mail address or a phone number: an '@' (also full-width or small), a digit, an
# entity, a percent-escape or a spelled-out '(at)'. Markup only joins what is there.
POSSIBLE = re.compile(r"[@\uff20\ufe6b]|\d|&(?:#|[a-z])|%[0-9a-f]{2}|[\[({]\s?(?:at|apenstaartje)", re.IGNORECASE)
MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
LINK_TARGET = re.compile(r"\]\([^)\n]*\)")
INLINE_MARKUP = re.compile(r"[*_`~\[\]]")
OTHER_DIGIT = re.compile(r"(?![0-9])\d")


def _emails(text: str) -> list[int]:
    """Offsets of the e-mail addresses in `text`."""
    found = []
    for match in AT.finditer(text):
        start = match.start()
        if start and LOCAL.match(text, start - 1) and DOMAIN.match(text, match.end()):
            found.append(start - 1)
    return found


def _is_date(digits: list[str], seps: list[str], s: int) -> bool:
    """Do groups s, s+1, s+2 read as day-month-year (one separator twice, a year 1900–2099)?"""
    if s + 2 >= len(digits):
        return False
    day, month, year = digits[s:s + 3]
    return (seps[s] == seps[s + 1] and len(seps[s]) == 1 and len(day) <= 2 and len(month) <= 2 and len(year) == 4
            and 1 <= int(day) <= 31 and 1 <= int(month) <= 12 and year[:2] in ("19", "20"))


def _thousands(digits: list[str], seps: list[str]) -> bool:
    """1.000.000 or 10,000,000: one separator, '.' or ',', before every group of three digits."""
    return len(digits) > 1 and len(set(seps)) == 1 and seps[0] in (".", ",") and all(len(d) == 3 for d in digits[1:])


def _window(sums: list[int], s: int, low: int, high: int, groups: int) -> int | None:
    """The end (exclusive) of the shortest run of groups from `s` with `low`–`high` digits, if it has at most
    `groups` groups: the digit counts only grow, so one binary search over their running sums finds it."""
    end = bisect.bisect_left(sums, sums[s] + low, s + 1)
    if end < len(sums) and sums[end] - sums[s] <= high and end - s <= groups:
        return end
    return None


def _phones_in(run: str, offset: int, plus: bool) -> list[int]:
    """Offsets of the phone numbers in one run of joined digit groups (see the module docstring): Dutch ones from
    every group that starts with '0', an international one from the run's start when a '+' stands before it; the
    groups of a date start none. The run is cut and counted by C-level calls; Python looks only at the groups that
    can start a number, and a binary search finds where one would end."""
    parts = SPLIT.split(run)  # '', digits, separator, digits, …, ''
    digits, seps = parts[1::2], parts[2:-1:2]
    starts = list(itertools.accumulate(map(len, parts), initial=offset))[1::2]
    sums = list(itertools.accumulate(map(len, digits), initial=0))
    found, s, n = [], 0, len(digits)
    while s < n:
        end, first = None, digits[s]
        if s == 0 and plus:
            end = _window(sums, s, 8, 15, 7) if first[0] != "0" else None
        elif first[0] != "0" or sums[min(s + 7, n)] - sums[s] < 10:
            s += 1  # no Dutch number (10 digits in 5 groups) nor one after '00' (11 in 7) starts here
            continue
        elif _is_date(digits, seps, s):
            s += 3
            continue
        else:
            head = "".join(digits[s:s + 3])[:3]
            if head.startswith("00"):
                end = _window(sums, s, 11, 15, 7) if head[2:3] not in ("", "0") else None
            elif head[1:2] not in ("", "0"):
                end = _window(sums, s, 10, 10, 5)
        if end is not None and not _thousands(digits[s:end], seps[s:end - 1]):
            found.append(starts[s])
            s = end
        else:
            s += 1
    return found


def _phones(text: str) -> list[int]:
    """Offsets of the phone numbers in `text`, digits inside a web address left out."""
    if "http" in text or "www" in text.lower():
        text = WEB_ADDRESS.sub(lambda m: "x" * len(m[0]), text)  # same length: offsets still point into the text
    found = []
    for run in RUN.finditer(text):
        start = run.start()
        plus = text[start - 1:start] == "+" or text[max(start - 2, 0):start] == "+("
        if plus or "0" in run[0]:
            found += _phones_in(run[0], start, plus)
    return found


def _as_read(line: str) -> list[str]:
    """The forms in which a reader may see a line of source: decoded, and decoded without Markdown's inline
    markup and link targets ('06-**1234**5678', '[06](…)12345678')."""
    if "&" in line:
        line = unescape(line)
    if "%" in line:
        line = unquote(line)
    if not line.isascii():
        line = unicodedata.normalize("NFKC", line)
        line = OTHER_DIGIT.sub(lambda m: str(unicodedata.decimal(m[0], 0)), line)
    line = MARKDOWN_ESCAPE.sub(r"\1", line)
    return [line, INLINE_MARKUP.sub("", LINK_TARGET.sub("", line))]


def _line_offsets(text: str, kinds: dict[int, set[str]]) -> dict[int, set[str]]:
    """{offset in text: kinds} → {line offset: kinds}, counting line breaks once, in order."""
    lines: dict[int, set[str]] = {}
    line, position = 0, 0
    for offset in sorted(kinds):
        line += text.count("\n", position, offset)
        position = offset
        lines.setdefault(line, set()).update(kinds[offset])
    return lines


def _to_read(text: str) -> list[tuple[int, str]]:
    """(offset, line) of the lines a reader sees otherwise than they are written: found by one regular expression,
    and, only in a text that is not in NFKC (one C-level test), by testing its lines one by one."""
    lines = {match.start(): match[0] for match in NEEDS_READING.finditer(text) if POSSIBLE.search(match[0])}
    if not text.isascii() and not unicodedata.is_normalized("NFKC", text):
        offset = 0
        for line in text.split("\n"):
            if offset not in lines and not line.isascii() and not unicodedata.is_normalized("NFKC", line):
                lines[offset] = line
            offset += len(line) + 1
    return sorted(lines.items())


def contact_lines(text: str) -> dict[int, set[str]]:
    """{line offset: {'email', 'phone'}} of every line of `text` that holds contact details."""
    at_offsets: dict[int, set[str]] = {}
    for offset in _emails(text):
        at_offsets.setdefault(offset, set()).add("email")
    for offset in _phones(text):
        at_offsets.setdefault(offset, set()).add("phone")
    lines = _line_offsets(text, at_offsets)
    read: dict[int, set[str]] = {}
    for start, line in _to_read(text):
        for form in dict.fromkeys(_as_read(line)):
            if form == line:
                continue
            kinds = ({"email"} if _emails(form) else set()) | ({"phone"} if _phones(form) else set())
            if kinds:
                read.setdefault(start, set()).update(kinds)
    for line, kinds in _line_offsets(text, read).items():
        lines.setdefault(line, set()).update(kinds)
    return lines


# The message for what a line holds.
CONTACT = {frozenset({"email"}): M.CONTACT_EMAIL, frozenset({"phone"}): M.CONTACT_PHONE,
           frozenset({"email", "phone"}): M.CONTACT_BOTH}


def contact_problems(path: str, texts) -> list[Problem]:
    """Contact details in `texts`, pairs of (file line of the text's first line, text), one problem per line."""
    found: dict[int, set[str]] = {}
    for first_line, text in texts:
        for offset, kinds in contact_lines(text).items():
            found.setdefault(first_line + offset, set()).update(kinds)
    lines = sorted(found.items())
    more = M.CONTACT_MORE(more_lines=M.counted(len(lines) - LIMIT, "regel", "regels"))
    return limited(lines, lambda item: CONTACT[frozenset(item[1])].at(Location(path, item[0])), more)


def file_name_problems(path: str, slug: str) -> list[Problem]:
    """The slug of a file name becomes a web address: no phone number there either."""
    if not _phones(slug):
        return []
    return [M.CONTACT_FILE_NAME.at(Location(path, 1))]
