"""The second pass: declared links resolved, back-links derived, order deterministic."""
from __future__ import annotations

from generator.content.model import VolunteerSum
from generator.pages.generate import load_catalog

from conftest import SAMPLE

CATALOG = load_catalog(SAMPLE)


def numbers(entries):
    return [(e.edition, e.number) for e in entries]


def test_proposal_ideas_are_resolved_to_objects():
    first = CATALOG.proposals[0]
    assert numbers(first.ideas) == [(2025, 1), (2025, 2)]


def test_idea_back_links_to_proposals_are_derived():
    by_number = {(i.edition, i.number): i for i in CATALOG.ideas}
    assert numbers(by_number[2025, 1].proposals) == [(2025, 1)]
    assert numbers(by_number[2025, 2].proposals) == [(2025, 1), (2025, 2)]
    assert by_number[2025, 3].proposals == []
    assert numbers(by_number[2026, 1].proposals) == [(2026, 1)]


def test_workshop_links_cross_editions_and_back():
    workshop = CATALOG.workshops[0]
    assert numbers(workshop.related_ideas) == [(2025, 1), (2025, 2)]
    idea = CATALOG.ideas[0]
    assert [(w.edition, w.number) for w in idea.workshops] == [(2026, 1)]


def test_same_number_in_two_editions_are_different_entries():
    assert numbers(CATALOG.proposals) == [(2025, 1), (2025, 2), (2025, 3), (2026, 1)]


def test_idea_volunteers_sum_numeric_counts_only():
    by_number = {(i.edition, i.number): i for i in CATALOG.ideas}
    # Proposal 1 has 3; proposal 2 has words ("Wie niet?!"), which are not a count.
    assert by_number[2025, 2].volunteers == VolunteerSum(total=3, known=1, proposals=2)
    assert by_number[2025, 2].volunteers.unknown == 1


def test_idea_without_any_number_has_no_total_not_zero():
    unknown = [i for i in CATALOG.ideas if i.proposals and i.volunteers.known == 0]
    assert unknown and all(i.volunteers.total is None for i in unknown)
