"""Stage 3: the second pass, after everything is loaded.

Resolves the links that are declared on one side only (a proposal lists its ideas, a workshop its related ideas),
derives the back-links, and reports what cannot be resolved: duplicates, dead links, unknown editions, themes and
categories. Everything is sorted, so every later stage is deterministic.
"""
from __future__ import annotations

from collections.abc import Callable

from .model import Catalog, Edition, Entry, Idea, Link, Location, Problem, Proposal, Ref
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
    for idea in catalog.ideas:
        problems += _check_category(idea, by_year[idea.edition])
    for workshop in catalog.workshops:
        for idea in _resolve(workshop, workshop.related_links, "verwante_ideeen", index, broken, problems, valid):
            workshop.related_ideas.append(idea)
            idea.workshops.append(workshop)
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


def _check_theme(proposal: Proposal, edition: Edition) -> list[Problem]:
    if edition.theme(proposal.theme):
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
