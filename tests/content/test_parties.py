"""Parties: the matcher on the spelling variants of the real content, the curated register against the real cards,
the privacy guard, `check --parties`, and one page per party across editions."""
from __future__ import annotations

import os
import re

import pytest

from generator.content.model import Location, Problem
from generator.content.parties import Matcher, load_register, normalise
from generator.pages.generate import generate, load_catalog
from generator.content.privacy import refused_words

from conftest import ROOT, SAMPLE_PASSED, run_cli
from dutch import assert_dutch

REGISTER, _ = load_register(ROOT / "content")
MATCHER = Matcher(REGISTER)
CATALOG = load_catalog(ROOT / "content")
PAGES = generate(CATALOG)


def slugs(text: str) -> list[str]:
    return [p.slug for p in MATCHER.parties(text)]


def test_register_loads_without_problems():
    parties, problems = load_register(ROOT / "content")
    assert problems == []
    assert len(parties) == len({p.slug for p in parties}) > 60


@pytest.mark.parametrize("text, expected", [
    ("VNO", ["vno-ncw"]), ("VNO-NCW", ["vno-ncw"]), ("VNO/NCW", ["vno-ncw"]), ("vno ncw", ["vno-ncw"]),
    ("Gemeenten", ["gemeenten"]), ("gemeente", ["gemeenten"]), ("GEMEENTE", ["gemeenten"]),
    ("Veiligheidsregio's", ["veiligheidsregios"]), ("Veiligheidsregio’s", ["veiligheidsregios"]),
    ("Veiligheidsregio’s incl. hulpdiensten", ["hulpdiensten", "veiligheidsregios"]),
    ("Maatschappelije oranisaties (Leger des heils)", ["leger-des-heils", "maatschappelijke-organisaties"]),
    ("Burgerreserve? Rode Kruis?", ["burgerreserve", "rode-kruis"]),
    ("Moskeeën", ["geloofsgemeenschappen"]), ("moskeeen", ["geloofsgemeenschappen"]),
    ("Landelijke overheid -> Provincie -> gemeente", ["gemeenten", "provincies", "rijksoverheid"]),
    ("Lokale overheden", ["gemeenten"]),  # the longest spelling wins: not also Overheid
    ("Provinciehuis", []), ("Gemeentelijke diensten", []),  # whole words only
    ("Namen en rugnummers", []), ("IP-rechten organiseren", []),
])
def test_matcher_on_the_variants_of_the_cards(text, expected):
    assert slugs(text) == expected


def test_normalise_folds_case_diacritics_apostrophes_and_punctuation():
    assert normalise("Ministerie van Financiën") == ("ministerie", "van", "financien")
    assert normalise("VR’s, A+MIVD!") == ("vrs", "a", "mivd")


PROPOSALS = {  # read from the cards by hand: every proposal whose party sections name the party
    "defensie": [5, 9, 11, 21, 23, 24, 39, 40, 46, 47, 51],
    "gemeenten": [4, 5, 16, 18, 25, 31, 32, 34, 35, 41],
    "veiligheidsregios": [8, 21, 34, 41, 47, 51],
    "vno-ncw": [1, 2, 8, 23, 27, 28, 29, 31, 43, 46],
    "rode-kruis": [21, 25, 35, 41],
}


@pytest.mark.parametrize("slug", sorted(PROPOSALS))
def test_party_page_lists_all_its_proposals(slug):
    party = next(p for p in CATALOG.parties if p.slug == slug)
    assert [e.number for e in party.entries("proposals")] == PROPOSALS[slug]
    page = PAGES[f"partijen/{slug}.md"]
    linked = sorted({int(n) for n in re.findall(r"\]\(\.\./voorstellen/2025/(\d{3})-", page)})
    assert linked == PROPOSALS[slug]


@pytest.mark.parametrize("slug, proposal, workshop", [
    ("leger-des-heils", "047-weerbare-processen", "010-leger-des-heils"),
    ("burgerreserve", "041-", "008-"),
])
def test_one_page_shows_both_editions(slug, proposal, workshop):
    page = PAGES[f"partijen/{slug}.md"]
    kan_helpen, workshops = page.split("## Kan helpen")[1].split("## Workshops")
    assert f"](../voorstellen/2025/{proposal}" in kan_helpen
    assert f"](../workshops/2026/{workshop}" in workshops


def test_entry_pages_link_their_parties_next_to_the_verbatim_lines():
    proposal = next(v for k, v in PAGES.items() if k.startswith("voorstellen/2025/041-"))
    assert ("- “Burgerreserve? Rode Kruis?” (kan helpen): [Burgerreserve](../../partijen/burgerreserve.md), "
            "[Rode Kruis](../../partijen/rode-kruis.md)") in proposal
    workshop = next(v for k, v in PAGES.items() if k.startswith("workshops/2026/010-"))
    assert "(Leger des Heils) · partij: [Leger des Heils](../../partijen/leger-des-heils.md)" in workshop


