"""Parties: the curated register (`content/partijen.yml`) and the derived layer that links entries to it.

The cards name who must act ("Partijen benodigd bij uitvoering", "Partijen die kunnen helpen") and the workshops
who leads them, as free text. The register lists every party once, with the spellings that mean it; this module
matches every party line against those spellings (whole words, ignoring case, diacritics and punctuation) and
derives, per party, the proposals and workshops that name it. The card text itself is never changed.

Look-alikes are refused [look-alike]: a spelling that a reader cannot tell from another one of the register (the
same skeleton, Unicode's UTS #39 confusable mapping, from the maintained `disarm` library) but that is written with
other characters (`Gеmееnten` with Cyrillic е) would show a second "Gemeenten"; a card line written like that would
silently name no party. (The privacy rule on `vrijwilligers` lives in privacy.py: the register cannot widen it.)
"""
from __future__ import annotations

import difflib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import disarm
import yaml

from . import messages as M
from .invisible import format_problems, named
from .load import RawFile, RefusedYAML, _index_lines, content_root_problem, file_problem, parse_yaml, read_text
from .model import LIMIT, WARNING, Catalog, Entry, Location, Problem, Step
from .privacy import contact_problems
from .schema import PARTY_KINDS
from .validate import _strings, markup_problems, schema_problems
from .yaml_advice import yaml_problem

REGISTER = "partijen.yml"
NEEDED, HELPS, LEADS = "benodigd", "kan helpen", "leidt workshop"
# A follow-up step of a workshop's `## Vervolgstappen` (issue 28): its `who` is matched like a party line.
STEP = "vervolgstap"
# The card sections that hold party lines, and the role a party named there has.
ROLES = {"Partijen benodigd bij uitvoering": NEEDED, "Partijen die kunnen helpen": HELPS}
APOSTROPHES = re.compile(r"['’‘`´]")
WORD = re.compile(r"[^\W_]+")
LIST_MARKER = re.compile(r"^(?:[-*+]|[0-9]+[.)])\s+")
# The "bedoelt u …?" search compares pieces of a line that names no party with the register's spellings (difflib).
# Bounded, because a pull request can hold a register of 50,000 spellings and a card of 15,000 such lines (that ran
# for more than 600 s): a piece is compared with at most MAX_CANDIDATES spellings (those of the same first letter
# whose length allows a ratio of 0.85, the nearest lengths first; the real register has at most 12 such for any
# piece), only lines of at most MAX_SUGGEST_WORDS words are searched (the real content's longest such line has 15:
# a longer one is a sentence, not a name), and at most MAX_SUGGESTED_LINES lines per file (the real content has 6).
# `check --parties` still lists every line that names no party.
CUTOFF = 0.85
MAX_CANDIDATES = 50
MAX_SUGGEST_WORDS = 30
MAX_SUGGESTED_LINES = LIMIT  # no more than the check prints of one code per file (model.capped)


@dataclass(eq=False)
class Party:
    """One party of the register, with what the derived layer found for it."""

    slug: str
    name: str
    kind: str
    spellings: list[str]
    location: Location
    lines: list["PartyLine"] = field(default_factory=list)
    slug_at: Location | None = None  # where `slug` is written: the slug is the party page's path
    # The follow-up steps that name this party, (workshop, step), by workshop (edition, number) and then in the
    # order of the workshop's list. Kept apart from `lines`, which hold the cards' lines and the workshops a
    # party leads (`entries("workshops")` stays "the workshops it leads").
    steps: list[tuple[Entry, Step]] = field(default_factory=list)

    @property
    def page(self) -> str:
        return f"partijen/{self.slug}.md"

    def of_role(self, role: str) -> list["PartyLine"]:
        return [line for line in self.lines if line.role == role]

    def by_entry(self, role: str) -> list[tuple[Entry, list[str]]]:
        """Per entry that names this party in a role, the verbatim lines (one entry can name it twice). The lines
        are sorted by entry, so an entry's lines are neighbours."""
        grouped: list[tuple[Entry, list[str]]] = []
        for line in self.of_role(role):
            if grouped and grouped[-1][0] is line.entry:
                grouped[-1][1].append(line.text)
            else:
                grouped.append((line.entry, [line.text]))
        return grouped

    def entries(self, kind: str) -> list[Entry]:
        """The distinct proposals or workshops that name this party, sorted by (edition, number)."""
        found: list[Entry] = []
        for line in self.lines:
            if line.entry.kind == kind and not (found and found[-1] is line.entry):
                found.append(line.entry)
        return found


