"""The outcomes of a workshop edition (issue 28) on the pages and in the open data, on the outcomes sample tree
(tests/fixtures/outcomes/content: 2025 as the sample tree, 2026 with four workshops, three with outcomes).

Golden files: the generated Markdown and data of that tree, byte for byte, in tests/golden/outcomes/ (regenerate
with `UPDATE_GOLDEN=1` after an intended change and review the diff); the exact open data fields; and a real,
strict MkDocs build of the tree with the key pages' HTML and the search index read back.
"""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from generator.pages.generate import build_docs, generate, load_catalog
from generator.publish.site import mkdocs_build

from conftest import ROOT, site_root
from goldens import golden_tests

OUTCOMES = ROOT / "tests" / "fixtures" / "outcomes" / "content"
GENERATED, test_golden_file_set_matches, test_generated_file_matches_golden = golden_tests(OUTCOMES, "outcomes")


# --- the open data -------------------------------------------------------------------------------------------------

DATA = {name: json.loads(GENERATED[f"data/{name}.json"]) for name in ("proposals", "ideas", "workshops", "parties")}
ROWS = {name: list(csv.DictReader(io.StringIO(GENERATED[f"data/{name}.csv"]))) for name in ("proposals", "ideas", "workshops")}


def test_a_proposal_carries_its_workshop_and_the_earlier_ideas_it_builds_on():
    proposals = DATA["proposals"]
    assert {tuple(p) for p in proposals} == {("number", "edition", "title", "summary", "theme", "group", "workshop",
                                              "volunteers", "ideas", "related_ideas", "sections", "url")}
    assert proposals[3] == {
        "number": 1, "edition": 2026, "title": "Een noodsteunpunt in elke wijk",
        "summary": "Elke wijk weet waar zij terecht kan als de stroom uitvalt", "theme": None, "group": None,
        "workshop": 1, "volunteers": 4, "ideas": [1], "related_ideas": ["2025/1"],
        "sections": {"Beoogd effect": "Inwoners weten waar het noodsteunpunt is.",
                     "Eerste stap": "Een kaart van de wijk met het steunpunt erop.",
                     "Partijen benodigd bij uitvoering": "- Gemeenten"},
        "url": "voorstellen/2026/001-noodsteunpunt-in-elke-wijk/"}
    assert [(p["edition"], p["number"], p["group"], p["workshop"]) for p in proposals] == [
        (2025, 1, 2, None), (2025, 2, None, None), (2025, 3, None, None), (2026, 1, None, 1), (2026, 2, None, 2),
        (2026, 3, None, 1)]
    row = ROWS["proposals"][3]
    assert list(row)[:11] == ["number", "edition", "title", "summary", "theme", "group", "workshop", "volunteers",
                              "ideas", "related_ideas", "url"]
    assert (row["theme"], row["group"], row["workshop"], row["related_ideas"]) == ("", "", "1", "2025/1")


def test_an_idea_carries_the_links_both_ways():
    ideas = DATA["ideas"]
    assert {tuple(i) for i in ideas} == {("number", "edition", "title", "category", "subcategory", "proposals",
                                          "related_ideas", "followups", "url")}
    assert ideas[1] == {"number": 2, "edition": 2025, "title": "Voorraden", "category": "voorbereiden",
                        "subcategory": "lokaal", "proposals": [1, 2], "related_ideas": [],
                        "followups": [{"kind": "ideas", "edition": 2026, "number": 1},
                                      {"kind": "workshops", "edition": 2026, "number": 2}],
                        "url": "ideeen/2025/002-voorraden/"}
    assert ideas[0]["followups"] == [{"kind": "proposals", "edition": 2026, "number": 1},
                                     {"kind": "workshops", "edition": 2026, "number": 1}]
    assert ideas[2]["followups"] == []
    assert ideas[3] == {"number": 1, "edition": 2026, "title": "Noodsteunpunten in de wijk", "category": "algemeen",
                        "subcategory": None, "proposals": [1, 2], "related_ideas": ["2025/2"], "followups": [],
                        "url": "ideeen/2026/001-noodsteunpunten/"}
    assert [(r["related_ideas"], r["followups"]) for r in ROWS["ideas"]] == [
        ("", "proposals 2026/1;workshops 2026/1"), ("", "ideas 2026/1;workshops 2026/2"), ("", ""), ("2025/2", "")]


