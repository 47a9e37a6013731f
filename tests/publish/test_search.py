"""Search lands on the entry: Dutch queries against the real content, in Chromium, on the offline edition from
file:// (the lunr index stored at build time, generator/publish/search/). Each query lists the entries that must be among
the first five result pages; no overview page (dossier, theme, group, matrix, index, edition) may rank above them.
The classes are those of generator/publish/search/lunr-nl-extension.js."""
from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import urllib.request

import pytest
from material.plugins.search.plugin import Parser

from generator.mkdocs_hooks import first_section
from generator.publish.searchindex import BUILT_BY_CALLER, ENTRY, SearchIndexError, introduction, kept, shape, store_lunr_index
from generator.publish.site import mkdocs_build

from browser import Tab
from conftest import ROOT, SAMPLE, add_hook, run_cli, site_root
from test_serve import _free_port, _wait

P, I, W = "voorstellen/2025/", "ideeen/2025/", "workshops/2026/"
SPEL, CURRENCY, WIJK, WINTER = P + "001-het-spel-gaat-beginnen", P + "004-noodcurrency", P + "005-de-weerbare-wijk", \
    P + "006-winter-vol-weerbaarheid"
RESILLIENCE, MENTAAL = P + "007-experience-resillience-day-testdag", \
    P + "014-verhoogde-mentale-weerbaarheid-train-je-voor-het-onzekere"
POINT, RESERVISTEN, BACKUP = P + "017-nationale-point-2-point-weerbaarheid-netwerk", \
    P + "021-beroepsbelang-vrijwilligers-reservisten", P + "022-papieren-back-up-uitval-kritieke-infrastructuur"
MELDPUNT, COHESIVE, TRUST = P + "028-2-meldpunt-voor-collectieve-weerbaarheid", \
    P + "030-4-sociale-cohesive-in-de-organisatie-maatschappij-versterken", P + "032-circles-of-trust"
THUISACCU, PAASPAKKET = P + "052-thuisaccu-verplicht-als-noodaccu", P + "027-1-72-uurs-kerst-paaspakket"
COHESIE, MELDPUNT_IDEE = I + "006-sociale-cohesie-in-de-organisatie-maatschappij-versterken", \
    I + "029-meldpunt-voor-collectieve-weerbaarheid-grootschalig-van-op"
COORDINATIE, DANIELS, KRITIEK = W + "001-landelijke-ontwikkeling-coordinatie-en-noodsteunpunten", \
    W + "002-zorg-voor-de-bevolking-maatschappelijke-weerbaarheid-en-de", \
    W + "003-van-kritieke-infrastructuur-tot-burgers-hoe-houden-we-een"
SAMENBOUWEN = W + "008-samenbouwen-aan-een-weerbaar-nederland"
DRINKWATER, BURGERRESERVES, LEGER = W + "005-uitval-drinkwatervoorziening", \
    W + "009-eenduidige-inrichting-burgerreserves-volgens-ses-model", \
    W + "010-leger-des-heils-als-structureel-partner-in-weerbaarheid"
OEKRAINE, CENTRUM, ERFGOED = W + "011-oekraiense-lessons-learned-en-de-whole-of-society-benadering", \
    W + "013-een-nationaal-centrum-voor-een-weerbare-samenleving-naar", W + "015-hoe-weerbaar-is-ons-cultureel-erfgoed"

