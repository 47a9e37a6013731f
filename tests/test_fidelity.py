"""Issue 3's promise: the real content is complete and every word of it is in the source documents."""
from __future__ import annotations

import re
import shutil

from generator.pipeline import load_catalog

from conftest import ROOT
from fidelity import link_problems, missing_text

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