def test_a_workshop_carries_participants_outcomes_steps_and_proposals():
    workshops = DATA["workshops"]
    assert {tuple(w) for w in workshops} == {("number", "edition", "title", "summary", "leaders", "related_ideas",
                                              "participants", "outcomes", "steps", "proposals", "url")}
    assert workshops[0] == {
        "number": 1, "edition": 2026, "title": "Landelijke ontwikkeling coördinatie- en noodsteunpunten",
        "summary": "Hoe richten gemeenten en inwoners samen noodsteunpunten in?",
        "leaders": [{"name": "Ada Voorbeeld", "role": "directeur", "organisation": "Burgerreserve"}],
        "related_ideas": ["2025/1"], "participants": 24,
        "outcomes": {
            "Verslag": "De deelnemers bespraken hoe een noodsteunpunt in elke wijk te vinden is. Een *burgerreserve* "
                       "kan helpen bij de\nbemensing.",
            "Belangrijkste inzichten": "- Een noodsteunpunt werkt alleen als de buurt het kent.\n- Stroom en water "
                                       "zijn de eerste zorg.",
            "Aanbevelingen": "- Oefen elk jaar met de hele wijk.",
            "Vervolgstappen": "- Gemeenten: wijzen in elke wijk een locatie aan.\n- TNO: onderzoekt wat een "
                              "noodsteunpunt minimaal nodig heeft."},
        "steps": [{"who": "Gemeenten", "what": "wijzen in elke wijk een locatie aan.", "parties": ["gemeenten"]},
                  {"who": "TNO", "what": "onderzoekt wat een noodsteunpunt minimaal nodig heeft.", "parties": ["tno"]}],
        "proposals": [1, 3], "url": "workshops/2026/001-noodsteunpunten/"}
    assert list(workshops[2]["outcomes"]) == ["Belangrijkste inzichten", "Aanbevelingen"]
    assert workshops[3]["participants"] is None
    assert (workshops[3]["outcomes"], workshops[3]["steps"], workshops[3]["proposals"]) == ({}, [], [])


def test_the_workshop_csv_has_a_column_per_outcome_heading_neutralised():
    rows = ROWS["workshops"]
    assert list(rows[0]) == ["number", "edition", "title", "summary", "leaders", "related_ideas", "participants",
                             "proposals", "url", "Verslag", "Belangrijkste inzichten", "Aanbevelingen",
                             "Vervolgstappen", "step_parties"]
    first = rows[0]
    assert (first["participants"], first["proposals"], first["step_parties"]) == ("24", "1;3", "gemeenten;tno")
    # A list starts with '-': a spreadsheet would read a formula, so every line gets the quote (export.neutralise).
    assert first["Vervolgstappen"] == ("'- Gemeenten: wijzen in elke wijk een locatie aan.\n"
                                       "'- TNO: onderzoekt wat een noodsteunpunt minimaal nodig heeft.")
    assert first["Verslag"].startswith("De deelnemers bespraken")
    assert [(r["number"], r["participants"], r["Verslag"] != "", r["step_parties"]) for r in rows] == [
        ("1", "24", True, "gemeenten;tno"), ("2", "18", True, "burgerreserve"), ("3", "", False, ""),
        ("4", "", False, "")]


def test_the_open_data_page_documents_every_new_field():
    page = GENERATED["open-data.md"]
    for field in ("`workshop`", "`related_ideas`", "`followups`", "`kind`", "`participants`", "`outcomes`", "`steps`",
                  "`who`", "`what`", "`parties`", "`proposals`", "`step_parties`", "`workshops 2026/1`"):
        assert field in page, field


