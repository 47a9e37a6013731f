"""Typed entries of the content model.

Every object remembers the file and line it came from, so that any problem found in a later stage (linking,
rendering) can still point an editor at the exact place to fix.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from functools import cached_property

# The card headings of a proposal, in the order they are printed on the card.
CARD_SECTIONS = (
    "Beoogd effect",
    "Waar uit zich het effect",
    "Bijdrage aan weerbaarheid",
    "Eerste stap",
    "Randvoorwaarden",
    "Partijen benodigd bij uitvoering",
    "Partijen die kunnen helpen",
)

KINDS = ("proposals", "ideas", "workshops")

# The sections the generator adds to the page of an entry or an edition, below the file's own text. Their anchors are
# explicit in the templates (`{ #samengevat-in }`), so a heading of the content never takes one; a heading of the
# content with the same name would still read as the generator's section, so the check refuses it.
GENERATED_SECTIONS = {
    "proposals": ("Partijen in het register", "Samengevat in", "Bouwt voort op",
                  "Andere voorstellen bij dezelfde ideeën"),
    "ideas": ("Voorstellen", "Bouwt voort op"),
    "workshops": ("Door", "Voorstellen uit deze workshop", "Verwante ideeën"),
    "editions": ("Bronnen",),
}


@dataclass(frozen=True, order=True)
class Location:
    """A place in a content file: the path relative to the repository root and a 1-based line."""

    path: str
    line: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


# Every problem code; CONTRIBUTING.md explains each one to editors (a test keeps the two in step).
CODES = (
    "yaml-syntax", "missing-key", "unknown-key", "empty-value", "wrong-type", "duplicate-key", "number-mismatch",
    "duplicate-number", "dead-link", "duplicate-link", "unknown-theme", "unknown-category", "unknown-edition",
    "unknown-heading", "duplicate-heading", "unsafe-html", "no-front-matter", "empty-file", "encoding",
    "file-too-large", "bad-path", "bad-file-name", "no-content",
    "title-format",
    "yaml-feature", "too-deep", "too-complex", "not-a-file", "unreadable", "unknown-file", "control-character",
    "multi-line",
    "raw-html", "attribute-list", "admonition", "image",
    "duplicate-party", "duplicate-spelling", "unknown-party", "person-name",
    "duplicate-address", "bad-heading", "contact-details", "look-alike",
    "wrong-key", "wrong-edition", "heading-order", "empty-section", "not-a-list", "bad-step",
)


def dutch_number(n: int) -> str:
    """A number as a Dutch message writes it: 20.000."""
    return f"{n:,}".replace(",", ".")


# A warning is printed by the check but does not fail it: something an editor may decide to leave as it is.
ERROR, WARNING = "error", "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, reported as `path:line: message [code]`."""

    location: Location
    message: str
    code: str
    severity: str = field(default=ERROR, compare=False)

    def __post_init__(self):
        if self.code not in CODES:
            raise ValueError(f"undeclared problem code {self.code!r}: add it to CODES and CONTRIBUTING.md")

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        prefix = "" if self.is_error else "waarschuwing: "  # an editor's word for it (CONTRIBUTING.md)
        return f"{self.location}: {prefix}{self.message} [{self.code}]"


# A file with more problems of one code than this gets the first ones, the last of them saying how many more there
# are: thousands of lines of one message help no one, would take longer to print than the check, and would flood
# the review summary (100,000 setext headings gave 100,000 lines).
LIMIT = 20


def capped(problems) -> list[Problem]:
    """The sorted problems with at most LIMIT per file and code; the LIMIT-th says that more of its kind follow
    (not how many: a rule may stop looking once it has found more than LIMIT)."""
    ordered = sorted(problems)
    total: dict[tuple[str, str], int] = {}
    for problem in ordered:
        key = (problem.location.path, problem.code)
        total[key] = total.get(key, 0) + 1
    kept, seen = [], {}
    for problem in ordered:
        key = (problem.location.path, problem.code)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] == LIMIT and total[key] > LIMIT:
            problem = Problem(problem.location, f"{problem.message} (verderop in dit bestand staan meer meldingen "
                              "met deze code: los eerst deze op)", problem.code, problem.severity)
        if seen[key] <= LIMIT:
            kept.append(problem)
    return kept


