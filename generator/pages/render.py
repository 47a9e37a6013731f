"""Stage 4: render every generated page from a small Jinja template.

Pages are Markdown for MkDocs; each template gets the catalog, the page's own path (for relative links) and its
subject. Output is a dict {path: text}, sorted, so two runs give identical bytes.
"""
from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..content import messages as M
from ..content.markup import NESTED_HEADING, UNDERLINE
from ..content.model import CARD_SECTIONS, KINDS, Catalog, Edition, Idea, Location, Problem, Proposal, VolunteerSum
from ..content.model import CARD_SECTIONS, KINDS, STEPS, Catalog, Edition, Idea, Location, Problem, Proposal, VolunteerSum
from ..content.schema import PARTY_KINDS
from ..content.schema import PARTY_KINDS
from .matrix import matrix_list, matrix_table

MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}])")
# An ATX heading as Python-Markdown reads one: one to six "#" at the start of a line, with or without a space
# after them ("#kop" is a heading too).
HEADING_LINE = re.compile(r"^(#{1,6})", re.M)
UNDERLINE_START = re.compile(f"^(?={UNDERLINE.pattern.removeprefix('^')})", re.M)
LINE_BREAK = re.compile(r"\s*\n\s*")
BLOCK_START = re.compile(r"^([#>!])")


def one_line(text) -> str:
    """Content text on one line: a newline in it must not start a heading, a list or a new block of the page."""
    text = str(text)
    return LINE_BREAK.sub(" ", text).strip() if "\n" in text else text.strip()