# (class, query, entries that must be among the first five results)
QUERIES = [
    ("plural -s after a vowel", "burgerreserves", [BURGERRESERVES]),
    ("plural -s after a vowel", "veiligheidsregios", [COORDINATIE]),
    ("plural -'s", "scenario's", [P + "023-crisis-calamiteiten-al-falende-leert-men"]),
    ("plural -'s, no apostrophe", "scenarios", [P + "023-crisis-calamiteiten-al-falende-leert-men"]),
    ("singular finds -'s plural", "scenario", [P + "023-crisis-calamiteiten-al-falende-leert-men"]),
    ("plural -en", "noodpakketten", [SPEL, DRINKWATER]),
    ("plural -en", "reservisten", [RESERVISTEN]),
    ("singular finds -en plural", "reservist", [RESERVISTEN]),
    ("plural -en", "supermarkten", [CURRENCY]),
    ("singular finds plural", "supermarkt", [CURRENCY]),
    ("diminutive -je", "noodpakketje", [SPEL, DRINKWATER]),
    ("diminutive -je", "wijkje", [WIJK]),
    ("misspelling: correct word finds the source's", "resilience", [RESILLIENCE]),
    ("misspelling: the source's word finds the correct one", "resillience", [CENTRUM, MENTAAL]),
    ("misspelling: correct word finds the source's", "phishing", [MELDPUNT]),
    ("misspelling: the source's word", "phising", [MELDPUNT]),
    ("misspelling: correct word finds the source's", "cohesie", [COHESIVE, COHESIE]),
    ("misspelling: the source's word finds the correct one", "cohesive", [COHESIE, COHESIVE]),
    ("hyphen variant", "backup", [BACKUP]),
    ("hyphen variant", "back-up", [BACKUP]),
    ("hyphen variant", "back up", [BACKUP]),
    ("hyphen variant", "point2point", [POINT]),
    ("hyphen variant", "point-2-point", [POINT]),
    ("compound part", "reserve", [BURGERRESERVES]),
    ("compound part", "pakket", [PAASPAKKET, SPEL]),
    ("compound part", "zorgreserve", [BURGERRESERVES]),
    ("compound written apart in the query, hyphen", "burger-reserve", [SAMENBOUWEN, BURGERRESERVES]),
    ("compound written apart in the query, space", "burger reserve", [SAMENBOUWEN, BURGERRESERVES]),
    ("compound written apart in the query, hyphen", "nood-steunpunt", [COORDINATIE]),
    ("compound written apart in the query, space", "nood steunpunt", [COORDINATIE]),
    ("compound written closed in the query", "burgerreserve", [BURGERRESERVES, SAMENBOUWEN]),
    ("without diacritics", "coordinatie", [COORDINATIE]),
    ("with diacritics", "coördinatie", [COORDINATIE]),
    ("without diacritics", "oekraiense", [OEKRAINE]),
    ("with diacritics", "oekraïense", [OEKRAINE]),
    ("without diacritics", "daniels", [DANIELS]),
    ("with diacritics", "daniëls", [DANIELS]),
    ("without diacritics", "ideeen", ["ideeen"]),
    ("two words", "cultureel erfgoed", [ERFGOED]),
    ("two words", "leger des heils", [LEGER]),
    ("two words", "mentale weerbaarheid", [MENTAAL]),
    ("two words", "circles of trust", [TRUST]),
    ("two words", "kritieke infrastructuur", [KRITIEK, BACKUP]),
    ("two words", "stroomuitval oefening", [P + "003-negatieve-prikkel-positief-effect"]),
    ("exact word", "thuisaccu", [THUISACCU, I + "026-thuisaccu-verplicht-als-noodaccu"]),
    ("exact word", "drinkwaterbedrijven", [DRINKWATER]),
    ("exact word", "vrijwilligersnetwerken", [P + "035-lokale-vrijwilligersnetwerken-gericht-op-weerbaarheid"]),
    ("exact word", "gemeenten", [COORDINATIE]),
    ("summary", "noodcurrency", [CURRENCY]),
]
NOTHING = ["xyzzyq", "quarkbanaan", "zwembadsubsidie"]
OVERVIEWS = ("categorieen", "themas", "groepen", "matrix", "edities", "voorstellen", "ideeen", "workshops",
             "verantwoording", "open-data")


def _overview(page: str) -> bool:
    """Any page but an entry's (`<kind>/<year>/<file>`); the workshops' dossier of an edition is at
    `workshops/<year>/dossier`."""
    parts = page.split("/")
    entry = len(parts) == 3 and parts[1].isdigit() and parts[0] in ("voorstellen", "ideeen", "workshops") \
        and parts[2] != "dossier"
    return parts[0] in OVERVIEWS and not entry or page == ""


@pytest.mark.parametrize("kind,query,expected", QUERIES, ids=[q for _, q, _ in QUERIES])
def test_query_lands_on_the_entry(offline_tab, offline, kind, query, expected):
    prefix = offline.as_uri() + "/"
    ranked = [r.removeprefix(prefix).removeprefix(offline.as_uri()) for r in
              offline_tab.ranked((offline / "index.html").as_uri(), query)]
    assert [e for e in expected if e not in ranked[:5]] == [], (kind, ranked[:8])
    last = max(ranked.index(e) for e in expected)
    above = [page for page in ranked[:last] if _overview(page) and page not in expected]
    assert above == [], (kind, ranked[:8])