class ContentError(Exception):
    """Raised when the content has errors; carries all problems (warnings too), sorted, so they are reported at
    once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def errors(self) -> int:
        return sum(p.is_error for p in self.problems)


@dataclass(frozen=True, order=True)
class Ref:
    """A reference to an entry of a kind by (edition, number): the identity of every entry."""

    edition: int
    kind: str
    number: int

    def __str__(self) -> str:
        return f"{self.edition}/{self.number}"


@dataclass(frozen=True)
class Link:
    """A declared link to another entry, with the front matter line it was written on (for dead-link reports)."""

    target: Ref
    line: int


@dataclass
class Section:
    """A `## heading` of an entry's body and the Markdown under it."""

    heading: str
    text: str
    line: int


@dataclass(eq=False)
class Entry:
    """What every kind shares: identity, title, source location, discrepancy notes and the Markdown body."""

    edition: int
    number: int
    title: str
    slug: str
    location: Location
    discrepancies: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    intro: str = ""
    key_lines: dict[str, int] = field(default_factory=dict)

    kind = ""

    def at(self, key: str) -> Location:
        """Where a front matter key was written; the file's first line if it was not."""
        return Location(self.location.path, self.key_lines.get(key, 1))

    @property
    def ref(self) -> Ref:
        return Ref(self.edition, self.kind, self.number)

    @property
    def source_path(self) -> str:
        return self.location.path

    @cached_property
    def page(self) -> str:
        """The generated page, relative to the docs directory; it mirrors the source file name."""
        return f"{SECTION_DIRS[self.kind]}/{self.edition}/{posixpath.basename(self.location.path)}"

    @property
    def label(self) -> str:
        return f"{self.number}. {self.title}"


# The outcome headings of a workshop (issue 28), each optional, in this order after the programme text. "Verslag" is
# prose; the others are lists, and a follow-up step says who does what ("- Gemeenten: wijzen een locatie aan.").
OUTCOME_SECTIONS = ("Verslag", "Belangrijkste inzichten", "Aanbevelingen", "Vervolgstappen")
STEPS = "Vervolgstappen"


@dataclass(eq=False)
class Proposal(Entry):
    kind = "proposals"
    summary: str | None = None
    theme: str = ""
    group: int | None = None
    volunteers: int | str | None = None
    idea_links: list[Link] = field(default_factory=list)
    # `workshop: N`: the workshop of its own edition it came from (editions whose workshops are entries).
    workshop_link: Link | None = None
    # `verwante_ideeen`: ideas of an earlier edition it builds on ("2025/14").
    related_links: list[Link] = field(default_factory=list)
    # Filled in by the link stage.
    ideas: list["Idea"] = field(default_factory=list)
    workshop: "Workshop | None" = None
    related_ideas: list["Idea"] = field(default_factory=list)


@dataclass(eq=False)
class Idea(Entry):
    kind = "ideas"
    category: str = ""
    subcategory: str | None = None
    # `verwante_ideeen`: ideas of an earlier edition it builds on.
    related_links: list[Link] = field(default_factory=list)
    related_ideas: list["Idea"] = field(default_factory=list)
    # Derived by the link stage (back-links).
    proposals: list[Proposal] = field(default_factory=list)
    workshops: list["Workshop"] = field(default_factory=list)
    # Every workshop, proposal and idea of a later edition whose `verwante_ideeen` names this idea, sorted by
    # (edition, kind, number): what became of it.
    followups: list[Entry] = field(default_factory=list)

    def followups_by_edition(self) -> list[tuple[int, list[Entry]]]:
        """The follow-ups grouped per later edition, in order."""
        editions: dict[int, list[Entry]] = {}
        for entry in self.followups:
            editions.setdefault(entry.edition, []).append(entry)
        return sorted(editions.items())

    @property
    def volunteers(self) -> "VolunteerSum":
        """Volunteers behind the idea: the numeric counts of its proposals, summed, and how many are unknown."""
        return VolunteerSum.of(self.proposals)


