"""Stage 3: the second pass, after everything is loaded.

Resolves the links that are declared on one side only (a proposal lists its ideas, a workshop its related ideas),
derives the back-links, and reports what cannot be resolved: duplicates, dead links, unknown editions, themes and
categories. Everything is sorted, so every later stage is deterministic.
"""
from __future__ import annotations

from collections.abc import Callable

from .model import Catalog, Edition, Entry, Idea, Link, Location, Problem, Proposal, Ref, Workshop
from .validate import did_you_mean


def number_ranges(numbers) -> str:
    """1,2,3,5 → '1–3, 5': how valid numbers are listed in a dead-link hint."""
    numbers = sorted(set(numbers))
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs) or "none"


def link(editions: list[Edition], entries: list[Entry], broken: set[Ref] = frozenset(),
         established: Callable[[], set[str] | None] = lambda: None) -> tuple[Catalog, list[Problem]]:
    """Index, check and cross-link; `broken` are files that exist but failed validation: links to them are not
    dead and entries of a broken edition are not 'undeclared' (their own problem is already reported).
    `established` answers, only when two entries share a number, which files the main branch already has."""
    entries, problems = _without_duplicates(entries, established)
    broken = set(broken)
    catalog = Catalog()
    by_year: dict[int, Edition] = {}
    for edition in sorted(editions, key=lambda e: e.year):
        by_year[edition.year] = edition
        catalog.editions.append(edition)

    index: dict[Ref, Entry] = {}
    for entry in sorted(entries, key=lambda e: e.location):
        if entry.edition not in by_year:
            if Ref(entry.edition, "editions", entry.edition) in broken:
                broken.add(entry.ref)
                continue
            declared = ", ".join(str(y) for y in by_year) or "none"
            problems.append(Problem(entry.location, f"edition {entry.edition} is not declared (declared: {declared}); "
                                    f"add content/editions/{entry.edition}.md or move the file", "unknown-edition"))
            continue
        index[entry.ref] = entry
        catalog.of_kind(entry.kind).append(entry)
    catalog.sort()

    numbers: dict[tuple[str, int], str] = {}

    def valid(target: Ref) -> str:
        """The valid numbers of a dead link's kind and edition, listed once (a file can hold thousands of dead
        links, and the index thousands of entries)."""
        key = (target.kind, target.edition)
        if key not in numbers:
            numbers[key] = number_ranges(r.number for r in index if (r.kind, r.edition) == key)
        return numbers[key]

    for proposal in catalog.proposals:
        problems += _check_theme(proposal, by_year[proposal.edition])
        for idea in _resolve(proposal, proposal.idea_links, "ideeen", index, broken, problems, valid):
            proposal.ideas.append(idea)
            idea.proposals.append(proposal)
        proposal.workshop = _resolve_workshop(proposal, index, broken, problems)
        if proposal.workshop is not None:
            proposal.workshop.proposals.append(proposal)  # in catalog order: sorted by (edition, number)
        proposal.related_ideas = _resolve_related(proposal, index, broken, problems, by_year)
    for idea in catalog.ideas:
        problems += _check_category(idea, by_year[idea.edition])
        idea.related_ideas = _resolve_related(idea, index, broken, problems, by_year)
    for workshop in catalog.workshops:
        for idea in _resolve_related(workshop, index, broken, problems, by_year):
            workshop.related_ideas.append(idea)
            idea.workshops.append(workshop)
    # What became of an idea: every entry of a later edition that names it in `verwante_ideeen`.
    for entry in [*catalog.proposals, *catalog.ideas, *catalog.workshops]:
        for idea in entry.related_ideas:
            idea.followups.append(entry)
    for idea in catalog.ideas:
        idea.followups.sort(key=lambda e: e.ref)
    return catalog, problems


