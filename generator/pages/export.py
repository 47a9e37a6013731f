"""Open data: the entries as JSON and CSV, with exactly the documented fields, sorted by (edition, number)."""
from __future__ import annotations

import csv
import io
import json
import posixpath
import re

from ..content.model import CARD_SECTIONS, OUTCOME_SECTIONS, Catalog, Entry


def url(entry: Entry) -> str:
    """The page address relative to the site root, as MkDocs makes it with directory URLs."""
    return posixpath.splitext(entry.page)[0] + "/"


def ref(entry: Entry) -> str:
    """An entry of another edition as the content names it: '2025/14'."""
    return f"{entry.edition}/{entry.number}"


def proposal_record(p) -> dict:
    return {"number": p.number, "edition": p.edition, "title": p.title, "summary": p.summary, "theme": p.theme or None,
            "group": p.group, "workshop": p.workshop.number if p.workshop else None, "volunteers": p.volunteers,
            "ideas": [i.number for i in p.ideas], "related_ideas": [ref(i) for i in p.related_ideas],
            "sections": {s.heading: s.text for s in p.sections}, "url": url(p)}


def idea_record(i) -> dict:
    """An idea with the links both ways: the earlier ideas it builds on, and what of a later edition builds on it
    (`kind` is the name of the data file the entry is in)."""
    return {"number": i.number, "edition": i.edition, "title": i.title, "category": i.category,
            "subcategory": i.subcategory, "proposals": [p.number for p in i.proposals],
            "related_ideas": [ref(x) for x in i.related_ideas],
            "followups": [{"kind": e.kind, "edition": e.edition, "number": e.number} for e in i.followups],
            "url": url(i)}


def workshop_record(w) -> dict:
    """A workshop with its outcomes: the outcome sections by heading, in order, the follow-up steps (who, what and
    the slugs of the register's parties that `who` names) and the numbers of the proposals that came out of it."""
    return {"number": w.number, "edition": w.edition, "title": w.title, "summary": w.description or None,
            "leaders": [{"name": x.name, "role": x.role, "organisation": x.organisation} for x in w.leaders],
            "related_ideas": [ref(i) for i in w.related_ideas], "participants": w.participants,
            "outcomes": {s.heading: s.text for s in w.outcomes},
            "steps": [{"who": s.who, "what": s.what, "parties": [party.slug for party in s.parties]} for s in w.steps],
            "proposals": [p.number for p in w.proposals], "url": url(w)}


def idea_row(record: dict) -> dict:
    """The CSV form of an idea: a follow-up as 'workshops 2026/1'."""
    return {**record, "followups": [f"{f['kind']} {f['edition']}/{f['number']}" for f in record["followups"]]}


def workshop_row(record: dict) -> dict:
    """The CSV form of a workshop: the outcomes one column per heading (as a card's sections), the steps' parties
    as the slugs they name, each once."""
    parties = sorted({slug for step in record["steps"] for slug in step["parties"]})
    return {**record, "sections": record["outcomes"], "step_parties": parties}


# A spreadsheet runs a cell that starts with one of these as a formula ('=HYPERLINK(…)' in a title would be a link
# that leaks the sheet); the full-width forms too, which some locales read as the ASCII ones.
FORMULA_START = "=+\\-@\t\r\uff1d\uff0b\uff0d\uff20"
# Where a spreadsheet may start a cell inside one of ours: at its start, or after any character it may split on
# (',' of the file, ';' of a Dutch spreadsheet, a tab, a line break), past the spaces and quotes it may trim.
CELL_START = re.compile(f"(?:^|(?<=[,;\\t\\r\\n]))[ \"]*(?=[{FORMULA_START}])")


def neutralise(value):
    """A CSV cell that no spreadsheet runs as a formula, however it splits the file; the JSON keeps the value as
    written.

    OWASP's guidance on CSV injection: quote every field, double the quotes inside it (the `csv` module with
    QUOTE_ALL does both), and prefix a formula start with a single quote, so that it is shown as text. Quoting
    alone is not enough, and neither is looking at the first character only: a spreadsheet that splits the file on
    another separator than the one it was written with (a Dutch Excel splits a `.csv` on ';') starts a new cell after
    every ';' or ',' inside a field, and a line break inside a quoted field starts a new row when the quotes are
    not honoured. So the quote goes in front of every formula start that follows such a separator (and any spaces
    or quotes after it), not only the first: 'Verantwoordelijkheid;=1+1' becomes "Verantwoordelijkheid;'=1+1", and
    a list joined into one cell ('Jan;=cmd|…') is neutralised item by item. Linear: one regular expression whose
    only repetition is over spaces and quotes right after a separator."""
    return CELL_START.sub(lambda m: m[0] + "'", value) if isinstance(value, str) else value


def party_record(party) -> dict:
    """A party of the register and the entries that name it; one proposal can have both roles."""
    proposals = sorted({(line.entry.edition, line.entry.number, line.role) for line in party.lines
                        if line.entry.kind == "proposals"})
    return {"slug": party.slug, "name": party.name, "kind": party.kind, "spellings": list(party.spellings),
            "proposals": [{"edition": e, "number": n, "role": role} for e, n, role in proposals],
            "workshops": [{"edition": w.edition, "number": w.number} for w in party.entries("workshops")],
            "url": url(party)}


def party_row(record: dict) -> dict:
    """The CSV form of a party: references as '2025/4 benodigd' and '2026/8'."""
    return {**record, "proposals": [f"{p['edition']}/{p['number']} {p['role']}" for p in record["proposals"]],
            "workshops": [f"{w['edition']}/{w['number']}" for w in record["workshops"]]}


def _csv(records: list[dict], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writeheader()
    for record in records:
        row = {}
        for column in columns:
            value = record.get(column, record.get("sections", {}).get(column))
            if isinstance(value, list):
                value = ";".join(str(v["name"] if isinstance(v, dict) else v) for v in value)
            row[column] = "" if value is None else neutralise(value)
        writer.writerow(row)
    return out.getvalue()


PROPOSAL_COLUMNS = ["number", "edition", "title", "summary", "theme", "group", "workshop", "volunteers", "ideas",
                    "related_ideas", "url", *CARD_SECTIONS]
IDEA_COLUMNS = ["number", "edition", "title", "category", "subcategory", "proposals", "related_ideas", "followups",
                "url"]
WORKSHOP_COLUMNS = ["number", "edition", "title", "summary", "leaders", "related_ideas", "participants", "proposals",
                    "url", *OUTCOME_SECTIONS, "step_parties"]
PARTY_COLUMNS = ["slug", "name", "kind", "spellings", "proposals", "workshops", "url"]


def export(catalog: Catalog) -> dict[str, str]:
    """{path: text} of the eight data files, relative to the docs directory."""
    tables = (("proposals", [proposal_record(p) for p in catalog.proposals], PROPOSAL_COLUMNS, dict),
              ("ideas", [idea_record(i) for i in catalog.ideas], IDEA_COLUMNS, idea_row),
              ("workshops", [workshop_record(w) for w in catalog.workshops], WORKSHOP_COLUMNS, workshop_row))
    files = {}
    for name, records, columns, row in tables:
        files[f"data/{name}.json"] = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
        files[f"data/{name}.csv"] = _csv([row(r) for r in records], columns)
    parties = [party_record(p) for p in catalog.parties]
    files["data/parties.json"] = json.dumps(parties, ensure_ascii=False, indent=2) + "\n"
    files["data/parties.csv"] = _csv([party_row(p) for p in parties], PARTY_COLUMNS)
    return files