# --- a real, strict MkDocs build -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The outcomes tree generated and built with `mkdocs build --strict` (the search index built by node, as the
    real build does); the site directory."""
    root = site_root(tmp_path_factory.mktemp("outcomes"), OUTCOMES)
    build_docs(root / "content", root / "build" / "docs")
    mkdocs_build(root, root / "site")
    return root / "site"


def article(site: Path, page: str) -> str:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    return html[html.index("<h1"):html.index("</article>")]


def headings(html: str) -> list[tuple[int, str]]:
    return [(int(level), re.sub(r"<a class=\"headerlink\".*?</a>|<[^>]+>", "", text))
            for level, text in re.findall(r"<h([1-6])\b[^>]*>(.*?)</h\1>", html, re.S)]


def test_the_workshop_page_shows_programme_leaders_outcomes_and_proposals(built):
    html = article(built, "workshops/2026/001-noodsteunpunten")
    assert headings(html) == [(1, "Workshop 1. Landelijke ontwikkeling coördinatie- en noodsteunpunten"), (2, "Door"),
                              (2, "Verslag"), (2, "Belangrijkste inzichten"), (2, "Aanbevelingen"),
                              (2, "Vervolgstappen"), (2, "Voorstellen uit deze workshop"), (2, "Verwante ideeën")]
    assert "<p>Hoe richten gemeenten en inwoners samen noodsteunpunten in?</p>\n<h2 id=\"door\">" in html
    assert "<p><strong>Deelnemers:</strong> 24</p>" in html
    assert ("<p>De deelnemers bespraken hoe een noodsteunpunt in elke wijk te vinden is. Een <em>burgerreserve</em> "
            "kan helpen bij de\nbemensing.</p>") in html
    assert ('<li><strong>Gemeenten</strong>: wijzen in elke wijk een locatie aan. · partij: '
            '<a href="../../../partijen/gemeenten/">Gemeenten</a></li>') in html
    assert ('<li><strong>TNO</strong>: onderzoekt wat een noodsteunpunt minimaal nodig heeft. · partij: '
            '<a href="../../../partijen/tno/">TNO</a></li>') in html
    proposals = html[html.index('id="voorstellen-uit-deze-workshop"'):html.index('id="verwante-ideeen"')]
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', proposals) == [
        ("../../../voorstellen/2026/001-noodsteunpunt-in-elke-wijk/", "1. Een noodsteunpunt in elke wijk"),
        ("../../../voorstellen/2026/003-wijkkaart/", "3. De wijkkaart")]
    assert "De uitkomsten volgen." not in html
    # Only the generated link lists are kept out of search; the outcome sections are the workshop's own text.
    assert re.findall(r"<h2 data-search-exclude id=\"([^\"]+)\"", html) == ["voorstellen-uit-deze-workshop",
                                                                            "verwante-ideeen"]


def test_a_workshop_without_outcomes_says_so_in_one_line(built):
    html = article(built, "workshops/2026/004-zonder-uitkomsten")
    assert headings(html) == [(1, "Workshop 4. Weerbare zorg"), (2, "Door")]
    assert html.count("De uitkomsten volgen.") == 1
    assert "<p><em>De uitkomsten volgen.</em></p>" in html
    partial = article(built, "workshops/2026/003-erfgoed")  # outcomes without a count of participants
    assert headings(partial)[1:] == [(2, "Door"), (2, "Belangrijkste inzichten"), (2, "Aanbevelingen")]
    assert "Deelnemers" not in partial and "De uitkomsten volgen." not in partial


def test_the_proposal_page_links_its_workshop_and_the_idea_it_builds_on(built):
    html = article(built, "voorstellen/2026/001-noodsteunpunt-in-elke-wijk")
    assert ('<li><strong>Workshop:</strong> <a href="../../../workshops/2026/001-noodsteunpunten/">1. Landelijke '
            'ontwikkeling coördinatie- en noodsteunpunten</a></li>') in html
    assert "Thema:" not in html and "Workshopgroep" not in html  # the 2026 edition declares no themes, no groups
    builds_on = html[html.index('id="bouwt-voort-op"'):html.index('id="andere-voorstellen-bij-dezelfde-ideeen"')]
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', builds_on) == [
        ("../../../ideeen/2025/001-lokaal-oefenen/", "Idee 1 (2025): Lokaal oefenen")]
    old = article(built, "voorstellen/2025/001-oefen-de-wijk")  # 2025 keeps its theme and group
    assert '<li><strong>Workshopgroep:</strong> <a href="../../../groepen/2025/groep-2/">Groep 2</a></li>' in old
    assert "bouwt-voort-op" not in old


def test_the_earlier_idea_lists_what_became_of_it(built):
    html = article(built, "ideeen/2025/002-voorraden")
    assert [h for h in headings(html) if h[0] == 2] == [(2, "Voorstellen"), (2, "Vervolg in 2026")]
    followups = html[html.index('id="vervolg-in-2026"'):]
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', followups) == [
        ("../../../workshops/2026/002-burgerreserve/", "Workshop 2: Samenbouwen aan een weerbaar Nederland"),
        ("../../2026/001-noodsteunpunten/", "Idee 1: Noodsteunpunten in de wijk")]
    first = article(built, "ideeen/2025/001-lokaal-oefenen")
    assert re.findall(r'<a href="[^"]+">((?:Workshop|Voorstel|Idee) \d+: [^<]+)</a>', first) == [
        "Workshop 1: Landelijke ontwikkeling coördinatie- en noodsteunpunten", "Voorstel 1: Een noodsteunpunt in elke wijk"]
    assert "Vervolg in" not in article(built, "ideeen/2025/003-zonder-voorstel")
    later = article(built, "ideeen/2026/001-noodsteunpunten")
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', later[later.index('id="bouwt-voort-op"'):]) == [
        ("../../2025/002-voorraden/", "Idee 2 (2025): Voorraden")]


def test_the_ideas_index_has_a_followup_column_for_the_filter(built):
    html = article(built, "ideeen")
    tables = re.findall(r'<div class="table-region" role="region" tabindex="0" aria-label="([^"]+)">(.*?)</table>',
                        html, re.S)
    assert [label for label, _ in tables] == ["Tweede symposium (2026)", "Voorbeeldsymposium (2025)"]
    assert "Vervolg" not in tables[0][1]  # no idea of 2026 has a follow-up (yet)
    older = tables[1][1]
    assert '<caption class="visually-hidden">Voorbeeldsymposium (2025)</caption>' in older
    assert re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', older) == ["Nr.", "Idee", "Categorie", "Voorstellen",
                                                                      "Vrijwilligers", "Vervolg"]
    rows = re.findall(r"<tr>\s*<td[^>]*>(\d+)</td>.*?<td[^>]*>([^<]*)</td>\s*</tr>", older, re.S)
    assert rows == [("1", "2 in 2026"), ("3", "–"), ("2", "2 in 2026")]


def test_the_party_page_shows_the_steps_it_is_named_in(built):
    html = article(built, "partijen/gemeenten")
    assert headings(html)[-1] == (2, "Vervolgstappen")
    assert ('<li><a href="../../workshops/2026/001-noodsteunpunten/">2026 · Workshop 1. Landelijke ontwikkeling '
            'coördinatie- en noodsteunpunten</a>: “Gemeenten: wijzen in elke wijk een locatie aan.”</li>') in html
    assert "<strong>Vervolgstappen:</strong> 1" in html
    assert "Vervolgstappen" not in article(built, "partijen/netbeheerders")  # named in no step: the page as before


def test_the_indexes_home_and_edition_page_count_the_outcomes(built):
    proposals = article(built, "voorstellen")
    newer = proposals[:proposals.index("Voorbeeldsymposium (2025)")]
    assert re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', newer) == ["Nr.", "Titel", "Workshop", "Categorie",
                                                                       "Ideeën", "Vrijwilligers"]
    assert '<a href="../workshops/2026/001-noodsteunpunten/">1</a>' in newer
    workshops = article(built, "workshops")
    assert re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', workshops)[-2:] == ["Uitkomsten", "Voorstellen"]
    text = "3 van de 4 workshops hebben uitkomsten; uit de workshops kwamen 3 voorstellen."
    assert text in article(built, ".") and text in article(built, "edities/2026")
    assert "uitkomsten" not in article(built, "edities/2025")


def test_outcome_sections_are_searched_as_the_workshops_own_text(built):
    docs = json.loads((built / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    workshop = [d for d in docs if d["location"].startswith("workshops/2026/001-noodsteunpunten/")]
    assert [d["location"].partition("#")[2] for d in workshop] == [
        "", "door", "verslag", "belangrijkste-inzichten", "aanbevelingen", "vervolgstappen"]
    assert workshop[0]["boost"] == 4
    verslag = next(d for d in workshop if d["location"].endswith("#verslag"))
    assert "Een burgerreserve kan helpen bij de bemensing." in verslag["text"]
    assert not [d for d in docs if "#vervolg-in-" in d["location"] or "#bouwt-voort-op" in d["location"]
                or "#voorstellen-uit-deze-workshop" in d["location"]]


def test_content_in_a_step_stays_text(tmp_path):
    """A step's `who` is escaped (as a heading's text), its `what` keeps its Markdown on one line."""
    content = tmp_path / "content"
    shutil.copytree(OUTCOMES, content)
    workshop = content / "workshops/2026/001-noodsteunpunten.md"
    workshop.write_text(workshop.read_text(encoding="utf-8").replace(
        "- TNO: onderzoekt", "- TNO *[samen]* & co_: onderzoekt *snel*"), encoding="utf-8")
    page = generate(load_catalog(content))["workshops/2026/001-noodsteunpunten.md"]
    assert ("- **TNO \\*\\[samen\\]\\* &amp; co\\_**: onderzoekt *snel* wat een noodsteunpunt minimaal nodig "
            "heeft. · partij: [TNO](../../partijen/tno.md)\n") in page


def test_outcomes_and_steps_that_read_as_formulas_are_neutralised_in_the_csv(tmp_path):
    from test_hostile_privacy import _formula_cells
    content = tmp_path / "content"
    shutil.copytree(OUTCOMES, content)
    workshop = content / "workshops/2026/001-noodsteunpunten.md"
    text = workshop.read_text(encoding="utf-8")
    text = text.replace("- TNO: onderzoekt", "- =HYPERLINK(TNO): onderzoekt")
    text = text.replace("Een *burgerreserve* kan", "Een;+burgerreserve kan")
    workshop.write_text(text, encoding="utf-8")
    files = generate(load_catalog(content))
    assert _formula_cells({k: v for k, v in files.items() if k.startswith("data/")}) == []
    row = list(csv.DictReader(io.StringIO(files["data/workshops.csv"])))[0]
    assert row["Vervolgstappen"].splitlines()[1] == "'- =HYPERLINK(TNO): onderzoekt wat een noodsteunpunt minimaal " \
                                                    "nodig heeft."
    assert "Een;'+burgerreserve kan" in row["Verslag"]
    record = json.loads(files["data/workshops.json"])[0]  # the JSON keeps the text as written
    assert record["steps"][1] == {"who": "=HYPERLINK(TNO)", "what": "onderzoekt wat een noodsteunpunt minimaal nodig "
                                  "heeft.", "parties": ["tno"]}
    assert "Een;+burgerreserve kan" in record["outcomes"]["Verslag"]


@pytest.mark.parametrize("reported, workshops, proposals, expected", [
    (0, 4, 0, ""), (0, 4, 2, ""),
    (1, 4, 0, "1 van de 4 workshops heeft uitkomsten."),
    (3, 4, 1, "3 van de 4 workshops hebben uitkomsten; uit de workshops kwam 1 voorstel."),
    (1, 1, 2, "De workshop heeft uitkomsten; uit de workshop kwamen 2 voorstellen."),
])
def test_outcome_counts_in_words(reported, workshops, proposals, expected):
    from generator.pages.render import outcomes_text
    assert outcomes_text(dict(reported=reported, workshops=workshops, from_workshops=proposals)) == expected
