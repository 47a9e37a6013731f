"""The fidelity check behind tests/test_fidelity.py: every transcribed word must be in the source documents.

Kept separate from the test so that a test can run it on a deliberately altered copy and see it fail.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from generator.content.model import Catalog
from generator.content.titles import format_problems

QUOTES = "“”\"'‘’"


def normalise(text: str) -> str:
    """Whitespace folded, bullet marks and Markdown emphasis removed: what survives the PDF extraction."""
    text = re.sub(r"^[ \t]*(?:[-*•][ \t]+)", "", text, flags=re.M)
    text = text.replace("•", " ").replace("*", "")
    return re.sub(r"\s+", " ", text).strip()


def missing_text(catalog: Catalog, sources: Path) -> list[str]:
    """Every title, summary, section and workshop text that does not occur in its source."""
    card_source = normalise((sources / "2025-bijlage-projectvoorstellen-en-ideeen.txt").read_text(encoding="utf-8"))
    workshop_source = normalise((sources / "2026-overzicht-workshops.txt").read_text(encoding="utf-8"))
    problems = []

    def need(label: str, text: str, source: str) -> None:
        if text and normalise(text) not in source:
            problems.append(f"{label}: {text[:80]!r}")

    for p in catalog.proposals:
        need(f"proposal {p.number} title", p.title, card_source)
        need(f"proposal {p.number} summary", p.summary or "", card_source)
        for section in p.sections:
            need(f"proposal {p.number} heading", section.heading, card_source)
            need(f"proposal {p.number} section {section.heading!r}", section.text, card_source)
        if isinstance(p.volunteers, str):
            need(f"proposal {p.number} volunteers", p.volunteers, card_source)
    for i in catalog.ideas:
        need(f"idea {i.number} title", i.title, card_source)
    for w in catalog.workshops:
        need(f"workshop {w.number} title", w.title, workshop_source)
        for paragraph in w.description.split("\n\n"):
            need(f"workshop {w.number} description", paragraph, workshop_source)
        for leader in w.leaders:
            for part in (leader.name, leader.role, leader.organisation):
                need(f"workshop {w.number} leader", part or "", workshop_source)
    return problems


def tables(sources: Path) -> tuple[dict[int, set[int]], dict[int, set[int]]]:
    """(ideas per proposal according to table 1, according to table 2)."""
    data = yaml.safe_load((sources / "2025-tabellen.yml").read_text(encoding="utf-8"))
    table1: dict[int, set[int]] = {}
    for idea, proposals in data["voorstellen_per_idee"].items():
        for proposal in proposals or []:
            table1.setdefault(proposal, set()).add(idea)
    table2 = {proposal: set(ideas or []) for proposal, ideas in data["ideeen_per_voorstel"].items()}
    return table1, table2


def link_problems(catalog: Catalog, sources: Path) -> list[str]:
    """Links must be the union of both tables; where the tables disagree, the entry must say so."""
    table1, table2 = tables(sources)
    problems = []
    for p in (p for p in catalog.proposals if p.edition == 2025):
        one, two = table1.get(p.number, set()), table2.get(p.number, set())
        linked = {i.number for i in p.ideas}
        if linked != one | two:
            problems.append(f"proposal {p.number}: links {sorted(linked)}, tables give {sorted(one)} and {sorted(two)}")
        notes = " ".join(p.discrepancies)
        for idea in sorted(one ^ two):
            if f"idee {idea}" not in notes:
                problems.append(f"proposal {p.number}: idea {idea} is in one table only, and no note says so")
        if not linked and "Geen van beide tabellen" not in notes:
            problems.append(f"proposal {p.number}: no idea, and no note says so")
    for i in (i for i in catalog.ideas if i.edition == 2025):
        if not i.proposals and not i.discrepancies:
            problems.append(f"idea {i.number}: no proposal, and no note says so")
    return problems


LIST_NUMBER = r"\d+\s*[-)]\s"


def unmarked(form: str) -> str:
    """A printed title without a list number in front or a colon at the end."""
    return re.sub(r":\s*$", "", re.sub("^" + LIST_NUMBER, "", form)).strip()


def table_titles(sources: Path) -> dict[tuple[str, int], set[str]]:
    """Every form in which either table prints each title, by ("proposal" | "idea", number)."""
    data = yaml.safe_load((sources / "2025-tabellen.yml").read_text(encoding="utf-8"))
    forms: dict[tuple[str, int], set[str]] = {}
    for key, kind in (("voorstel_titels_tabel1", "proposal"), ("voorstel_titels_tabel2", "proposal"),
                      ("idee_titels_tabel1", "idea"), ("idee_titels_tabel2", "idea")):
        for number, title in data[key].items():
            forms.setdefault((kind, number), set()).add(str(title))
        for number, others in data["andere_schrijfwijzen"].get(key, {}).items():
            forms[(kind, number)].update(others)
    return forms


def marked_forms(kind: str, entry, tables: dict, card_source: str) -> set[str]:
    """The forms in which the source prints this entry's title with a mark the title rule forbids: the tables',
    a list number before the title anywhere, and, on a proposal's card, a colon between title and summary (unless
    the tables print that very text as an idea's title)."""
    title = re.escape(normalise(entry.title))
    forms = {f for f in tables.get((kind, entry.number), set()) if format_problems(f)}
    forms |= {m[0] for m in re.finditer(rf"(?<![\w-]){LIST_NUMBER}{title}", card_source)}
    if kind == "proposal" and entry.summary:
        summary = normalise(entry.summary)
        if f"{entry.title}: {summary}" not in set().union(*tables.values()):  # else it is an idea's title
            forms |= {m[1] for m in re.finditer(rf"({title}:) {re.escape(summary)}", card_source)}
    return forms - {entry.title}


def title_problems(catalog: Catalog, sources: Path) -> list[str]:
    """A title the source prints with a list number, a trailing colon or a scan error is traceable: a note quotes
    that form, and the title is that form without the mark or the other table's form."""
    card_source = normalise((sources / "2025-bijlage-projectvoorstellen-en-ideeen.txt").read_text(encoding="utf-8"))
    tables = table_titles(sources)
    problems = []
    for kind, entries in (("proposal", catalog.proposals), ("idea", catalog.ideas)):
        for entry in (e for e in entries if e.edition == 2025):
            notes = " ".join(entry.discrepancies)
            clean = {f for f in tables.get((kind, entry.number), set()) if not format_problems(f)}
            for form in sorted(marked_forms(kind, entry, tables, card_source)):
                if form not in notes:
                    problems.append(f"{kind} {entry.number} title: the source prints {form!r}, and no note quotes it")
                if entry.title not in clean | {unmarked(form)}:
                    problems.append(f"{kind} {entry.number} title: {entry.title!r} is neither {form!r} without "
                                    "its mark nor a table's form")
    return problems