@dataclass(frozen=True)
class VolunteerSum:
    """A sum of volunteers over proposals that keeps unknown apart from zero: a proposal without a number (none
    recorded, or only words) adds nothing to `total` and counts in `unknown`; `total` is None when no proposal
    has a number."""
    total: int | None
    known: int
    proposals: int

    @classmethod
    def of(cls, proposals: list[Proposal]) -> "VolunteerSum":
        numbers = [p.volunteers for p in proposals if isinstance(p.volunteers, int)]
        return cls(sum(numbers) if numbers else None, len(numbers), len(proposals))

    @property
    def unknown(self) -> int:
        return self.proposals - self.known


@dataclass
class Leader:
    name: str
    role: str | None = None
    organisation: str | None = None
    line: int = 1  # where `organisatie` (else the leader) is written, for the party check


@dataclass
class Step:
    """One item of a workshop's `## Vervolgstappen`: who does what, where it is written; `parties` are the
    register's parties that `who` names (filled in by the party stage, like a card's party lines)."""

    who: str
    what: str
    line: int
    parties: list = field(default_factory=list)


@dataclass(eq=False)
class Workshop(Entry):
    kind = "workshops"
    leaders: list[Leader] = field(default_factory=list)
    related_links: list[Link] = field(default_factory=list)
    related_ideas: list[Idea] = field(default_factory=list)
    participants: int | None = None  # `deelnemers`
    steps: list[Step] = field(default_factory=list)  # parsed from `## Vervolgstappen`
    # Derived by the link stage: the proposals whose `workshop` is this one.
    proposals: list[Proposal] = field(default_factory=list)

    @property
    def description(self) -> str:
        return self.intro

    @property
    def programme(self) -> list[Section]:
        """The sections of the programme text (before the outcomes)."""
        return [s for s in self.sections if s.heading not in OUTCOME_SECTIONS]

    @property
    def outcomes(self) -> list[Section]:
        """The outcome sections, in the declared order (validation refuses another order or a duplicate)."""
        return [s for s in self.sections if s.heading in OUTCOME_SECTIONS]

    @property
    def has_outcomes(self) -> bool:
        return bool(self.outcomes) or self.participants is not None


@dataclass
class Category:
    slug: str
    name: str
    subcategories: list["Category"] = field(default_factory=list)
    location: Location | None = None  # where its `slug` is written (a category's and a theme's slug is a path)


@dataclass
class Edition:
    """One symposium: its date, title, introduction and the allow-lists its entries refer to."""

    year: int
    title: str
    date: str
    location: Location
    intro: str = ""
    sources: list[str] = field(default_factory=list)
    discrepancies: list[str] = field(default_factory=list)
    themes: list[Category] = field(default_factory=list)
    categories: list[Category] = field(default_factory=list)

    @property
    def page(self) -> str:
        return f"edities/{self.year}.md"

    def theme(self, slug: str) -> Category | None:
        return next((t for t in self.themes if t.slug == slug), None)

    def category(self, slug: str) -> Category | None:
        return next((c for c in self.categories if c.slug == slug), None)


SECTION_DIRS = {"proposals": "voorstellen", "ideas": "ideeen", "workshops": "workshops"}


@dataclass
class Catalog:
    """Everything that was loaded, sorted by (edition, number) so that every output is deterministic."""

    editions: list[Edition] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    ideas: list[Idea] = field(default_factory=list)
    workshops: list[Workshop] = field(default_factory=list)
    # The register of parties and the derived layer (generator/content/parties.py): entry ref → its matched party lines.
    parties: list = field(default_factory=list)
    party_lines: dict = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Entry]:
        return getattr(self, kind)

    def edition(self, year: int) -> Edition | None:
        return next((e for e in self.editions if e.year == year), None)

    def sort(self) -> None:
        self.editions.sort(key=lambda e: e.year)
        for kind in KINDS:
            self.of_kind(kind).sort(key=lambda e: (e.edition, e.number))
