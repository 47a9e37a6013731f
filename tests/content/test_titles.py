"""Issue 12: titles as readers see them. The open data of the real content carries no layout marks of the source,
and the entries the issue names carry the tables' wording."""
from __future__ import annotations

import json

from generator.pages.export import export
from generator.pages.generate import load_catalog
from generator.content import messages as M
from generator.content.titles import format_problems

from conftest import ROOT

CATALOG = load_catalog(ROOT / "content")
DATA = export(CATALOG)


def titles(kind: str) -> dict[tuple[int, int], str]:
    return {(r["edition"], r["number"]): r["title"] for r in json.loads(DATA[f"data/{kind}.json"])}


def test_no_exported_title_carries_a_layout_mark():
    records = [(kind, key, title) for kind in ("proposals", "ideas", "workshops")
               for key, title in titles(kind).items()]
    assert len(records) == 52 + 37 + 15
    assert [(kind, key, title) for kind, key, title in records if format_problems(title)] == []
    assert [e.title for e in CATALOG.editions if format_problems(e.title)] == []


def test_the_retitled_entries_carry_the_tables_wording():
    proposals, ideas = titles("proposals"), titles("ideas")
    assert {n: proposals[(2025, n)] for n in (27, 28, 29, 30, 47)} == {
        27: "72-uurs kerst/paaspakket",
        28: "Meldpunt voor collectieve weerbaarheid",
        29: "Benut bestaande structuren om weerbaarheid te verhogen (ISAC’s)",
        30: "Sociale cohesive in de organisatie/maatschappij versterken",
        47: "Weerbare processen: herontwerp 10 key processes voor militair-civiele samenwerking",
    }
    assert {n: ideas[(2025, n)] for n in (1, 2, 19, 27)} == {
        1: "Het spel gaat beginnen", 2: "De weerbare wijk", 19: "Lokale Steunpunten Weerbaarheid",
        27: "72 uurs paasnoodpakket",
    }


def test_the_rule_recognises_each_mark_and_nothing_else():
    assert format_problems("2- Meldpunt") == [(M.TITLE_LIST_NUMBER, "2- ")]
    assert format_problems("3 - Benut") == [(M.TITLE_LIST_NUMBER, "3 - ")]
    assert format_problems("2) Meldpunt") == [(M.TITLE_LIST_NUMBER, "2) ")]
    assert format_problems("Beginnen:") == [(M.TITLE_COLON, ":")]
    assert format_problems("&2-uurs pakket") == [(M.TITLE_AMPERSAND, "&2")]
    for accepted in ("4-1 voor allen", "4 – 1 voor allen", "4 – 1  voor allen",
                     "Nationale point-2-point weerbaarheid netwerk", "72-uurs kerst/paaspakket",
                     "72 uurs paasnoodpakket", "Crisis & Calamiteiten – al falende leert men!",
                     "Weerbare processen: herontwerp", "1. Mensen & Bedrijven", "Crisis & 2 dagen"):
        assert format_problems(accepted) == [], accepted