def test_at_least_90_percent_of_lines_that_name_an_organisation_are_matched():
    """The unmatched lines of the real content, each judged by hand: most name no organisation at all."""
    names_no_organisation = {
        "Observatie en coachingspersoneel", "IP-rechten organiseren", "Publieke voorbeelden",
        "Ketenregie noodzakelijk", "Persoon als mens (+als person met beroepskennis/ingangen)",
        "Centraal aanspreekpunt", "management by-ins", "Vitale kwalificaties bepalen", "--",
        "Evt. mensen die buren kunnen helpen met het", "Intern/ administratie/printer", "Werknemers",
        "Wat gaan we doen als de stroom uitvalt?", "Procesmatige ketenwerking", "Bijvoorbeeld:", "Als boven",
        "Lokale bekenden gebruiken", "Influencers en ambassadeurs", "ea",
        "-thema’s worden bepaald door een bepaalde partij met een bepaalde behoefte, die is dan probleemeigenaar.",
        "Informele leiders in gemeenschappen", "idem", "zelfde", "Onafhankelijke begeleiding",
        "Concreet agregatieniveau", "Namen en rugnummers", "Netwerkdeling", "Communicatie",
        "Iedereen met ervaring in het veiligheidsdomein (kennis, kunde materieel en mensen)",
        "Eerst per keten beoefenen, daarna convergeren over de keten heen.", "Facilitators, procesbegeleiders",
    }
    # Organisations or groups, but too unspecific for one party of the register (see the closing note of issue 16).
    too_vague = {"Alle stakeholders.", "Begeleidende partij voor facilitering en evaluatie", "Whole of society: iedereen",
                 "Kennis", "De organisatie", "Iedereen aan tafel"}
    lines = [line for lines in CATALOG.party_lines.values() for line in lines]
    unmatched = [line.text for line in lines if not line.parties]
    assert sorted(set(unmatched)) == sorted(names_no_organisation | too_vague)
    matched_people = {"Buurtbewoners", "De burger doet de rest"}  # matched (Burgers), but no organisation
    naming = [x for x in lines if x.text not in names_no_organisation and x.text not in matched_people]
    assert sum(bool(x.parties) for x in naming) / len(naming) >= 0.9


SOURCE_TEXTS = ["Iedereen aan tafel (Havenbedrijf Rotterdam o.a.)", "TNO zou dit kunnen prima coordineren",
                "Wie niet?! ☺"]


def test_the_three_source_texts_are_the_volunteer_texts_of_the_content():
    assert sorted(p.volunteers for p in CATALOG.proposals if isinstance(p.volunteers, str)) == SOURCE_TEXTS


@pytest.mark.parametrize("text", SOURCE_TEXTS)
def test_privacy_guard_accepts_the_three_source_texts(text):
    assert refused_words(text) == []


@pytest.mark.parametrize("text, names", [
    ("Jan en Piet", ["Jan", "Piet"]), ("Ingrid", ["Ingrid"]), ("ongeveer 3, o.a. Karel de Vries", ["Karel", "Vries"]),
    ("Wie niet? Fatima helpt.", ["Fatima", "helpt"]), ("TNO en Sanne", ["Sanne"]),
])
def test_privacy_guard_rejects_names(text, names):
    """Only words of the declared list pass: a name, and any other word, is refused (generator/content/privacy.py)."""
    assert refused_words(text) == names


def test_check_lists_every_unmatched_line_with_file_and_line(content):
    result = run_cli("check", "--parties", cwd=content.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "content/proposals/2025/001-oefen-de-wijk.md:37: 'Buurtverenigingen' (kan helpen) noemt geen partij uit het "
        "register",
        "4 partijregels: 3 met een partij uit het register, 1 zonder",
        SAMPLE_PASSED,
    ]
    assert_dutch(result.stdout.splitlines())


def test_a_warning_does_not_fail_and_says_so():
    warning = Problem(Location("content/x.md", 3), "something to look at", "unknown-party", "warning")
    assert str(warning) == "content/x.md:3: waarschuwing: something to look at [unknown-party]"
    assert not warning.is_error and Problem(Location("a"), "m", "person-name").is_error


def test_party_pages_are_built_and_edit_the_register(sample_site):
    page = (sample_site / "partijen/gemeenten/index.html").read_text(encoding="utf-8")
    assert re.search(r'href="[^"]*/edit/main/content/partijen\.yml"', page)
    assert 'href="../../voorstellen/2025/001-oefen-de-wijk/"' in page
    index = (sample_site / "partijen/index.html").read_text(encoding="utf-8")
    assert '<a href="gemeenten/">Gemeenten</a>' in index


@pytest.mark.parametrize("hostile, expected", [
    ("fifo", "content/partijen.yml:1: dit is een FIFO (een 'named pipe'), geen gewoon bestand; in content/ staan "
             "alleen gewone bestanden en mappen: zet hier het echte bestand of de echte map neer, of haal dit weg "
             "[not-a-file]"),
    ("alias", "content/partijen.yml:2: '&a' is een YAML-anker (een naam voor een waarde), en dat mag niet in de "
              "gegevens: haal het weg (begint een tekst met '&', zet hem dan tussen aanhalingstekens) [yaml-feature]"),
])
def test_the_register_is_read_as_safely_as_any_content_file(content, hostile, expected):
    """The register is untrusted content too: a FIFO must not hang the check, an alias is refused; reported once."""
    register = content / "partijen.yml"
    if hostile == "fifo":
        register.unlink()
        os.mkfifo(register)
    else:
        register.write_text("partijen:\n  - &a {slug: x}\n  - *a\n", encoding="utf-8")
    result = run_cli("check", cwd=content.parent, timeout=30)
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith("content/partijen.yml")]
    assert lines == [expected], result.stdout
