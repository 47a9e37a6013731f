"""Privacy: no contact details anywhere in content, and `vrijwilligers` names no one.

Everything in `content/` is published: on the pages, in the open data and in the search index. The source gives no
contact details and left the volunteers' names out on purpose, so two rules hold for every text of every file:

- **No e-mail address or phone number** in any front matter value, in the body or in the register
  [contact-details]. An e-mail address is `local@domain.tld` (also written `(at)`, `[at]`, with entities,
  percent-escapes, full-width or Markdown escapes: the text is read as a reader sees it). A phone number must have
  a phone number's shape, so that dates, years, counts, postcodes, "112" and "72-uurs" pass: a Dutch number
  (a `0`, not `00`, and ten digits in at most five groups: `06-12345678`, `010 123 45 67`, `(020) 1234567`), an
  international one (`+` and 8–15 digits in at most seven groups, or `00`, a country code and 11–15 digits:
  `+31 6 1234 5678`, `+31 (0)20 123 4567`, `0044 20 7946 0958`). Groups are digits joined by at most three of
  space, `.`, `-`, `/`, dashes, brackets and one line break (a Markdown paragraph runs on over a line end). Not a
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

import html
import re
import unicodedata
from urllib.parse import unquote

from .model import Location, Problem

# --- vrijwilligers -----------------------------------------------------------------------------------------------

# The words of the three texts the cards give instead of a number ("Wie niet?! ☺", "TNO zou dit kunnen prima
# coordineren", "Iedereen aan tafel (Havenbedrijf Rotterdam o.a.)"), and words that give a count or say that none
# is known. Lower case, without accents (compared after folding both). CONTRIBUTING.md lists them (a test keeps the
# two in step); a word is added here, in a reviewed change of the generator, never by content.
SOURCE_WORDS = ("aan", "coordineren", "dit", "havenbedrijf", "iedereen", "kunnen", "niet", "o.a", "prima",
                "rotterdam", "tafel", "tno", "wie", "zou")
COUNT_WORDS = ("alle", "allemaal", "bekend", "ca", "circa", "dan", "de", "deelnemers", "drie", "een", "en", "enkele",
               "geen", "honderd", "honderden", "hooguit", "maximaal", "meer", "mensen", "minder", "minimaal",
               "minstens", "misschien", "mogelijk", "n.v.t", "nader", "nee", "negen", "niemand", "nog", "nvt", "of",
               "ongeveer", "onbekend", "ook", "paar", "per", "tien", "tientallen", "tot", "twee", "veel", "vele",
               "vier", "vijf", "vrijwilligers", "wel", "zeker", "zes", "zeven", "acht")
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
    refused: list[str] = []
    for match in TOKEN.finditer(folded):
        if match[0] in VOLUNTEER_WORDS or NUMBER.fullmatch(match[0]):
            continue
        word = match[0] if len(folded) != len(text) else text[match.start():match.end()]
        if word not in refused:
            refused.append(word)
    return refused


def volunteer_problems(path: str, line: int, value) -> list[Problem]:
    if not isinstance(value, str):
        return []
    words = refused_words(value)
    if not words:
        return []
    listed = ", ".join(f"'{word}'" for word in words[:10]) + (", …" if len(words) > 10 else "")
    return [Problem(Location(path, line), "bij 'vrijwilligers' hoort het aantal vrijwilligers, nooit een naam: de "
                    "bron liet de namen bewust weg om de privacy van de vrijwilligers te beschermen. Als tekst mag hier "
                    "alleen iets staan dat niemand noemt, met woorden uit de lijst in CONTRIBUTING.md (zoals "
                    f"'ongeveer', 'onbekend' of 'Wie niet?!') en getallen; deze woorden staan er niet in: {listed}. "
                    "Schrijf het aantal (bijvoorbeeld 'vrijwilligers: 2') of laat de regel weg.", "person-name")]


# --- contact details ---------------------------------------------------------------------------------------------

# '@' or a spelled-out one ('(at)', '[at]', '{apenstaartje}'), then a domain with at least one dot (or '(dot)',
# '[punt]') and a top-level domain of letters; the local part needs one character before it.
AT = re.compile(r"\s?(?:@|[\[({]\s?(?:at|apenstaartje)\s?[\])}])\s?", re.IGNORECASE)
DOMAIN = re.compile(r"(?:[\w-]+(?:\.|\s?[\[({]\s?(?:dot|punt)\s?[\])}]\s?))+[^\W\d_]{2,}", re.IGNORECASE)
LOCAL = re.compile(r"[\w.%+!#$&'*/=?^`{|}~-]")
GROUP = re.compile(r"[0-9]+")
JOINERS = frozenset(" \t.-/()\n\u2010\u2011\u2012\u2013\u2014\u2015\u2212")
WEB_ADDRESS = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]]*", re.IGNORECASE)
# What a reader sees differently from the source: entities, percent-escapes, Markdown escapes and inline markup,
# compatibility forms and digits of other scripts. Lines with none of these are read as they are.
NEEDS_READING = re.compile(r"^.*?[&%\\*_`~\[\]\u0080-\U0010ffff].*$", re.MULTILINE)
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


def _is_date(groups: list[tuple[int, str]], text: str, s: int) -> bool:
    """Do groups s, s+1, s+2 read as day-month-year (one separator twice, a year 1900–2099)?"""
    if s + 2 >= len(groups):
        return False
    (a, day), (b, month), (c, year) = groups[s:s + 3]
    first, second = text[a + len(day):b], text[b + len(month):c]
    return (first == second and len(first) == 1 and len(day) <= 2 and len(month) <= 2 and len(year) == 4
            and 1 <= int(day) <= 31 and 1 <= int(month) <= 12 and year[:2] in ("19", "20"))


def _thousands(groups: list[tuple[int, str]], text: str) -> bool:
    """1.000.000 or 10,000,000: one separator, '.' or ',', before every group of three digits."""
    seps = {text[a + len(d):b] for (a, d), (b, _) in zip(groups, groups[1:])}
    return len(groups) > 1 and seps <= {".", ","} and len(seps) == 1 and all(len(d) == 3 for _, d in groups[1:])


def _is_phone(digits: str, plus: bool, count: int) -> bool:
    if plus:
        return digits[0] != "0" and 8 <= len(digits) <= 15 and count <= 7
    if digits.startswith("00"):
        return digits[2:3] not in ("", "0") and 11 <= len(digits) <= 15 and count <= 7
    return digits[0] == "0" and digits[1:2] != "0" and len(digits) == 10 and count <= 5


def _phones_in(groups: list[tuple[int, str]], text: str) -> list[int]:
    """Offsets of the phone numbers in one run of joined digit groups: from each group, windows of up to seven
    groups (at most 15 digits); the groups of a date start none."""
    found, s = [], 0
    while s < len(groups):
        if _is_date(groups, text, s):
            s += 3
            continue
        digits, end, start = "", None, groups[s][0]
        plus = text[start - 1:start] == "+" or text[max(start - 2, 0):start] == "+("
        for e in range(s, min(s + 7, len(groups))):
            digits += groups[e][1]
            if len(digits) > 15:
                break
            if _is_phone(digits, plus, e - s + 1) and not _thousands(groups[s:e + 1], text):
                end = e
                break
        if end is None:
            s += 1
        else:
            found.append(start)
            s = end + 1
    return found


def _phones(text: str) -> list[int]:
    """Offsets of the phone numbers in `text`: runs of digit groups, each window of up to seven groups tried."""
    if "http" in text or "www" in text.lower():
        text = WEB_ADDRESS.sub(lambda m: "x" * len(m[0]), text)  # same length: offsets still point into the text
    found, run, previous = [], [], 0
    for match in GROUP.finditer(text):
        between = text[previous:match.start()]
        if run and not (0 < len(between) <= 3 and between.count("\n") <= 1 and JOINERS.issuperset(between)):
            found += _phones_in(run, text)
            run = []
        run.append((match.start(), match[0]))
        previous = match.end()
    return found + _phones_in(run, text)


def _as_read(line: str) -> list[str]:
    """The forms in which a reader may see a line of source: decoded, and decoded without Markdown's inline
    markup and link targets ('06-**1234**5678', '[06](…)12345678')."""
    if "&" in line:
        line = html.unescape(line)
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


def contact_lines(text: str) -> dict[int, set[str]]:
    """{line offset: {'email', 'phone'}} of every line of `text` that holds contact details."""
    at_offsets: dict[int, set[str]] = {}
    for offset in _emails(text):
        at_offsets.setdefault(offset, set()).add("email")
    for offset in _phones(text):
        at_offsets.setdefault(offset, set()).add("phone")
    lines = _line_offsets(text, at_offsets)
    read: dict[int, set[str]] = {}
    for match in NEEDS_READING.finditer(text):
        for form in dict.fromkeys(_as_read(match[0])):
            if form == match[0]:
                continue
            kinds = ({"email"} if _emails(form) else set()) | ({"phone"} if _phones(form) else set())
            if kinds:
                read.setdefault(match.start(), set()).update(kinds)
    for line, kinds in _line_offsets(text, read).items():
        lines.setdefault(line, set()).update(kinds)
    return lines


WHAT = {frozenset({"email"}): "een e-mailadres", frozenset({"phone"}): "een telefoonnummer",
        frozenset({"email", "phone"}): "een e-mailadres en een telefoonnummer"}


def contact_message(kinds: set[str], where: str = "deze regel") -> str:
    what = WHAT[frozenset(kinds)]
    return (f"{where} bevat {what}. Contactgegevens horen niet in de inhoud: alles hier wordt openbaar (op de "
            "pagina's, in de open data en in de zoekfunctie), en de bron noemt geen contactgegevens. Haal "
            f"{'ze' if len(kinds) > 1 else 'het'} weg; wie iemand wil bereiken, loopt via de organisatie.")


def contact_problems(path: str, texts) -> list[Problem]:
    """Contact details in `texts`, pairs of (file line of the text's first line, text), one problem per line."""
    found: dict[int, set[str]] = {}
    for first_line, text in texts:
        for offset, kinds in contact_lines(text).items():
            found.setdefault(first_line + offset, set()).update(kinds)
    return [Problem(Location(path, line), contact_message(kinds), "contact-details")
            for line, kinds in sorted(found.items())]


def file_name_problems(path: str, slug: str) -> list[Problem]:
    """The slug of a file name becomes a web address: no phone number there either."""
    if not _phones(slug):
        return []
    return [Problem(Location(path, 1), contact_message({"phone"}, "de bestandsnaam") + " Hernoem het bestand.",
                    "contact-details")]