def _without_duplicates(entries: list[Entry], established) -> tuple[list[Entry], list[Problem]]:
    """Entries that share (edition, kind, number): the one not yet on the main branch is the copy and is told to
    take the next free number; when git cannot tell them apart, each is named and the editor decides (renumbering
    a published entry would break its address)."""
    groups: dict[Ref, list[Entry]] = {}
    for entry in sorted(entries, key=lambda e: e.location):
        groups.setdefault(entry.ref, []).append(entry)
    duplicates = [group for group in groups.values() if len(group) > 1]
    if not duplicates:
        return entries, []
    known = established()
    problems: list[Problem] = []
    dropped: set[int] = set()
    for group in duplicates:
        first = group[0]
        free = max(e.number for e in entries if e.kind == first.kind and e.edition == first.edition) + 1
        new = [e for e in group if known is not None and e.location.path not in known]
        old = [e for e in group if e not in new]
        if new and old:
            names = " and ".join(e.location.path for e in old)
            for entry in new:
                problems.append(Problem(entry.at("nummer"), f"number {entry.number} is also used by {names}, which "
                                        f"is already on the main branch; give this new entry the next free number "
                                        f"{free}", "duplicate-number"))
                dropped.add(id(entry))
                free += 1
            continue
        for entry in group:
            others = " and ".join(e.location.path for e in group if e is not entry)
            problems.append(Problem(entry.at("nummer"), f"number {entry.number} is also used by {others}; keep the "
                                    f"number of the entry that is already published (its address depends on it) and "
                                    f"give the new one the next free number {free}", "duplicate-number"))
        dropped.update(id(e) for e in group[1:])
    return [e for e in entries if id(e) not in dropped], problems


def _resolve(entry: Entry, links: list[Link], key: str, index: dict, broken, problems: list[Problem],
             valid: Callable[[Ref], str]) -> list[Idea]:
    found, seen = [], set()
    for link_ in links:
        where = Location(entry.location.path, link_.line)
        if link_.target in seen:
            problems.append(Problem(where, f"'{key}' lists {link_.target.number} twice; remove one", "duplicate-link"))
            continue
        seen.add(link_.target)
        target = index.get(link_.target)
        if target is None and link_.target in broken:
            continue
        if target is None:
            problems.append(Problem(where, f"'{key}' refers to idea {link_.target}, which does not exist; valid "
                                    f"numbers in {link_.target.edition}: {valid(link_.target)}", "dead-link"))
            continue
        found.append(target)
    return sorted(found, key=lambda e: e.ref)


def _numbers(numbers) -> str:
    """'het nummer 4', 'de nummers 1–3, 5': the numbers that exist, for a Dutch dead-link message."""
    numbers = set(numbers)
    return f"het nummer {next(iter(numbers))}" if len(numbers) == 1 else f"de nummers {number_ranges(numbers)}"


KIND_NAMES = {"proposals": "voorstel", "ideas": "idee", "workshops": "workshop"}


def _resolve_workshop(proposal: Proposal, index: dict, broken, problems: list[Problem]) -> Workshop | None:
    """`workshop: N`: workshop N of the proposal's own edition."""
    link_ = proposal.workshop_link
    if link_ is None or link_.target in broken:
        return None
    target = index.get(link_.target)
    if target is not None:
        return target
    year = proposal.edition
    valid = [r.number for r in [*index, *broken] if r.kind == "workshops" and r.edition == year]
    if valid:
        hint = f"de workshops van {year} hebben {_numbers(valid)}"
    else:
        hint = f"{year} heeft geen workshops als eigen pagina's; laat 'workshop' dan weg (een workshopgroep is 'groep')"
    problems.append(Problem(Location(proposal.location.path, link_.line), f"'workshop: {link_.target.number}' "
                            f"verwijst naar workshop {link_.target.number} van {year}, die niet bestaat: {hint}",
                            "dead-link"))
    return None