@dataclass(eq=False)
class PartyLine:
    """One line of a party section (or one leader's organisation) and the parties it names, sorted by slug.

    `where` is (file, line, offset): the line of a leader's organisation (offset -1), or the heading line of a
    card section and the line's offset in the section's text. The file line of the latter is looked up only when
    it is reported (`location`): reading every card a second time would cost a tenth of the check."""

    entry: Entry
    role: str
    text: str
    where: tuple[str, int, int]
    sources: "Sources"
    parties: list[Party] = field(default_factory=list)
    leader: int | None = None
    step: Step | None = None  # the follow-up step whose `who` this line is (role STEP)

    @cached_property
    def location(self) -> Location:
        path, line, offset = self.where
        return Location(path, line if offset < 0 else self.sources.first_text_line(path, line) + offset)


class Sources:
    """The content files' lines as the loader numbered them, read once each and only when a line is reported."""

    def __init__(self, root: Path):
        self.root = root
        self.lines: dict[str, list[str]] = {}

    def first_text_line(self, path: str, heading_line: int) -> int:
        """Where a section's (stripped) text starts: the first non-blank line after its heading."""
        if path not in self.lines:
            text = (self.root / path).read_text(encoding="utf-8-sig")
            self.lines[path] = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        source, line = self.lines[path], heading_line + 1
        while line <= len(source) and not source[line - 1].strip():
            line += 1
        return line