@pytest.mark.parametrize("query", NOTHING)
def test_query_finds_nothing(offline_tab, offline, query):
    assert offline_tab.ranked((offline / "index.html").as_uri(), query) == []
    assert "Geen overeenkomende documenten" in offline_tab.page.inner_text(".md-search-result__meta")


def test_suite_covers_every_class():
    assert len(QUERIES) >= 40
    kinds = " ".join(kind for kind, _, _ in QUERIES)
    for word in ("after a vowel", "-'s", "-en", "diminutive", "correct word finds", "finds the correct",
                 "hyphen", "compound", "written apart", "written closed", "without diacritics", "with diacritics",
                 "two words"):
        assert word in kinds


# --- the index itself ------------------------------------------------------------------------------------------

def test_index_holds_entries_whole_and_overviews_by_title_and_introduction(real_site):
    index = json.loads((real_site / "search/search_index.json").read_text(encoding="utf-8"))
    docs = {doc["location"]: doc for doc in index["docs"]}
    dossier = docs["categorieen/2025/voorbereiden/"]
    # The dossier's title page: its kicker (the title is the document's title); not its button or its contents list.
    assert dossier["title"] == "Voorbereiden" and dossier["text"] == "<p>Dossier</p>"
    assert not [location for location in docs if location.startswith("categorieen/2025/voorbereiden/#")]
    assert docs["themas/2025/bewustwording/"]["text"] == "<p>Mauritssymposium (2025) · 8 voorstellen</p>"
    assert "voorstellen/2025/001-het-spel-gaat-beginnen/#beoogd-effect" in docs
    assert "voorstellen/2025/001-het-spel-gaat-beginnen/#samengevat-in" not in docs  # links, not its own text
    assert docs["voorstellen/2025/001-het-spel-gaat-beginnen/"]["boost"] > 1
    stored = index["docs"][0]["lunr"]
    assert stored[0][0] == "" and len(stored[0][1]) == len(index["docs"])
    assert {"backup", "back", "up", "point2point", "point"} <= {term for term, *_ in stored}  # hyphen forms
    assert len(docs) < 600  # 1,117 before the dossiers and lists were left out
    # The workshops' dossier of 2026, as the category dossiers: its title and its kicker, nothing of its workshops.
    assert docs["workshops/2026/dossier/"]["title"] == "Workshops 2026"
    assert docs["workshops/2026/dossier/"]["text"] == "<p>Dossier</p>"
    assert not [location for location in docs if location.startswith("workshops/2026/dossier/#")]


def test_shape_keeps_entries_and_the_introduction_of_other_pages():
    index = {"config": {}, "docs": [
        {"location": "themas/x/", "title": "Thema: X", "text": "<p>2 voorstellen</p> <ul> <li>1. A: a</li> </ul>"},
        {"location": "themas/x/#sub", "title": "Sub", "text": "<p>copy</p>"},
        {"location": "voorstellen/2025/001-a/", "title": "1. A", "text": "<p>a</p>"},
        {"location": "voorstellen/2025/001-a/#effect", "title": "Effect", "text": "<p>b</p>"}]}
    shaped = shape(index, {"voorstellen/2025/001-a/": ENTRY, "themas/x/": "page"})
    assert [(d["location"], d["text"], d.get("boost")) for d in shaped["docs"]] == [
        ("themas/x/", "<p>2 voorstellen</p>", None),
        ("voorstellen/2025/001-a/", "<p>a</p>", 4),
        ("voorstellen/2025/001-a/#effect", "<p>b</p>", None)]
    assert introduction("Projectvoorstellen 52 <p>x</p>") == ""


# Put back Material's own method after the adapter's on_config (which runs at the default priority, 0).
UNDO_THE_ADAPTER = """from mkdocs.plugins import event_priority


@event_priority(-100)
def on_config(config):
    index = config.plugins["material/search"].search_index
    del index.create_entry_for_section, index.add_entry_from_context
"""