def _resolve_related(entry: Entry, index: dict, broken, problems: list[Problem], years=()) -> list[Idea]:
    """`verwante_ideeen`: ideas of an EARLIER edition the entry builds on; a link to its own or a later edition
    is refused (it would not say what became of an idea), as is one to an idea that does not exist. A workshop's
    duplicate and dead links keep the messages they had before issue 28."""
    found, seen = [], set()
    workshop = entry.kind == "workshops"
    for link_ in entry.related_links:
        where, target = Location(entry.location.path, link_.line), link_.target
        if target in seen:
            problems.append(Problem(where, f"'verwante_ideeen' lists {target.number} twice; remove one" if workshop
                                    else f"'verwante_ideeen' noemt idee {target} twee keer; haal er één weg",
                                    "duplicate-link"))
            continue
        seen.add(target)
        if target.edition >= entry.edition:
            problems.append(Problem(where, _not_earlier(entry, target, years), "wrong-edition"))
            continue
        idea = index.get(target)
        if idea is None and target in broken:
            continue
        if idea is None:
            numbers = [r.number for r in index if r.kind == "ideas" and r.edition == target.edition]
            existing = numbers + [r.number for r in broken if r.kind == "ideas" and r.edition == target.edition]
            valid = (f"de ideeën van {target.edition} hebben {_numbers(existing)}" if existing
                     else f"{target.edition} heeft geen ideeën")
            problems.append(Problem(where, f"'verwante_ideeen' refers to idea {target}, which does not exist; valid "
                                    f"numbers in {target.edition}: {number_ranges(numbers)}" if workshop else
                                    f"'verwante_ideeen' verwijst naar idee {target}, dat niet bestaat; {valid}",
                                    "dead-link"))
            continue
        found.append(idea)
    return sorted(found, key=lambda e: e.ref)


def _not_earlier(entry: Entry, target: Ref, years) -> str:
    which = "dezelfde" if target.edition == entry.edition else "een latere"
    own = " (een idee van dezelfde editie hoort onder 'ideeen')" if entry.kind == "proposals" else ""
    earlier = [year for year in years if year < entry.edition]
    advice = (f"schrijf 'jaar/nummer' van een eerdere editie, bijv. '{earlier[-1]}/14'" if earlier else
              f"er is geen editie vóór {entry.edition}: haal 'verwante_ideeen' weg")
    return (f"'verwante_ideeen' verwijst naar idee {target}, van {which} editie; een {KIND_NAMES[entry.kind]} van "
            f"{entry.edition} bouwt alleen voort op ideeën van een eerdere editie: {advice}{own}")


def _check_theme(proposal: Proposal, edition: Edition) -> list[Problem]:
    """The proposal's theme is one of its edition's; an edition without themes takes none (validate.py refuses a
    `thema` there, and requires one where the edition declares themes)."""
    if not edition.themes or edition.theme(proposal.theme):
        return []
    hint = did_you_mean(proposal.theme, [t.slug for t in edition.themes])
    return [Problem(proposal.at("thema"), f"unknown theme '{proposal.theme}' for edition {edition.year}. {hint}",
                    "unknown-theme")]


def _check_category(idea: Idea, edition: Edition) -> list[Problem]:
    category = edition.category(idea.category)
    if category is None:
        hint = did_you_mean(idea.category, [c.slug for c in edition.categories])
        return [Problem(idea.at("categorie"), f"unknown category '{idea.category}' for edition {edition.year}. {hint}",
                        "unknown-category")]
    subs = [s.slug for s in category.subcategories]
    if idea.subcategory is None and subs:
        return [Problem(idea.at("categorie"), f"category '{idea.category}' needs a 'subcategorie'. "
                        + did_you_mean("", subs), "missing-key")]
    if idea.subcategory is not None and idea.subcategory not in subs:
        hint = did_you_mean(idea.subcategory, subs) if subs else f"Category '{idea.category}' has no subcategories."
        return [Problem(idea.at("subcategorie"), f"unknown subcategory '{idea.subcategory}'. {hint}", "unknown-category")]
    return []
