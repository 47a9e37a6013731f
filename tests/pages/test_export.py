"""Open data: exact JSON fields, null for absent values, URLs relative to the site root, CSV in step."""
from __future__ import annotations

import csv
import io
import json

from generator.pages.export import export
from generator.pages.generate import load_catalog

from conftest import SAMPLE

FILES = export(load_catalog(SAMPLE))


def test_proposal_json_fields_exactly():
    proposals = json.loads(FILES["data/proposals.json"])
    assert [list(p) for p in proposals] == [["number", "edition", "title", "summary", "theme", "group", "workshop",
                                             "volunteers", "ideas", "related_ideas", "sections", "url"]] * 4
    second = proposals[1]
    assert second == {
        "number": 2, "edition": 2025, "title": "Noodpakket", "summary": None, "theme": "vitale-processen",
        "group": None, "workshop": None, "volunteers": "Wie niet?!", "ideas": [2], "related_ideas": [],
        "sections": {"Beoogd effect": "Elk huishouden heeft een noodpakket."},
        "url": "voorstellen/2025/002-noodpakket/",
    }
    assert proposals[0]["sections"]["Waar uit zich het effect"] == "- Rust in de wijk\n- Minder paniek"


def test_idea_json_has_back_links():
    ideas = json.loads(FILES["data/ideas.json"])
    assert ideas[1] == {"number": 2, "edition": 2025, "title": "Voorraden", "category": "voorbereiden",
                        "subcategory": "lokaal", "proposals": [1, 2], "related_ideas": [],
                        "followups": [{"kind": "workshops", "edition": 2026, "number": 1}],
                        "url": "ideeen/2025/002-voorraden/"}


def test_workshop_json_leaders_and_related_ideas():
    workshops = json.loads(FILES["data/workshops.json"])
    assert list(workshops[0]) == ["number", "edition", "title", "summary", "leaders", "related_ideas", "participants",
                                  "outcomes", "steps", "proposals", "url"]
    assert workshops[0]["leaders"][1] == {"name": "Vertegenwoordigers", "role": None, "organisation": None}
    assert workshops[0]["related_ideas"] == ["2025/1", "2025/2"]
    assert workshops[1]["related_ideas"] == []


def test_csv_rows_match_json():
    for name in ("proposals", "ideas", "workshops"):
        records = json.loads(FILES[f"data/{name}.json"])
        rows = list(csv.DictReader(io.StringIO(FILES[f"data/{name}.csv"])))
        assert [int(r["number"]) for r in rows] == [r["number"] for r in records]
        assert [r["url"] for r in rows] == [r["url"] for r in records]
    proposal = list(csv.DictReader(io.StringIO(FILES["data/proposals.csv"])))[0]
    assert proposal["ideas"] == "1;2"
    assert proposal["Beoogd effect"] == "Burgers weten wat ze moeten doen."


def test_party_json_fields_exactly():
    parties = json.loads(FILES["data/parties.json"])
    assert [p["slug"] for p in parties] == ["gemeenten", "burgerreserve", "netbeheerders", "tno"]
    assert {tuple(p) for p in parties} == {("slug", "name", "kind", "spellings", "proposals", "workshops", "url")}
    assert parties[0] == {"slug": "gemeenten", "name": "Gemeenten", "kind": "overheid",
                          "spellings": ["Gemeenten", "Gemeente"],
                          "proposals": [{"edition": 2025, "number": 1, "role": "benodigd"}], "workshops": [],
                          "url": "partijen/gemeenten/"}
    assert parties[1]["workshops"] == [{"edition": 2026, "number": 1}]
    rows = list(csv.DictReader(io.StringIO(FILES["data/parties.csv"])))
    assert rows[0] == {"slug": "gemeenten", "name": "Gemeenten", "kind": "overheid", "spellings": "Gemeenten;Gemeente",
                       "proposals": "2025/1 benodigd", "workshops": "", "url": "partijen/gemeenten/"}
    assert rows[1]["workshops"] == "2026/1"