def _words(text: str) -> list[re.Match]:
    """The words of a text with diacritics and apostrophes removed (Veiligheidsregio’s → Veiligheidsregios)."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return list(WORD.finditer(APOSTROPHES.sub("", text)))


def normalise(text: str) -> tuple[str, ...]:
    """What matching compares: lower-case words without diacritics or punctuation."""
    return tuple(m[0].casefold() for m in _words(text))


def looks(text: str) -> tuple[str, ...]:
    """What a reader sees: the words of the UTS #39 skeleton (Cyrillic е is e, Greek Ο is o, a capital I is l),
    normalised like a spelling. Two texts that look alike have the same `looks`."""
    return normalise(disarm.skeleton_key(text))


def odd_characters(*texts: str) -> str:
    """The characters of `texts` that are not (accented) Latin letters, digits or punctuation, for a message."""
    odd = dict.fromkeys(c for text in texts for c in text if not c.isascii()
                        and not unicodedata.normalize("NFKD", c)[0].isascii())
    return ", ".join(f"'{c}' {named(c)}" for c in list(odd)[:5])


class Matcher:
    """Leftmost-longest whole-word matching of every spelling of the register: one dictionary look-up per word.
    `key` is what is compared: the normalised words, or (for the look-alike check) the words of the skeleton."""

    def __init__(self, parties: list[Party], key=normalise):
        self.key = key
        self.by_first: dict[str, list[tuple[tuple[str, ...], Party]]] = {}
        self.spellings: dict[str, str] = {}  # normalised → as written, for "bedoelt u …?"
        for party in parties:
            for spelling in party.spellings:
                words = key(spelling)
                if words:
                    self.by_first.setdefault(words[0], []).append((words, party))
                    self.spellings.setdefault(" ".join(words), spelling)
        for candidates in self.by_first.values():
            candidates.sort(key=lambda c: -len(c[0]))
        # The spellings of 4 characters or more, by first character and by length, in register order.
        self.known: dict[str, dict[int, list[str]]] = {}
        for spelling in self.spellings:
            if len(spelling) >= 4:
                self.known.setdefault(spelling[0], {}).setdefault(len(spelling), []).append(spelling)
        # Cards repeat the same lines ("Gemeente", "Defensie"): each text is matched once.
        self.found: dict[str, list[Party]] = {}
        self.closest: dict[tuple[str, ...], str | None] = {}
        self.close_pieces: dict[str, str | None] = {}

    def spans(self, words: tuple[str, ...]) -> list[tuple[int, int, Party]]:
        """(start, end, party) of every match, left to right; a longer spelling wins over a shorter one inside it."""
        found, i = [], 0
        while i < len(words):
            match = next(((len(w), p) for w, p in self.by_first.get(words[i], ()) if words[i:i + len(w)] == w), None)
            if match:
                found.append((i, i + match[0], match[1]))
                i += match[0]
            else:
                i += 1
        return found

    def parties(self, text: str) -> list[Party]:
        if text not in self.found:
            found = {p.slug: p for _, _, p in self.spans(self.key(text))}
            self.found[text] = [found[slug] for slug in sorted(found)]
        return self.found[text]

    def close(self, words: tuple[str, ...]) -> str | None:
        """A known spelling close to a run of up to three words of an unmatched line, for the warning (cached:
        many cards repeat the same line)."""
        if words not in self.closest:
            self.closest[words] = self._close(words) if len(words) <= MAX_SUGGEST_WORDS else None
        return self.closest[words]

    def searched(self, words: tuple[str, ...]) -> bool:
        """Has `close` already answered for these words (then asking again costs nothing)?"""
        return words in self.closest

    def _close(self, words: tuple[str, ...]) -> str | None:
        # A typo seldom changes the first letter: requiring it keeps 'Werknemers' from suggesting 'Werkgevers'.
        for size in (3, 2, 1):
            for start in range(len(words) - size + 1):
                gram = " ".join(words[start:start + size])
                if gram not in self.close_pieces:
                    self.close_pieces[gram] = self._closest(gram)
                if self.close_pieces[gram]:
                    return self.spellings[self.close_pieces[gram]]
        return None

    def _closest(self, gram: str) -> str | None:
        """difflib's closest spelling at CUTOFF, among the spellings whose length can reach it: 2·min/(sum of the
        lengths) is an upper bound of the ratio (difflib's own `real_quick_ratio`), so no other could match."""
        if len(gram) < 4:
            return None
        by_length = self.known.get(gram[0], {})
        lengths = [n for n in by_length if 2 * min(n, len(gram)) >= CUTOFF * (n + len(gram)) - 1e-9]
        candidates: list[str] = []
        for n in sorted(lengths, key=lambda n: (abs(n - len(gram)), n)):
            candidates += by_length[n][:MAX_CANDIDATES - len(candidates)]
            if len(candidates) >= MAX_CANDIDATES:
                break
        close = difflib.get_close_matches(gram, candidates, n=1, cutoff=CUTOFF)
        return close[0] if close else None


def load_register(content: Path) -> tuple[list[Party], list[Problem]]:
    """Read and check `content/partijen.yml`; no file means an empty register."""
    path = content / REGISTER
    rel = f"{content.name}/{REGISTER}"
    refused = content_root_problem(content)
    if refused is None and not os.path.lexists(path):
        return [], []
    # The loader's rules, before anything opens the file: never through a link out of content/, never a FIFO.
    refused = refused or file_problem(path, rel, os.path.realpath(content))
    if refused is not None:
        return [], [refused]
    text, problem = read_text(path, rel)  # the loader's safe read: no FIFO, size limit, UTF-8, no control characters
    if problem is not None:
        return [], [problem]
    try:
        node, data = parse_yaml(text)
    except RefusedYAML as error:
        return [], [Problem(Location(rel, error.line), error.problem, error.code)]
    except yaml.YAMLError as error:  # the advice of the front matter: the register is YAML from its first line
        return [], [yaml_problem(error, text, rel)]
    if not isinstance(data, dict):
        return [], [M.REGISTER_NOT_A_LIST.at(Location(rel))]
    lines: dict[tuple, int] = {}
    raw = RawFile("parties", rel, None, None, "partijen", data, lines)
    problems = _index_lines(node, (), lines, rel) + schema_problems(raw) + markup_problems(raw)
    if problems:
        return [], problems
    texts = [(raw.line(*path), text) for path, text in _strings(data)]
    problems = format_problems(rel, texts) + contact_problems(rel, texts)
    parties, by_slug, by_spelling, candidates = [], {}, {}, []
    for i, item in enumerate(data["partijen"]):
        party = Party(item["slug"], item["naam"], item["soort"], [], raw.at("partijen", i),
                      slug_at=raw.at("partijen", i, "slug"))
        if party.slug in by_slug:
            problems.append(M.DUPLICATE_PARTY.at(raw.at("partijen", i, "slug"), slug=party.slug,
                                                 other_line=by_slug[party.slug].location.line))
            continue
        by_slug[party.slug] = party
        for j, spelling in enumerate([party.name, *item.get("schrijfwijzen", [])]):
            key = " ".join(normalise(spelling))
            where = raw.at("partijen", i, "schrijfwijzen", j - 1) if j else raw.at("partijen", i, "naam")
            other = by_spelling.get(key)
            if other is not None and other is not party:
                problems.append(M.DUPLICATE_SPELLING.at(where, spelling=spelling, slug=party.slug,
                                                        other_slug=other.slug, other_line=other.location.line))
                continue
            by_spelling[key] = party
            candidates.append(Candidate(party, spelling, where, key, " ".join(looks(spelling))))
        parties.append(party)
    problems += _assign_spellings(candidates)
    return sorted(parties, key=lambda p: (PARTY_KINDS.index(p.kind), p.name.casefold(), p.slug)), problems


def party_lines(catalog: Catalog, root: Path) -> list[PartyLine]:
    """Every party line of every proposal (one list item or line of the section text), every leader's
    organisation and the `who` of every follow-up step of a workshop."""
    found, sources = [], Sources(root)
    for proposal in catalog.proposals:
        for section in proposal.sections:
            if section.heading not in ROLES:
                continue
            for offset, line in enumerate(section.text.split("\n")):
                text = LIST_MARKER.sub("", line.strip())
                if text:
                    found.append(PartyLine(proposal, ROLES[section.heading], text,
                                           (proposal.location.path, section.line, offset), sources))
    for workshop in catalog.workshops:
        for index, leader in enumerate(workshop.leaders):
            if leader.organisation:
                found.append(PartyLine(workshop, LEADS, leader.organisation,
                                       (workshop.location.path, leader.line, -1), sources, leader=index))
        for step in workshop.steps:
            found.append(PartyLine(workshop, STEP, step.who, (workshop.location.path, step.line, -1), sources,
                                   step=step))
    return found


def attach(catalog: Catalog, parties: list[Party], root: Path, checked: bool = True) -> list[Problem]:
    """The derived layer: match every party line, fill `catalog.parties` and `catalog.party_lines`; warn about an
    unmatched line that is close to a known spelling, and refuse a line that names a party only by its look. Both
    checks need the register: while it has problems of its own (`checked` false) they wait, rather than report
    lines it would have matched."""
    matcher, looks_matcher = Matcher(parties), None
    catalog.parties = parties
    problems = []
    # The lines come in catalog order (proposals, then workshops, each by edition and number), so every list
    # built here is sorted and an entry's lines are neighbours, without a sort.
    entry, lines = None, []
    searched: dict = {}  # per entry: how many lines it had searched for "bedoelt u" (MAX_SUGGESTED_LINES)
    for line in party_lines(catalog, root):
        line.parties = matcher.parties(line.text)
        if line.entry is not entry:
            entry, lines = line.entry, catalog.party_lines.setdefault(line.entry.ref, [])
        lines.append(line)
        if line.step is not None:
            line.step.parties = line.parties
        for party in line.parties:
            if line.step is not None:
                party.steps.append((line.entry, line.step))
            else:
                party.lines.append(line)
        spoofed = []
        if checked and not line.text.isascii():
            spoofed = look_alike_lines(line, looks_matcher or (looks_matcher := Matcher(parties, looks)))
            problems += spoofed
        close = None
        if not line.parties and not spoofed and checked:
            words = normalise(line.text)
            if matcher.searched(words) or searched.get(line.entry, 0) < MAX_SUGGESTED_LINES:
                searched[line.entry] = searched.get(line.entry, 0) + (not matcher.searched(words))
                close = matcher.close(words)
        if close:
            problems.append(M.UNKNOWN_PARTY.at(line.location, WARNING, party_line=line.text, known_spelling=close))
    return problems


@dataclass
class Candidate:
    """A spelling of the register before it is accepted: its party, line, normalised words and look."""

    party: Party
    spelling: str
    where: Location
    key: str
    look: str


def _assign_spellings(candidates: list[Candidate]) -> list[Problem]:
    """Give every party its spellings, in file order, except look-alikes: of the spellings with one look (the same
    skeleton) but other words, the original is the first written in plain characters (else the first), and each
    other one is refused. Variants with the same words (VNO-NCW, VNO/NCW) are kept."""
    originals: dict[str, Candidate] = {}
    for candidate in candidates:
        first = originals.get(candidate.look)
        if first is None or (odd_characters(first.spelling) and not odd_characters(candidate.spelling)):
            originals[candidate.look] = candidate
    problems = []
    for candidate in candidates:
        original = originals[candidate.look]
        if original.key != candidate.key:
            problems.append(_look_alike(candidate, original))
        elif candidate.spelling not in candidate.party.spellings:
            candidate.party.spellings.append(candidate.spelling)
    return problems


def _look_alike(candidate: Candidate, original: Candidate) -> Problem:
    spelling, party, other = candidate.spelling, candidate.party, original.spelling
    whose = M.SAME_PARTY() if original.party is party else M.OTHER_PARTY(other_slug=original.party.slug)
    odd = odd_characters(spelling, other)
    fields = dict(spelling=spelling, slug=party.slug, other_spelling=other, whose=whose,
                  other_line=original.where.line)
    if odd:
        return M.LOOK_ALIKE_SPELLING.at(candidate.where, odd=odd, **fields)
    return M.LOOK_ALIKE_SPELLING_PLAIN.at(candidate.where, **fields)


def look_alike_lines(line: PartyLine, looks_matcher: Matcher) -> list[Problem]:
    """A party line that names a party only by its look (`Gеmееnten` with Cyrillic е) would count for no party:
    an error that says which characters are of another script."""
    found = {p.slug for p in line.parties}
    spoofed = [p for p in looks_matcher.parties(line.text) if p.slug not in found]
    if not spoofed:
        return []
    names = ", ".join(f"'{p.name}'" for p in spoofed)
    odd = odd_characters(line.text)
    if odd:
        return [M.LOOK_ALIKE_LINE.at(line.location, party_line=line.text, names=names, odd=odd)]
    return [M.LOOK_ALIKE_LINE_PLAIN.at(line.location, party_line=line.text, names=names)]


def unmatched(catalog: Catalog) -> list[PartyLine]:
    """The party lines that name no registered party, in file order (for `check --parties`)."""
    lines = [line for lines in catalog.party_lines.values() for line in lines if not line.parties]
    return sorted(lines, key=lambda x: (x.where[0], x.location))