def inline(text) -> str:
    """Content text placed inside Markdown syntax (a heading, a link text): escaped, so it stays text; braces too,
    so that it cannot end in an attribute list (`{: #__config }`), and on one line. `&` and `<` are written as
    entities, so that the HTML spells exactly the characters typed: a character reference in the text (`&lt;`)
    shows as typed, and the page title MkDocs takes from a heading is HTML text that no entity turns into markup
    (`&lt;/title&gt;` would close the page's <title>)."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", one_line(text)).replace("&", "&amp;").replace("<", "&lt;")


def list_item(text) -> str:
    """A front matter note or source as one list item: Markdown inside it is kept, but on one line and not starting
    a heading, a quote or an admonition, so that it stays inside its list (and its admonition)."""
    return BLOCK_START.sub(r"\\\1", one_line(text))


def cell(text) -> str:
    """Like `inline`, for a table cell: also escapes the column separator."""
    return inline(text).replace("|", "\\|")


def shift_headings(markdown: str, levels: int) -> str:
    """Demote the headings inside an entry's Markdown when it is nested in a larger page (the dossiers), and never
    above level 2: the page's one h1 is the generator's title. The headings the check refuses (generator/content/markup.py)
    and a shift cannot place are no headings here, for when the check is skipped: a '#' that would open one inside a
    list item, a quote or indented text is escaped, and a setext underline gets a blank line above it (it becomes a
    rule or text). (The sanitiser demotes any other h1, such as raw HTML's.)"""
    if "#" in markdown:
        markdown = NESTED_HEADING.sub(lambda m: m[0] if m[0] == "#" else m[0][:-1] + "\\#", markdown)
    if "=" in markdown or "-" in markdown:
        markdown = UNDERLINE_START.sub("\n", markdown)
    return HEADING_LINE.sub(lambda m: "#" * min(6, max(2, len(m[1]) + levels)), markdown)


def volunteers_text(value) -> str:
    if value is None:
        return "niet vermeld"
    if isinstance(value, int):
        return f"{value}"
    return f"“{value}”"


def volunteer_sum_text(s: VolunteerSum) -> str:
    """A sum over proposals in words: only known numbers are added, and the unknown ones are named, never shown as
    zero ("12 bij 3 van de 5 voorstellen; bij 2 niet vermeld")."""
    if s.proposals == 0:
        return "geen voorstellen"
    if s.total is None:
        return "niet vermeld" if s.proposals == 1 else f"bij geen van de {s.proposals} voorstellen vermeld"
    if s.unknown == 0:
        return f"{s.total}" if s.proposals == 1 else f"{s.total}, opgeteld over de {s.proposals} voorstellen"
    return f"{s.total} bij {s.known} van de {s.proposals} voorstellen; bij {s.unknown} niet vermeld"


class Renderer:
    def __init__(self, catalog: Catalog, offline: bool = False, site_url: str = ""):
        self.catalog = catalog
        # The online site uses directory URLs (mkdocs.yml); Material's offline plugin turns them off.
        self.directory_urls = not offline
        self.env = Environment(loader=PackageLoader("generator.pages", "templates"), undefined=StrictUndefined,
                               trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, autoescape=False)
        self.env.filters.update(inline=inline, cell=cell, shift=shift_headings, volunteers=volunteers_text,
                                list_item=list_item, one_line=one_line, volunteer_sum=volunteer_sum_text)
        self.env.filters.update(dutch_date=dutch_date, count=count, quoted=quoted, followup_text=followup_text)
        self.env.globals.update(
            catalog=catalog, card_sections=CARD_SECTIONS, offline=offline, stats=lambda e: stats(catalog, e),
            outcomes_text=outcomes_text,
            site_url=site_url, web_address=lambda page: site_url.rstrip("/") + "/" + posixpath.splitext(page)[0] + "/",
            dossier_pdf=dossier_pdf, offline_zip=OFFLINE_ZIP, workshop_dossier_page=workshop_dossier_page,
            workshop_dossier_pdf=workshop_dossier_pdf,
            of_edition=of_edition, ideas_of=lambda e, c, s=None: ideas_in(catalog, e, c, s),
            edition_of=lambda entry: catalog.edition(entry.edition), theme_name=self.theme_name,
            category_name=self.category_name, category_page=category_page, theme_page=theme_page,
            group_page=group_page, groups=lambda e: groups(catalog, e), siblings=siblings, matrix_page=matrix_page,
            with_discrepancies=lambda e: [x for k in KINDS for x in of_edition(catalog.of_kind(k), e) if x.discrepancies],
            kind_label=lambda entry: KIND_LABELS[entry.kind], matrix_table=matrix_table, matrix_list=matrix_list,
            categories_of=lambda p: categories_of(catalog, p),
            party_lines=lambda entry: catalog.party_lines.get(entry.ref, []), party_kinds=PARTY_KINDS,
            parties_index=PARTIES_INDEX, workshop_edition=lambda e: workshop_edition(catalog, e), steps_heading=STEPS)
        self.pages: dict[str, str] = {}

    def theme_name(self, proposal: Proposal) -> str:
        return self.catalog.edition(proposal.edition).theme(proposal.theme).name

    def category_name(self, idea: Idea) -> str:
        category = self.catalog.edition(idea.edition).category(idea.category)
        sub = next((s for s in category.subcategories if s.slug == idea.subcategory), None)
        return f"{category.name} › {sub.name}" if sub else category.name

    def page(self, path: str, template: str, **context) -> None:
        here = path.split("/")[:-1]

        def link(target) -> str:
            return relative(here, target if isinstance(target, str) else target.page)

        url_here = page_url(path, self.directory_urls).split("/")[:-1]

        def href(target) -> str:
            """A link for raw HTML, which MkDocs does not rewrite: the address MkDocs gives the target page."""
            return relative(url_here, page_url(target if isinstance(target, str) else target.page,
                                               self.directory_urls)) or "./"

        text = self.env.get_template(template).render(path=path, link=link, href=href, **context)
        self.pages[path] = re.sub(r"\n{3,}", "\n\n", text)

    def render(self) -> dict[str, str]:
        for planned in plan(self.catalog):
            if planned.path in self.pages:  # the check refuses this first (`address_problems`)
                raise ValueError(f"two pages at {planned.path}: {planned.what} would replace another page")
            self.page(planned.path, planned.template, **planned.context())
        return dict(sorted(self.pages.items()))


OFFLINE_ZIP = "downloads/symposium-offline.zip"
PARTIES_INDEX = "partijen/index.md"


@dataclass(frozen=True)
class Planned:
    """A page to generate: where it goes, from which template, and what it shows (in Dutch, for a message) and
    where that is written in content/ (None for a page of the site's own). The context is made only to render."""

    path: str
    template: str
    what: str
    owner: Location | None = None
    context: Callable[[], dict] = dict


# The longest part (folder or file name) of a generated page's path, in bytes: a file system takes 255, and the
# build adds to a page's name ('.html' offline, the year before a dossier's '.pdf').
MAX_PATH_PART = 150

# The site's own pages, in the order they are rendered; what each is, for a message that names it, is in
# generator/content/messages.py (OWN_PAGE_NAMES).
OWN_PAGES = (
    ("index.md", "home.md.j2"),
    ("voorstellen/index.md", "proposals_index.md.j2"),
    ("ideeen/index.md", "ideas_index.md.j2"),
    ("categorieen/index.md", "categories_index.md.j2"),
    ("themas/index.md", "themes_index.md.j2"),
    ("groepen/index.md", "groups_index.md.j2"),
    ("workshops/index.md", "workshops_index.md.j2"),
    ("matrix/index.md", "matrix_index.md.j2"),
    ("verantwoording.md", "accountability.md.j2"),
    ("open-data.md", "open_data.md.j2"),
    ("toegankelijkheid.md", "accessibility.md.j2"),
    (PARTIES_INDEX, "parties_index.md.j2"),
)


def plan(c: Catalog):
    """Every page of the site, in render order: the one list both the renderer and the address check read, so a
    page cannot be made without its path being checked."""
    for path, template in OWN_PAGES:
        yield Planned(path, template, M.OWN_PAGE_NAMES[path])
    for party in c.parties:
        yield Planned(party.page, "party.md.j2", M.PAGE_OF_PARTY(slug=party.slug), party.slug_at or party.location,
                      lambda party=party: dict(party=party))
    for edition in c.editions:
        yield Planned(edition.page, "edition.md.j2", M.PAGE_OF_EDITION(year=edition.year), edition.location,
                      lambda edition=edition: dict(edition=edition))
        if of_edition(c.proposals, edition) and of_edition(c.ideas, edition):
            yield Planned(matrix_page(edition), "matrix.md.j2", M.PAGE_OF_MATRIX(year=edition.year), edition.location,
                          lambda edition=edition: dict(edition=edition))
        for category in edition.categories:
            yield Planned(category_page(edition, category.slug), "category.md.j2",
                          M.PAGE_OF_CATEGORY(slug=category.slug, year=edition.year), category.location,
                          lambda edition=edition, category=category: dict(
                              edition=edition, category=category, ideas=ideas_in(c, edition, category.slug),
                              proposals=proposals_in(c, edition, category.slug)))
        for theme in edition.themes:
            yield Planned(theme_page(edition, theme.slug), "theme.md.j2",
                          M.PAGE_OF_THEME(slug=theme.slug, year=edition.year), theme.location,
                          lambda edition=edition, theme=theme: dict(edition=edition, theme=theme, proposals=[
                              p for p in c.proposals if p.edition == edition.year and p.theme == theme.slug]))
        workshops = of_edition(c.workshops, edition)
        if workshops:
            yield Planned(workshop_dossier_page(edition), "workshops_dossier.md.j2",
                          M.PAGE_OF_WORKSHOPS(year=edition.year), edition.location,
                          lambda edition=edition, workshops=workshops: dict(edition=edition, workshops=workshops))
        for group, proposals in groups(c, edition).items():
            yield Planned(group_page(edition, group), "group.md.j2", M.PAGE_OF_GROUP(group=group, year=edition.year),
                          proposals[0].at("groep"),
                          lambda edition=edition, group=group, proposals=proposals: dict(
                              edition=edition, group=group, proposals=proposals))
    for kind, template in (("proposals", "proposal.md.j2"), ("ideas", "idea.md.j2"), ("workshops", "workshop.md.j2")):
        for entry in c.of_kind(kind):
            yield Planned(entry.page, template, M.PAGE_OF_ENTRY(kind=KIND_LABELS[kind].lower(), ref=entry.ref),
                          entry.location, lambda entry=entry: dict(entry=entry))


def address_problems(catalog: Catalog) -> list[Problem]:
    """A page may never take the web address of another: a slug that is another's, or a page the site makes itself
    (`index` of a folder is that folder's own page). Every page after the first at an address is reported where its
    slug is written (like sphinx-needs' duplicate ids), with the first it collides with. And no part of a page's
    path is longer than MAX_PATH_PART (the schemas keep slugs and file names shorter: this holds for any page)."""
    taken: dict[str, Planned] = {}
    problems = []
    for planned in plan(catalog):
        longest = max(len(part.encode("utf-8")) for part in planned.path.split("/"))
        if longest > MAX_PATH_PART:  # the schemas' limits keep every page far below this (at most 103)
            problems.append(M.ADDRESS_TOO_LONG.at(planned.owner or Location(planned.path), page=planned.what,
                                                  length=longest, limit=MAX_PATH_PART))  # as a too long slug
            continue
        address = page_url(planned.path, True).casefold()
        first = taken.setdefault(address, planned)
        if first is planned and not (planned.owner and posixpath.basename(planned.path) == "index.md"):
            continue
        at, shown = planned.owner or Location(planned.path), "/" + page_url(planned.path, True)
        if first is planned:
            problems.append(M.ADDRESS_OF_FOLDER.at(at, page=planned.what, address=shown))
        elif first.owner is None:
            problems.append(M.ADDRESS_OF_OWN_PAGE.at(at, page=planned.what, address=shown, other=first.what))
        else:
            problems.append(M.ADDRESS_TAKEN.at(at, page=planned.what, address=shown, other=first.what,
                                               other_at=first.owner))
    return problems


def relative(here: list[str], target: str) -> str:
    """The link from a page in folder `here` (path parts) to `target` (relative to the docs root): posixpath.relpath
    without its file-system calls, which dominated generation time at thousands of pages."""
    parts = target.split("/")
    common = 0
    while common < min(len(here), len(parts) - 1) and here[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + parts[common:])


def page_url(page: str, directory_urls: bool) -> str:
    """The address MkDocs gives a page of the docs directory, relative to the site root."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index") + ("" if directory_urls else "index.html")
    return stem + ("/" if directory_urls else ".html")


def matrix_page(edition: Edition) -> str:
    return f"matrix/{edition.year}.md"


def dossier_pdf(edition: Edition, slug: str) -> str:
    """Where the publish step puts a category dossier's PDF (the generator writes a placeholder there)."""
    return f"downloads/pdf/{edition.year}-{slug}.pdf"


def workshop_dossier_page(edition: Edition) -> str:
    """The dossier of an edition's workshops: beside their pages (a workshop's file name starts with its number,
    so no workshop has this page's address)."""
    return f"workshops/{edition.year}/dossier.md"


def workshop_dossier_pdf(edition: Edition) -> str:
    """Its PDF: a category dossier's PDF name starts with the year, so no category slug can take this one."""
    return f"downloads/pdf/workshops-{edition.year}.pdf"


def dossiers(catalog: Catalog) -> dict[str, str]:
    """Every printed dossier: its PDF → the page it is printed from, the category dossiers of each edition, then
    its workshops' dossier (for an edition with workshops)."""
    pdfs = {}
    for edition in catalog.editions:
        pdfs.update({dossier_pdf(edition, c.slug): category_page(edition, c.slug) for c in edition.categories})
        if of_edition(catalog.workshops, edition):
            pdfs[workshop_dossier_pdf(edition)] = workshop_dossier_page(edition)
    return pdfs


def category_page(edition: Edition, slug: str) -> str:
    return f"categorieen/{edition.year}/{slug}.md"


def theme_page(edition: Edition, slug: str) -> str:
    return f"themas/{edition.year}/{slug}.md"


def group_page(edition: Edition, group: int) -> str:
    return f"groepen/{edition.year}/groep-{group}.md"


def of_edition(entries: list, edition: Edition) -> list:
    return [e for e in entries if e.edition == edition.year]


def ideas_in(catalog: Catalog, edition: Edition, category: str, subcategory: str | None = None) -> list[Idea]:
    return [i for i in of_edition(catalog.ideas, edition)
            if i.category == category and (subcategory is None or i.subcategory == subcategory)]


def stats(catalog: Catalog, edition: Edition) -> dict:
    """The figures on the home page and the edition page: `reported` is how many workshops have outcomes and
    `from_workshops` how many proposals name their workshop."""
    proposals = of_edition(catalog.proposals, edition)
    workshops = of_edition(catalog.workshops, edition)
    return dict(proposals=len(proposals), ideas=len(of_edition(catalog.ideas, edition)),
                categories=len(edition.categories), workshops=len(workshops),
                volunteers=VolunteerSum.of(proposals), reported=sum(w.has_outcomes for w in workshops),
                from_workshops=sum(p.workshop is not None for p in proposals))


def outcomes_text(s: dict) -> str:
    """The outcome counts in words, once a workshop has any: "3 van de 4 workshops hebben uitkomsten; uit de
    workshops kwamen 3 voorstellen." Empty while none has."""
    if not s["reported"]:
        return ""
    have = "heeft" if s["reported"] == 1 else "hebben"
    text = ("De workshop heeft uitkomsten" if s["workshops"] == 1
            else f"{s['reported']} van de {s['workshops']} workshops {have} uitkomsten")
    if s["from_workshops"]:
        came = "kwam" if s["from_workshops"] == 1 else "kwamen"
        source = "de workshop" if s["workshops"] == 1 else "de workshops"
        text += f"; uit {source} {came} {count(s['from_workshops'], 'voorstel', 'voorstellen')}"
    return text + "."


def workshop_edition(catalog: Catalog, edition: Edition) -> bool:
    """Whether the edition's workshops are entries (2026): its proposals name their `workshop`, not a `groep`."""
    return any(w.edition == edition.year for w in catalog.workshops)


def followup_text(idea: Idea) -> str:
    """How many entries of later editions build on an idea, per edition: "3 in 2026", or "–"."""
    return ", ".join(f"{len(entries)} in {year}" for year, entries in idea.followups_by_edition()) or "–"


def categories_of(catalog: Catalog, proposal: Proposal) -> list:
    """The categories of a proposal's ideas, in the edition's order."""
    slugs = {i.category for i in proposal.ideas}
    return [c for c in catalog.edition(proposal.edition).categories if c.slug in slugs]


def proposals_in(catalog: Catalog, edition: Edition, category: str) -> list[Proposal]:
    found = {p.ref: p for i in ideas_in(catalog, edition, category) for p in i.proposals}
    return [found[ref] for ref in sorted(found)]


def groups(catalog: Catalog, edition: Edition) -> dict[int, list[Proposal]]:
    grouped: dict[int, list[Proposal]] = defaultdict(list)
    for proposal in catalog.proposals:
        if proposal.edition == edition.year and proposal.group is not None:
            grouped[proposal.group].append(proposal)
    return dict(sorted(grouped.items()))


def siblings(proposal: Proposal) -> list[Proposal]:
    """The other proposals summarised into the same ideas: what a reader wants to see next."""
    found = {p.ref: p for idea in proposal.ideas for p in idea.proposals if p is not proposal}
    return [found[ref] for ref in sorted(found)]


MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")
KIND_LABELS = {"proposals": "Voorstel", "ideas": "Idee", "workshops": "Workshop"}


def quoted(texts: list[str]) -> str:
    """Verbatim lines of a card, each between quotes: “Gemeente”; “Lokale overheden”."""
    return "; ".join(f"“{inline(text)}”" for text in texts)


def count(n: int, singular: str, plural: str) -> str:
    """3 → '3 voorstellen', 1 → '1 voorstel'."""
    return f"{n} {singular if n == 1 else plural}"


def dutch_date(iso: str) -> str:
    """2025-01-17 → 17 januari 2025. Read as a calendar date, not split on '-': the check lets only dates that
    exist through, and if it were skipped, 2025-00-17 would raise instead of printing '17 december 2025'."""
    day = date.fromisoformat(iso)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
