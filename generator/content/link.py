"""Stage 3: the second pass, after everything is loaded.

Resolves the links that are declared on one side only (a proposal lists its ideas, a workshop its related ideas),
derives the back-links, and reports what cannot be resolved: duplicates, dead links, unknown editions, themes and
categories. Everything is sorted, so every later stage is deterministic.
"""
from __future__ import annotations

from collections.abc import Callable

from . import messages as M
from .model import Catalog, Edition, Entry, Idea, Link, Location, Problem, Proposal, Ref, Workshop
from .validate import did_you_mean, quoted_list


def number_ranges(numbers) -> str:
    """1,2,3,5 → '1–3, 5': how valid numbers are listed in a dead-link hint."""
    numbers = sorted(set(numbers))
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs) or M.NO_NUMBERS()


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
            declared = ", ".join(str(y) for y in by_year)
            problems.append(M.UNKNOWN_EDITION.at(entry.location, year=entry.edition, declared=declared) if declared
                            else M.UNKNOWN_EDITION_NONE.at(entry.location, year=entry.edition))
            continue
        index[entry.ref] = entry
        catalog.of_kind(entry.kind).append(entry)
    catalog.sort()

    numbers: dict[tuple[str, int], str] = {}

    def valid(target: Ref) -> str:
        """What a dead link's message says exists of its kind and edition, made once (a file can hold thousands of
        dead links, and the index thousands of entries)."""
        key = (target.kind, target.edition)
        if key not in numbers:
            numbers[key] = _ideas_of(target.edition, [r.number for r in index if (r.kind, r.edition) == key])
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
            names = M.listed(e.location.path for e in old)
            for entry in new:
                problems.append(M.DUPLICATE_NUMBER_NEW.at(entry.at("nummer"), number=entry.number, others=names,
                                                          free=free))
                dropped.add(id(entry))
                free += 1
            continue
        for entry in group:
            others = M.listed(e.location.path for e in group if e is not entry)
            problems.append(M.DUPLICATE_NUMBER.at(entry.at("nummer"), number=entry.number, others=others, free=free))
        dropped.update(id(e) for e in group[1:])
    return [e for e in entries if id(e) not in dropped], problems


def _resolve(entry: Entry, links: list[Link], key: str, index: dict, broken, problems: list[Problem],
             valid: Callable[[Ref], str]) -> list[Idea]:
    found, seen = [], set()
    for link_ in links:
        where = Location(entry.location.path, link_.line)
        if link_.target in seen:
            problems.append(M.DUPLICATE_LINK.at(where, key=key, ref=link_.target.number))
            continue
        seen.add(link_.target)
        target = index.get(link_.target)
        if target is None and link_.target in broken:
            continue
        if target is None:
            problems.append(M.DEAD_IDEA.at(where, key=key, ref=link_.target, valid=valid(link_.target)))
            continue
        found.append(target)
    return sorted(found, key=lambda e: e.ref)


def _numbers(numbers) -> str:
    """'het nummer 4', 'de nummers 1–3, 5': the numbers that exist, for a dead-link message."""
    numbers = set(numbers)
    return M.ONE_NUMBER(number=next(iter(numbers))) if len(numbers) == 1 else M.NUMBERS(numbers=number_ranges(numbers))


def _ideas_of(year: int, numbers) -> str:
    """What a dead link to an idea of `year` is told exists: the numbers of its ideas, or that it has none."""
    numbers = list(numbers)
    return M.IDEAS_OF(year=year, numbers=_numbers(numbers)) if numbers else M.NO_IDEAS(year=year)


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
    hint = M.WORKSHOPS_OF(year=year, numbers=_numbers(valid)) if valid else M.NO_WORKSHOPS(year=year)
    problems.append(M.DEAD_WORKSHOP.at(Location(proposal.location.path, link_.line), number=link_.target.number,
                                       year=year, valid=hint))
    return None


def _resolve_related(entry: Entry, index: dict, broken, problems: list[Problem], years=()) -> list[Idea]:
    """`verwante_ideeen`: ideas of an EARLIER edition the entry builds on; a link to its own or a later edition
    is refused (it would not say what became of an idea), as is one to an idea that does not exist."""
    found, seen = [], set()
    for link_ in entry.related_links:
        where, target = Location(entry.location.path, link_.line), link_.target
        if target in seen:
            problems.append(M.DUPLICATE_LINK.at(where, key="verwante_ideeen", ref=target))
            continue
        seen.add(target)
        if target.edition >= entry.edition:
            problems.append(_not_earlier(entry, target, years, where))
            continue
        idea = index.get(target)
        if idea is None and target in broken:
            continue
        if idea is None:
            existing = [r.number for r in [*index, *broken] if r.kind == "ideas" and r.edition == target.edition]
            problems.append(M.DEAD_IDEA.at(where, key="verwante_ideeen", ref=target,
                                           valid=_ideas_of(target.edition, existing)))
            continue
        found.append(idea)
    return sorted(found, key=lambda e: e.ref)


def _not_earlier(entry: Entry, target: Ref, years, where: Location) -> Problem:
    message = M.WRONG_EDITION_SAME if target.edition == entry.edition else M.WRONG_EDITION_LATER
    own = entry.kind == "proposals"  # a proposal is told where an idea of its own edition goes
    earlier = [year for year in years if year < entry.edition]
    if earlier:
        advice = (M.EARLIER_EXAMPLE_OWN if own else M.EARLIER_EXAMPLE)(earlier=earlier[-1])
    else:
        advice = (M.NO_EARLIER_EDITION_OWN if own else M.NO_EARLIER_EDITION)(year=entry.edition)
    return message.at(where, ref=target, kind=M.KIND_NAMES[entry.kind], year=entry.edition, advice=advice)


def _check_theme(proposal: Proposal, edition: Edition) -> list[Problem]:
    """The proposal's theme is one of its edition's; an edition without themes takes none (validate.py refuses a
    `thema` there, and requires one where the edition declares themes)."""
    if not edition.themes or edition.theme(proposal.theme):
        return []
    hint = did_you_mean(proposal.theme, [t.slug for t in edition.themes])
    return [M.UNKNOWN_THEME.at(proposal.at("thema"), year=edition.year, theme=proposal.theme, suggestion=hint)]


def _check_category(idea: Idea, edition: Edition) -> list[Problem]:
    category = edition.category(idea.category)
    if category is None:
        hint = did_you_mean(idea.category, [c.slug for c in edition.categories])
        return [M.UNKNOWN_CATEGORY.at(idea.at("categorie"), year=edition.year, category=idea.category,
                                      suggestion=hint)]
    subs = [s.slug for s in category.subcategories]
    if idea.subcategory is None and subs:
        if len(subs) == 1:
            return [M.MISSING_SUBCATEGORY.at(idea.at("categorie"), category=idea.category, example=subs[0])]
        return [M.MISSING_SUBCATEGORY_CHOICE.at(idea.at("categorie"), category=idea.category, example=subs[0],
                                                choices=quoted_list(subs))]
    if idea.subcategory is not None and not subs:
        return [M.NO_SUBCATEGORIES.at(idea.at("subcategorie"), category=idea.category)]
    if idea.subcategory is not None and idea.subcategory not in subs:
        return [M.UNKNOWN_SUBCATEGORY.at(idea.at("subcategorie"), category=idea.category,
                                         subcategory=idea.subcategory, suggestion=did_you_mean(idea.subcategory, subs))]
    return []