def test_the_index_is_the_same_as_from_every_section_material_makes(tmp_path):
    """The adapter lets Material's search make only the documents `shape` keeps, and read only as much of a page as
    those need (mkdocs_hooks.py): the stored index is byte for byte the one from a build where Material reads every
    page whole and makes a document of every section."""
    root = site_root(tmp_path, ROOT / "content")
    assert run_cli("build", "--content", str(root / "content"), "--out", str(root / "build/docs")).returncode == 0
    add_hook(root, "undo.py", UNDO_THE_ADAPTER, config="mkdocs-undone.yml")
    indexes = []
    for name in ("mkdocs.yml", "mkdocs-undone.yml"):
        mkdocs_build(root, root / f"site-{name}", "--strict", "-f", name, **{BUILT_BY_CALLER: "1"})
        indexes.append((root / f"site-{name}/search/search_index.json").read_bytes())
    assert indexes[0] == indexes[1]
    assert len(json.loads(indexes[0])["docs"]) > 400
    assert [kept(ENTRY, True), kept(ENTRY, False), kept("", True), kept("", False)] == [True, True, False, True]


def _first(html: str) -> tuple[list[str], list[str]]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return parser.data[0].title, parser.data[0].text


@pytest.mark.parametrize("html,cut", [
    # Read up to the first heading with an id that is inside no element.
    ('<h1 id="t">Thema<a class="headerlink" href="#t">¶</a></h1>\n<p>2 voorstellen</p>\n<h2 id="a">A</h2>\n<p>a</p>',
     '<h1 id="t">Thema<a class="headerlink" href="#t">¶</a></h1>\n<p>2 voorstellen</p>\n'),
    # A preface before the title: the title is the first anchored section.
    ('<p>voor</p>\n<h1 id="t">T</h1>\n<p>x</p>', '<p>voor</p>\n'),
    # A heading inside an element: the text after that element goes back to the first section, so read on.
    ('<h1 id="t">T</h1>\n<div>\n<h2 id="a">A</h2>\n<p>a</p>\n</div>\n<p>terug</p>\n<h2 id="b">B</h2>\n<p>b</p>',
     '<h1 id="t">T</h1>\n<div>\n<h2 id="a">A</h2>\n<p>a</p>\n</div>\n<p>terug</p>\n'),
    # A heading without an id starts no section; no heading at all: the whole page.
    ('<h1 id="t">T</h1>\n<h2>geen id</h2>\n<p>x</p>', '<h1 id="t">T</h1>\n<h2>geen id</h2>\n<p>x</p>'),
])
def test_search_reads_a_page_only_as_far_as_its_first_section_reaches(html, cut):
    assert first_section(html) == cut
    assert _first(cut) == _first(html)


def test_building_the_index_needs_node(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(SearchIndexError) as error:
        store_lunr_index(tmp_path)
    assert str(error.value) == ("node is niet geïnstalleerd, en daarmee wordt de zoekindex gebouwd: "
                                "scripts/system-packages installeert het (met npm)")


def test_building_the_index_without_the_search_worker_says_so(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / "search/search_index.json").write_text('{"docs": [{"location": ""}]}', encoding="utf-8")
    (tmp_path / "assets/javascripts/workers").mkdir(parents=True)
    with pytest.raises(SearchIndexError) as error:
        store_lunr_index(tmp_path)
    assert str(error.value) == ("het bouwen van de zoekindex is mislukt; wat node meldt, staat hieronder:\n"
                                f"search index: no Material search worker in {tmp_path}/assets/javascripts/workers")


# --- make serve: no stored index, the browser builds it -------------------------------------------------------

def test_search_works_under_serve_without_a_stored_index(tmp_path, browser):
    root = site_root(tmp_path, SAMPLE)
    assert run_cli("build", "--content", str(root / "content"), "--out", str(root / "build/docs")).returncode == 0
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                               cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stderr=subprocess.PIPE,
                               text=True)
    seen: list[str] = []
    tab = Tab(browser, f"http://127.0.0.1:{port}/")
    try:
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=lambda: [lines.put(line) for line in process.stderr], daemon=True).start()
        _wait(lines, "Serving on", seen)
        index = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{port}/search/search_index.json").read())
        assert "lunr" not in index["docs"][0]  # a save under serve costs no Node run
        ranked = tab.ranked(f"http://127.0.0.1:{port}/", "wijken")
        assert ranked[0] == f"http://127.0.0.1:{port}/voorstellen/2025/001-oefen-de-wijk", ranked
        assert tab.blocked == [] and tab.errors == []
    finally:
        tab.context.close()
        process.terminate()
        process.wait(timeout=20)
