"""Issue 3's promise: the real content is complete and every word of it is in the source documents."""
from __future__ import annotations

import re
import shutil

from generator.pages.generate import load_catalog

from conftest import ROOT
from fidelity import link_problems, marked_forms, missing_text, normalise, table_titles, title_problems

SOURCES = ROOT / "sources"
CATALOG = load_catalog(ROOT / "content")


def test_complete_record():
    assert [p.number for p in CATALOG.proposals if p.edition == 2025] == list(range(1, 53))
    assert [i.number for i in CATALOG.ideas if i.edition == 2025] == list(range(1, 38))
    assert [w.number for w in CATALOG.workshops if w.edition == 2026] == list(range(1, 16))
    assert [c.name for c in CATALOG.edition(2025).categories] == [
        "Bewustwording", "Oefenen en simuleren", "Voorbereiden", "(Beleids)Maatregelen"]
    assert [s.name for s in CATALOG.edition(2025).category("voorbereiden").subcategories] == [
        "1. Mensen & Bedrijven", "2. Lokaal voorbereiden", "3. Materiaal / voorraden"]


def test_every_transcribed_text_occurs_in_the_source():
    assert missing_text(CATALOG, SOURCES) == []


def test_links_match_both_tables_except_where_noted():
    assert link_problems(CATALOG, SOURCES) == []


def test_volunteers_are_counts_or_printed_words_never_names():
    for p in CATALOG.proposals:
        assert p.volunteers is None or isinstance(p.volunteers, (int, str))
    card_source = (SOURCES / "2025-bijlage-projectvoorstellen-en-ideeen.txt").read_text(encoding="utf-8")
    assert "Personen die betrokken willen zijn" in card_source


def test_a_single_changed_word_is_caught(tmp_path):
    """The check is real: change one word of one card section in a copy, and it reports exactly that."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    card = sorted((content / "proposals/2025").glob("001-*.md"))[0]
    text = card.read_text(encoding="utf-8")
    assert "avontuur" in text
    card.write_text(text.replace("avontuur", "avontuurtje", 1), encoding="utf-8")
    problems = missing_text(load_catalog(content), SOURCES)
    assert len(problems) == 1 and problems[0].startswith("proposal 1 section 'Beoogd effect'")


def test_a_dropped_link_is_caught(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    card = sorted((content / "proposals/2025").glob("005-*.md"))[0]
    text = card.read_text(encoding="utf-8")
    card.write_text(re.sub(r"ideeen: \[2, 21\]", "ideeen: [2]", text), encoding="utf-8")
    assert link_problems(load_catalog(content), SOURCES) == [
        "proposal 5: links [2], tables give [2, 21] and [2, 21]"]


def test_every_changed_title_is_traced_to_the_source():
    """Where the source prints a title with a list number, a trailing colon or a scan error, the entry's note quotes
    that form and the title is that form without the mark (or the other table's form)."""
    tables = table_titles(SOURCES)
    card_source = normalise((SOURCES / "2025-bijlage-projectvoorstellen-en-ideeen.txt").read_text(encoding="utf-8"))
    found = {(kind, e.number): marked_forms(kind, e, tables, card_source)
             for kind, entries in (("proposal", CATALOG.proposals), ("idea", CATALOG.ideas)) for e in entries}
    assert {key: forms for key, forms in found.items() if forms} == {
        ("proposal", 27): {"1- 72-uurs kerst/paaspakket"},
        ("proposal", 28): {"2- Meldpunt voor collectieve weerbaarheid"},
        ("proposal", 29): {"3- Benut bestaande structuren om weerbaarheid te verhogen (ISAC’s)"},
        ("proposal", 30): {"4- Sociale cohesive in de organisatie/maatschappij versterken"},
        ("proposal", 47): {"Weerbare processen: herontwerp 10 key processes voor militair-civiele samenwerking:"},
        ("idea", 1): {"Het spel gaat beginnen:"},
        ("idea", 2): {"De weerbare wijk:"},
        ("idea", 19): {"Lokale Steunpunten Weerbaarheid:"},
        ("idea", 27): {"&2 uurs paasnoodpakket"},
    }
    assert title_problems(CATALOG, SOURCES) == []


def _changed_copy(tmp_path, pattern: str, old: str, new: str):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    path = sorted(content.glob(pattern))[0]
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return load_catalog(content)


def test_a_cleaned_title_without_its_note_is_caught(tmp_path):
    catalog = _changed_copy(tmp_path, "proposals/2025/028-*.md", "Op de kaart staat de titel als '2- Meldpunt",
                            "Op de kaart staat de titel als 'Meldpunt")
    assert title_problems(catalog, SOURCES) == [
        "proposal 28 title: the source prints '2- Meldpunt voor collectieve weerbaarheid', and no note quotes it"]


def test_a_title_that_is_not_the_printed_form_without_its_mark_is_caught(tmp_path):
    """"Het spel gaat" occurs in the source, so only this check notices that the title lost more than its colon."""
    catalog = _changed_copy(tmp_path, "ideas/2025/001-*.md", "titel: 'Het spel gaat beginnen'",
                            "titel: 'Het spel gaat'")
    assert missing_text(catalog, SOURCES) == []
    assert title_problems(catalog, SOURCES) == [
        "idea 1 title: 'Het spel gaat' is neither 'Het spel gaat beginnen:' without its mark nor a table's form"]
