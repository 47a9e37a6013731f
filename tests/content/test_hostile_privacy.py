"""Issue 26, items 7–9: contact details and volunteers' names, CSV formulas after a separator, and Unicode spoofing
(invisible format characters, look-alike parties).

Each hostile edit is a small mutation of the sample tree: `check` exits 1 with exactly the expected lines (file, line,
Dutch message, code), no traceback, and `content/` byte-identical (`assert_reported`). Ordinary text that comes close
(dates, years, counts, "112", postcodes, web addresses, the real content) passes."""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from broken_cases import E25, I1, I2, P1, P2, REGISTER, W1, both, rename, replace, write
from conftest import ROOT, assert_reported, run_cli, snapshot
from generator.pages.export import export, neutralise
from generator.pages.generate import load_catalog
from generator.content.privacy import VOLUNTEER_WORDS, contact_lines

P1_PATH = "content/proposals/2025/001-oefen-de-wijk.md"
P2_PATH = "content/proposals/2025/002-noodpakket.md"
I1_PATH = "content/ideas/2025/001-lokaal-oefenen.md"
W1_PATH = "content/workshops/2026/001-burgerreserve.md"
E25_PATH = "content/editions/2025.md"
REGISTER_PATH = "content/partijen.yml"

WHAT = {"email": ("een e-mailadres", "het"), "phone": ("een telefoonnummer", "het"),
        "both": ("een e-mailadres en een telefoonnummer", "ze")}


def contact(where: str, kind: str) -> str:
    what, it = WHAT[kind]
    return (f"{where}: deze regel bevat {what}. Contactgegevens horen niet in de inhoud: alles hier wordt openbaar (op "
            "de pagina's, in de open data en in de zoekfunctie), en de bron noemt geen contactgegevens. Haal "
            f"{it} weg; wie iemand wil bereiken, loopt via de organisatie. [contact-details]")


def volunteers(where: str, words: str) -> str:
    these = "deze woorden staan" if "', '" in words else "dit woord staat"
    return (f"{where}: bij 'vrijwilligers' hoort het aantal vrijwilligers, nooit een naam: de bron liet de namen "
            "bewust weg om de privacy van de vrijwilligers te beschermen. Als tekst mag hier alleen iets staan dat "
            "niemand noemt, met woorden uit de lijst in CONTRIBUTING.md (zoals 'ongeveer', 'onbekend' of 'Wie "
            f"niet?!') en getallen; {these} er niet in: {words}. Schrijf het aantal (bijvoorbeeld "
            "'vrijwilligers: 2') of laat de regel weg. [person-name]")


def invisible(where: str, code_point: str) -> str:
    return (f"{where}: deze regel bevat het onzichtbare teken {code_point}. Zo'n teken kan de tekst erna omdraaien of "
            "een woord ongemerkt splitsen, zodat de site iets anders toont dan er lijkt te staan. Haal het weg (ziet "
            "u het niet, typ de tekst rond deze plek dan opnieuw). [control-character]")


def look_alike_line(where: str, text: str, names: str, odd: str) -> str:
    return (f"{where}: partijregel '{text}' ziet eruit als {names}, maar is (deels) met tekens uit een ander schrift "
            f"geschreven: {odd}; zo telt de regel voor die partij niet mee. Typ de regel opnieuw met gewone letters. "
            "[look-alike]")


def look_alike_spelling(where: str, spelling: str, slug: str, other: str, whose: str, line: int, odd: str) -> str:
    how = f": {odd}" if odd else " (bijvoorbeeld een hoofdletter I voor een kleine l)"
    return (f"{where}: schrijfwijze '{spelling}' van partij '{slug}' ziet er hetzelfde uit als '{other}' van {whose} "
            f"(regel {line}), maar is met andere tekens geschreven{how}. Zo zou de site partijen tonen die een lezer "
            "niet uit elkaar kan houden. Typ de schrijfwijze opnieuw met gewone letters, of haal haar weg. "
            "[look-alike]")


CYRILLIC_E = "'е' U+0435 ('CYRILLIC SMALL LETTER IE')"
BODY = "Burgers weten wat ze moeten doen."  # proposal 1, file line 13
PARTY_LINE = "- Netbeheerder"  # proposal 1, file line 33

# --- 7. Contact details: every kind, every field, many spellings ------------------------------------------------

CONTACT_CASES = {
    # e-mail addresses
    "email-in-body": (replace(P1, BODY, "Mail jan.jansen@example.nl voor vragen."),
                      [contact(f"{P1_PATH}:13", "email")]),
    "email-autolink": (replace(P1, BODY, "Zie <jan@voorbeeld.nl>."), [contact(f"{P1_PATH}:13", "email")]),
    "email-mailto-link": (replace(P1, BODY, "[schrijf ons](mailto:redactie@voorbeeld.nl)"),
                          [contact(f"{P1_PATH}:13", "email")]),
    "email-spelled-at-and-dot": (replace(P1, BODY, "jan (at) voorbeeld (dot) nl"), [contact(f"{P1_PATH}:13", "email")]),
    "email-bracketed-at": (replace(P1, BODY, "jan[at]voorbeeld.nl"), [contact(f"{P1_PATH}:13", "email")]),
    "email-entity": (replace(P1, BODY, "jan&#64;voorbeeld.nl"), [contact(f"{P1_PATH}:13", "email")]),
    "email-percent": (replace(P1, BODY, "[mail](mailto:jan%40voorbeeld.nl)"), [contact(f"{P1_PATH}:13", "email")]),
    "email-markdown-escape": (replace(P1, BODY, "jan\\@voorbeeld.nl"), [contact(f"{P1_PATH}:13", "email")]),
    "email-full-width-at": (replace(P1, BODY, "jan＠voorbeeld.nl"), [contact(f"{P1_PATH}:13", "email")]),
    "email-upper-case": (replace(P1, BODY, "JAN.JANSEN@VOORBEELD.NL"), [contact(f"{P1_PATH}:13", "email")]),
    "email-in-summary": (replace(P1, "samenvatting: Buurten oefenen samen een stroomuitval",
                                 "samenvatting: Buurten oefenen samen, info bij piet@buurt.nl"),
                         [contact(f"{P1_PATH}:4", "email")]),
    "email-in-notes": (replace(P2, "  - Op de kaart staat geen nummer.", "  - Navraag bij k.de.vries@example.org."),
                       [contact(f"{P2_PATH}:8", "email")]),
    "email-in-party-line": (replace(P1, PARTY_LINE, "- Netbeheerder (storing@netbeheer.nl)"),
                            [contact(f"{P1_PATH}:33", "email")]),
    "email-in-leader-organisation": (replace(W1, "organisatie: Burgerreserve", "organisatie: ada@burgerreserve.nl"),
                                     [contact(f"{W1_PATH}:7", "email")]),
    "email-in-leader-name": (replace(W1, "naam: Ada Voorbeeld", "naam: Ada Voorbeeld <ada@voorbeeld.nl>"),
                             [contact(f"{W1_PATH}:5", "email")]),
    "email-in-idea-title": (replace(I1, "titel: Lokaal oefenen", "titel: Lokaal oefenen met lokaal@oefenen.nl"),
                            [contact(f"{I1_PATH}:3", "email")]),
    "email-in-edition-source": (replace(E25, "  - Een voorbeeldbron.", "  - Mail van bron@voorbeeld.nl"),
                                [contact(f"{E25_PATH}:5", "email")]),
    "email-in-edition-intro": (replace(E25, "Een klein voorbeeld van een editie.", "Vragen: info@symposium.nl"),
                               [contact(f"{E25_PATH}:23", "email")]),
    "email-in-workshop-text": (replace(W1, "De burgerreserve traint",
                                       "Aanmelden: ada@burgerreserve.nl; de burgerreserve traint"),
                               [contact(f"{W1_PATH}:12", "email")]),
    "email-in-register-name": (replace(REGISTER, "naam: TNO", "naam: TNO (info@tno.nl)"),
                               [contact(f"{REGISTER_PATH}:16", "email")]),
    "email-in-register-spelling": (replace(REGISTER, "[Netbeheerder]", "[Netbeheerder, storing@netbeheer.nl]"),
                                   [contact(f"{REGISTER_PATH}:14", "email")]),
    # phone numbers, in several notations
    "phone-mobile-dash-title": (replace(P1, "titel: Oefen de wijk", "titel: Oefen de wijk, bel 06-12345678"),
                                [contact(f"{P1_PATH}:3", "phone")]),
    "phone-mobile-pairs": (replace(P1, BODY, "Bel 06 12 34 56 78."), [contact(f"{P1_PATH}:13", "phone")]),
    "phone-mobile-plain": (replace(P1, BODY, "Bel 0612345678."), [contact(f"{P1_PATH}:13", "phone")]),
    "phone-landline-brackets": (replace(P1, BODY, "Bel (010) 123 45 67."), [contact(f"{P1_PATH}:13", "phone")]),
    "phone-international": (replace(P1, BODY, "Bel +31 6 1234 5678."), [contact(f"{P1_PATH}:13", "phone")]),
    "phone-international-zero": (replace(P1, BODY, "Bel +31 (0)20 123 4567."), [contact(f"{P1_PATH}:13", "phone")]),
    "phone-double-zero": (replace(P1, BODY, "Bel 0031 6 12345678."), [contact(f"{P1_PATH}:13", "phone")]),
    "phone-foreign": (replace(P1, BODY, "Londen: +44 20 7946 0958."), [contact(f"{P1_PATH}:13", "phone")]),
    "phone-tel-link": (replace(P1, BODY, "[bel ons](tel:+31612345678)"),
                       [f"{P1_PATH}:13: de link naar 'tel:+31612345678' gebruikt 'tel:', en dat is geen webadres: een "
                        "link mag alleen naar een webadres (https://…) of een e-mailadres (mailto:…) wijzen; schrijf "
                        "het webadres voluit, met https:// ervoor, of haal de link weg [unsafe-html]",
                        contact(f"{P1_PATH}:13", "phone")]),
    "phone-split-over-two-lines": (replace(P1, BODY, "Bel 06-1234\n5678 voor vragen."),
                                   [contact(f"{P1_PATH}:13", "phone")]),
    "phone-in-bold-pieces": (replace(P1, BODY, "Bel 06-**1234**5678."), [contact(f"{P1_PATH}:13", "phone")]),
    "phone-full-width-digits": (replace(P1, BODY, "Bel ０６-１２３４５６７８."), [contact(f"{P1_PATH}:13", "phone")]),
    "phone-arabic-indic-digits": (replace(P1, BODY, "Bel ٠٦١٢٣٤٥٦٧٨."), [contact(f"{P1_PATH}:13", "phone")]),
    "phone-in-summary": (replace(P1, "samenvatting: Buurten oefenen samen een stroomuitval",
                                 "samenvatting: Buurten oefenen samen (contact 020-1234567)"),
                         [contact(f"{P1_PATH}:4", "phone")]),
    "phone-in-notes": (replace(P2, "  - Op de kaart staat geen nummer.", "  - Op de kaart staat 06-98765432."),
                       [contact(f"{P2_PATH}:8", "phone")]),
    "phone-in-party-line": (replace(P1, PARTY_LINE, "- Netbeheerder: 088-1234567"),
                            [contact(f"{P1_PATH}:33", "phone")]),
    "phone-in-leader-role": (replace(W1, "rol: directeur", "rol: directeur, 06 1234 5678"),
                             [contact(f"{W1_PATH}:6", "phone")]),
    "phone-in-volunteers": (replace(P1, "vrijwilligers: 3", "vrijwilligers: '06-12345678'"),
                            [volunteers(f"{P1_PATH}:7", "'12345678'"), contact(f"{P1_PATH}:7", "phone")]),
    "phone-in-register": (replace(REGISTER, "naam: Burgerreserve", "naam: Burgerreserve (030) 123 4567"),
                          [contact(f"{REGISTER_PATH}:9", "phone")]),
    "phone-in-file-name": (rename(P1, "proposals/2025/001-bel-06-12345678.md"),
                           ["content/proposals/2025/001-bel-06-12345678.md:1: de bestandsnaam bevat een "
                            "telefoonnummer. Contactgegevens horen niet in de inhoud: alles hier wordt openbaar (op de "
                            "pagina's, in de open data en in de zoekfunctie), en de bron noemt geen contactgegevens. "
                            "Hernoem het bestand, zonder het nummer; wie iemand wil bereiken, loopt via de organisatie. "
                            "[contact-details]"]),
    "email-and-phone-on-one-line": (replace(P1, BODY, "Jan: jan@voorbeeld.nl of 06-12345678"),
                                    [contact(f"{P1_PATH}:13", "both")]),
    "contact-on-several-lines": (replace(P1, BODY, "Mail a@b.nl\n\nof bel 06-12345678"),
                                 [contact(f"{P1_PATH}:13", "email"), contact(f"{P1_PATH}:15", "phone")]),
}


@pytest.mark.parametrize("name", sorted(CONTACT_CASES))
def test_contact_details_are_refused_at_the_line(name, content):
    mutate, expected = CONTACT_CASES[name]
    mutate(content)
    assert_reported(content, expected, timeout=60)


# Text that comes close and must pass: dates, years, counts, "112", postcodes, amounts, times, web addresses, a
# handle without a domain, an organisation's service number, a number in a title.
ORDINARY = ("Op 1-1-2025 en 01-02-2025 10.00 uur, in 2025 en 2026, met 3 à 4 mensen; bel bij nood 112 of 0800-1351. "
            "Postcode 2511 AB, 1.000.000 euro, +10.000.000 in 2030, score 3-0, 10:00-12:00, (27–30), 1+1, "
            "@gemeente, info@, ISBN 978-90-12345-67-8, point-2-point, 17.01.2025, "
            "[bron](https://www.rijksoverheid.nl/documenten/2025/01/17/0123456789).")


def test_ordinary_numbers_and_addresses_pass(content):
    replace(P1, BODY, ORDINARY)(content)
    replace(P2, "titel: Noodpakket", 'titel: "72-uurs noodpakket"')(content)
    result = run_cli("check", cwd=content.parent, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert contact_lines(ORDINARY) == {}


def test_the_real_content_has_no_contact_details_and_passes():
    before = snapshot(ROOT / "content")
    result = run_cli("check", timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "contact-details" not in result.stdout and "person-name" not in result.stdout
    assert "look-alike" not in result.stdout and "control-character" not in result.stdout
    assert snapshot(ROOT / "content") == before


# --- 7. vrijwilligers: any case, any script; the register does not widen the list ---------------------------------

def vrijwilligers(text: str):
    return replace(P1, "vrijwilligers: 3", f"vrijwilligers: {json.dumps(text, ensure_ascii=False)}")


NAMES = {
    "title-case": ("Jan en Piet", "'Jan', 'Piet'"),
    "lower-case": ("jan en piet", "'jan', 'piet'"),
    "upper-case": ("JAN EN PIET", "'JAN', 'PIET'"),
    "cyrillic": ("Ян и Пётр", "'Ян', 'и', 'Пётр'"),
    "greek": ("Γιάννης", "'Γιάννης'"),
    "cyrillic-look-alike-of-an-allowed-word": ("Wіе niet?!", "'Wіе'"),
    "full-width": ("ＪＡＮ", "'ＪＡＮ'"),
    "initial-and-surname": ("ongeveer 3, o.a. K. de Vries", "'K', 'Vries'"),
    "a-registered-party-is-not-a-volunteer-word": ("Gemeenten en Netbeheerders", "'Gemeenten', 'Netbeheerders'"),
}


@pytest.mark.parametrize("name", sorted(NAMES))
def test_volunteer_text_with_a_word_off_the_list_is_refused(name, content):
    text, words = NAMES[name]
    vrijwilligers(text)(content)
    assert_reported(content, [volunteers(f"{P1_PATH}:7", words)], timeout=60)


def test_a_name_first_added_to_the_register_is_still_refused(content):
    replace(REGISTER, "  - slug: tno\n", "  - slug: jan-jansen\n    naam: Jan Jansen\n    soort: bedrijfsleven\n"
            "  - slug: tno\n")(content)
    vrijwilligers("Jan Jansen")(content)
    assert_reported(content, [volunteers(f"{P1_PATH}:7", "'Jan', 'Jansen'")], timeout=60)


def test_an_email_address_as_volunteers_is_refused_twice(content):
    vrijwilligers("jan@voorbeeld.nl")(content)
    assert_reported(content, [volunteers(f"{P1_PATH}:7", "'jan', 'voorbeeld.nl'"), contact(f"{P1_PATH}:7", "email")],
                    timeout=60)


@pytest.mark.parametrize("text", ["Wie niet?! ☺", "TNO zou dit kunnen prima coördineren", "WIE NIET?!",
                                  "Iedereen aan tafel (Havenbedrijf Rotterdam o.a.)", "ongeveer 10", "n.v.t.",
                                  "onbekend", "meer dan 1.000", "2 à 3"])
def test_volunteer_texts_of_listed_words_and_numbers_pass(text, content):
    vrijwilligers(text)(content)
    result = run_cli("check", cwd=content.parent, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_word_list_is_the_one_contributing_names():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    listed = guide.split("<!-- volunteer-words:start -->")[1].split("<!-- volunteer-words:end -->")[0]
    words = re.findall(r"`([^`]+)`", listed)
    assert words == sorted(words) and set(words) == VOLUNTEER_WORDS


# --- 9. Invisible format characters, in every kind and the body -------------------------------------------------

RLO, ZWSP, LRI, ALM, RLM, BOM, SHY, WJ = "\u202e", "\u200b", "\u2066", "\u061c", "\u200f", "\ufeff", "\u00ad", "\u2060"

INVISIBLE_CASES = {
    "rlo-in-proposal-title": (replace(P1, "titel: Oefen de wijk", f"titel: Oefen de wijk{RLO} - bron"),
                              [invisible(f"{P1_PATH}:3", "U+202E ('RIGHT-TO-LEFT OVERRIDE')")]),
    "zero-width-space-in-idea-title": (replace(I1, "titel: Lokaal oefenen", f"titel: Lokaal{ZWSP}oefenen"),
                                       [invisible(f"{I1_PATH}:3", "U+200B ('ZERO WIDTH SPACE')")]),
    "isolate-in-leader-name": (replace(W1, "naam: Ada Voorbeeld", f"naam: {LRI}Ada Voorbeeld"),
                               [invisible(f"{W1_PATH}:5", "U+2066 ('LEFT-TO-RIGHT ISOLATE')")]),
    "arabic-letter-mark-in-edition": (replace(E25, "titel: Voorbeeldsymposium", f"titel: Voorbeeld{ALM}symposium"),
                                      [invisible(f"{E25_PATH}:2", "U+061C ('ARABIC LETTER MARK')")]),
    "rlm-in-body": (replace(P1, BODY, f"Burgers weten{RLM} wat ze moeten doen."),
                    [invisible(f"{P1_PATH}:13", "U+200F ('RIGHT-TO-LEFT MARK')")]),
    "bom-inside-register-name": (replace(REGISTER, "naam: Gemeenten", f"naam: Gemeen{BOM}ten"),
                                 [invisible(f"{REGISTER_PATH}:5", "U+FEFF ('ZERO WIDTH NO-BREAK SPACE')")]),
    "soft-hyphen-in-summary": (replace(P1, "samenvatting: Buurten oefenen", f"samenvatting: Buur{SHY}ten oefenen"),
                               [invisible(f"{P1_PATH}:4", "U+00AD ('SOFT HYPHEN')")]),
    "word-joiner-in-workshop-text": (replace(W1, "De burgerreserve traint", f"De burger{WJ}reserve traint"),
                                     [invisible(f"{W1_PATH}:12", "U+2060 ('WORD JOINER')")]),
    "rlo-in-a-key": (replace(P2, "thema: vitale-processen", f"thema{RLO}: vitale-processen"),
                     [f"{P2_PATH}:4: de sleutel 'thema\\u202e' bevat het onzichtbare stuurteken U+202E, dat niet "
                      "in de inhoud mag staan: haal het weg (ziet u het niet, typ de tekst eromheen dan opnieuw) "
                      "[control-character]"]),
    "every-line-named": (replace(P1, BODY, f"Een{ZWSP} regel.\n\nNog{RLO} een.\n\nEn{SHY} nog een."),
                         [invisible(f"{P1_PATH}:13", "U+200B ('ZERO WIDTH SPACE')"),
                          invisible(f"{P1_PATH}:15", "U+202E ('RIGHT-TO-LEFT OVERRIDE')"),
                          invisible(f"{P1_PATH}:17", "U+00AD ('SOFT HYPHEN')")]),
    "in-a-register-spelling-and-the-rest-still-checked": (
        both(replace(REGISTER, "[Netbeheerder]", f"[Netbeheerder, Net{ZWSP}beheer]"),
             replace(P1, BODY, "Mail a@b.nl")),
        [invisible(f"{REGISTER_PATH}:14", "U+200B ('ZERO WIDTH SPACE')"), contact(f"{P1_PATH}:13", "email")]),
}


@pytest.mark.parametrize("name", sorted(INVISIBLE_CASES))
def test_invisible_format_characters_are_refused_at_the_line(name, content):
    mutate, expected = INVISIBLE_CASES[name]
    mutate(content)
    assert_reported(content, expected, timeout=60)


def test_a_file_name_with_a_bidi_control_is_printed_escaped(content):
    rename(P2, f"proposals/2025/002-nood{RLO}pakket.md")(content)
    before = snapshot(content)
    result = run_cli("check", cwd=content.parent, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert RLO not in result.stdout + result.stderr
    assert "content/proposals/2025/002-nood\\u202epakket.md:1: " in result.stdout
    assert snapshot(content) == before


# --- 9. Look-alike parties: in the register and on the cards -----------------------------------------------------

LOOK_ALIKE_CASES = {
    "cyrillic-name-of-a-new-party": (
        replace(REGISTER, "  - slug: tno\n", "  - slug: gemeenten-2\n    naam: Gеmееnten\n    soort: overheid\n"
                "  - slug: tno\n"),
        [look_alike_spelling(f"{REGISTER_PATH}:16", "Gеmееnten", "gemeenten-2", "Gemeenten", "partij 'gemeenten'", 5,
                             CYRILLIC_E)]),
    "greek-capitals-of-a-new-party": (
        replace(REGISTER, "  - slug: tno\n", "  - slug: tno-2\n    naam: ΤΝΟ\n    soort: bedrijfsleven\n"
                "  - slug: tno\n"),
        [look_alike_spelling(f"{REGISTER_PATH}:16", "ΤΝΟ", "tno-2", "TNO", "partij 'tno'", 19,
                             "'Τ' U+03A4 ('GREEK CAPITAL LETTER TAU'), 'Ν' U+039D ('GREEK CAPITAL LETTER NU'), "
                             "'Ο' U+039F ('GREEK CAPITAL LETTER OMICRON')")]),
    "look-alike-spelling-of-the-same-party": (
        replace(REGISTER, "[Gemeente]", "[Gemeente, Gеmeente]"),
        [look_alike_spelling(f"{REGISTER_PATH}:7", "Gеmeente", "gemeenten", "Gemeente", "dezelfde partij", 7,
                             CYRILLIC_E)]),
    "ascii-capital-i-for-small-l": (
        replace(REGISTER, "  - slug: tno\n", "  - slug: inwoners\n    naam: Inwoners\n    soort: burgers en "
                "gemeenschappen\n  - slug: lnwoners\n    naam: lnwoners\n    soort: burgers en gemeenschappen\n"
                "  - slug: tno\n"),
        [look_alike_spelling(f"{REGISTER_PATH}:19", "lnwoners", "lnwoners", "Inwoners", "partij 'inwoners'", 16, "")]),
    "cyrillic-card-line": (
        replace(P1, "- Gemeente\n", "- Gеmeente\n"),
        [look_alike_line(f"{P1_PATH}:32", "Gеmeente", "'Gemeenten'", CYRILLIC_E)]),
    "greek-card-line": (
        replace(P1, "Buurtverenigingen", "ΤΝΟ"),
        [look_alike_line(f"{P1_PATH}:37", "ΤΝΟ", "'TNO'",
                         "'Τ' U+03A4 ('GREEK CAPITAL LETTER TAU'), 'Ν' U+039D ('GREEK CAPITAL LETTER NU'), "
                         "'Ο' U+039F ('GREEK CAPITAL LETTER OMICRON')")]),
    "one-of-two-parties-by-look-only": (
        replace(P1, "- Gemeente\n", "- Gemeente en Nеtbeheerder\n"),
        [look_alike_line(f"{P1_PATH}:32", "Gemeente en Nеtbeheerder", "'Netbeheerders'", CYRILLIC_E)]),
    "leader-organisation": (
        replace(W1, "organisatie: Burgerreserve", "organisatie: Burgerrеserve"),
        [look_alike_line(f"{W1_PATH}:7", "Burgerrеserve", "'Burgerreserve'", CYRILLIC_E)]),
}


@pytest.mark.parametrize("name", sorted(LOOK_ALIKE_CASES))
def test_look_alike_parties_are_refused(name, content):
    mutate, expected = LOOK_ALIKE_CASES[name]
    mutate(content)
    assert_reported(content, expected, timeout=60)


def test_accented_and_other_script_party_lines_that_look_like_no_party_pass(content):
    both(replace(P1, "- Gemeente\n", "- Gemeente, Москва и Αθήνα\n"),
         replace(P1, "Buurtverenigingen", "Buurtverenigingen café"))(content)
    result = run_cli("check", cwd=content.parent, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


# --- 8. CSV: no split of the file starts a formula ----------------------------------------------------------------

FORMULAS = {
    "title-semicolon": "Verantwoordelijkheid;=1+1;=HYPERLINK(A1)",
    "title-comma-plus": "Samen,+1+cmd,  +2",
    "title-quote-after-separator": 'Samen;"=1+1";" @SUM(A1)"',
    "title-leading-minus": "-2+3 wijken",
}


def _cells(text: str) -> list[str]:
    """Every way a spreadsheet may cut the file: Python's csv module on ',' and on ';', honouring quotes or not, and
    a plain split on every separator; each cell as a spreadsheet may trim it."""
    cells = []
    for delimiter in (",", ";", "\t"):
        for quoting in (csv.QUOTE_MINIMAL, csv.QUOTE_NONE):
            cells += [c for row in csv.reader(io.StringIO(text), delimiter=delimiter, quoting=quoting) for c in row]
    cells += re.split(r"[,;\t\r\n]", text)
    return [c.lstrip(' "') for c in cells]


def _formula_cells(files: dict[str, str]) -> list[str]:
    return [cell for name, text in files.items() if name.endswith(".csv") for cell in _cells(text)
            if cell[:1] in ("=", "+", "-", "@")]


def test_csv_formulas_after_a_separator_are_neutralised_in_every_file(content):
    replace(P1, "titel: Oefen de wijk", f"titel: {json.dumps(FORMULAS['title-semicolon'])}")(content)
    replace(P2, "titel: Noodpakket", f"titel: {json.dumps(FORMULAS['title-comma-plus'])}")(content)
    replace(I1, "titel: Lokaal oefenen", f"titel: {json.dumps(FORMULAS['title-quote-after-separator'])}")(content)
    replace(W1, "  - naam: Vertegenwoordigers", "  - naam: \"=cmd|' /C calc'!A0\"")(content)  # a second leader
    replace(P1, "Burgers weten wat ze moeten doen.", "Kolom\t@SUM(A1)\tklaar")(content)  # tab then '@', in the body
    replace(P1, "- Rust in de wijk\n- Minder paniek", "- Rust in de wijk\n-1+1 paniek")(content)  # line break, '-'
    replace(REGISTER, "naam: Netbeheerders", "naam: \"Netbeheerders;-2+3\"")(content)
    replace(REGISTER, "[Netbeheerder]", "[Netbeheerder, \"+Netbeheer\"]")(content)
    replace(I2, "titel: Voorraden", f"titel: {json.dumps(FORMULAS['title-leading-minus'])}")(content)
    catalog = load_catalog(content)  # the check accepts all of it
    files = export(catalog)
    assert _formula_cells(files) == []
    proposals = list(csv.DictReader(io.StringIO(files["data/proposals.csv"])))
    assert proposals[0]["title"] == "Verantwoordelijkheid;'=1+1;'=HYPERLINK(A1)"
    assert proposals[0]["Beoogd effect"] == "Kolom\t'@SUM(A1)\tklaar"
    assert proposals[0]["Waar uit zich het effect"] == "'- Rust in de wijk\n'-1+1 paniek"
    assert proposals[1]["title"] == "Samen,'+1+cmd,  '+2"
    workshops = list(csv.DictReader(io.StringIO(files["data/workshops.csv"])))
    assert workshops[0]["leaders"] == "Ada Voorbeeld;'=cmd|' /C calc'!A0"
    ideas = list(csv.DictReader(io.StringIO(files["data/ideas.csv"])))
    assert ideas[0]["title"] == 'Samen;"\'=1+1";" \'@SUM(A1)"'
    assert ideas[1]["title"] == "'-2+3 wijken"
    parties = {row["slug"]: row for row in csv.DictReader(io.StringIO(files["data/parties.csv"]))}
    assert parties["netbeheerders"]["name"] == "Netbeheerders;'-2+3"
    assert parties["netbeheerders"]["spellings"] == "Netbeheerders;'-2+3;Netbeheerder;'+Netbeheer"
    # The JSON keeps the text as written.
    assert json.loads(files["data/proposals.json"])[0]["title"] == FORMULAS["title-semicolon"]
    assert json.loads(files["data/workshops.json"])[0]["leaders"][1]["name"] == "=cmd|' /C calc'!A0"


def test_csv_of_the_sample_has_no_cell_that_starts_a_formula_however_it_is_split():
    from conftest import SAMPLE
    files = export(load_catalog(SAMPLE))
    assert _formula_cells(files) == []
    # Every field is quoted, numbers too; a plain value is unchanged.
    assert files["data/ideas.csv"].splitlines()[1] == ('"1","2025","Lokaal oefenen","oefenen","","1","",'
                                                         '"workshops 2026/1","ideeen/2025/001-lokaal-oefenen/"')


@pytest.mark.parametrize("value, expected", [
    ("=1", "'=1"), ("a;=1", "a;'=1"), ("a,+1", "a,'+1"), ("a\t@x", "a\t'@x"), ("a\n-1", "a\n'-1"), ("a\r=1", "a\r'=1"),
    ("a; =1", "a; '=1"), ('a;"=1', "a;\"'=1"), ("a;＝1", "a;'＝1"), ("72-uurs", "72-uurs"), ("a - b", "a - b"),
    ("1+1", "1+1"), ("a@b", "a@b"), ("'=1", "'=1"), (3, 3), (None, None),
])
def test_neutralise_quotes_every_formula_start_after_a_separator(value, expected):
    assert neutralise(value) == expected


# --- bounds: every rule linear, the check of the real content plus one hostile file fast ---------------------------

HOSTILE_BODIES = {
    "digit-groups": "0 1 " * 120_000,
    "at-signs": "a@b." * 120_000,
    "spelled-at": "(at)a(dot)" * 45_000,
    "long-word-then-at": "a" * 480_000 + "@",
    "separators-for-csv": ";" * 480_000,
    "non-ascii-digits": "٠١ " * 100_000,
    "format-characters": "a\u200b\n" * 100_000,
    "email-lines": "a@b.nl\n" * 70_000,
    "phone-lines": "0612345678\n" * 45_000,
    "markup-to-read": "*&%_[]`\n" * 60_000,
    "entities-and-markup-to-read": "*&#64;_[]`1\n" * 40_000,
}


def test_many_lines_with_contact_details_give_twenty_problems_and_the_count(content):
    replace(P1, BODY, "\n\n".join(f"Mail {i}@voorbeeld.nl" for i in range(25)))(content)
    expected = [contact(f"{P1_PATH}:{13 + 2 * i}", "email") for i in range(20)]
    expected[-1] = expected[-1].replace(" [contact-details]", " Hetzelfde geldt voor nog 5 regels verderop. "
                                        "[contact-details]")
    assert_reported(content, expected, timeout=60)


def test_many_lines_with_format_characters_give_twenty_problems(content):
    replace(P1, BODY, "\n".join(f"regel{ZWSP}{i}" for i in range(25)))(content)
    expected = [invisible(f"{P1_PATH}:{13 + i}", "U+200B ('ZERO WIDTH SPACE')") for i in range(20)]
    expected[-1] = expected[-1].replace(" [control-character]", " Verderop staan nog meer regels met zulke tekens. "
                                        "[control-character]")
    assert_reported(content, expected, timeout=60)


def test_a_long_volunteer_text_of_distinct_words_is_refused_quickly(content):
    vrijwilligers(" ".join(f"naam{i}" for i in range(40_000)))(content)
    result = run_cli("check", cwd=content.parent, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    listed = ", ".join(f"'naam{i}'" for i in range(10))
    assert f"deze woorden staan er niet in: {listed}, …." in result.stdout


@pytest.mark.parametrize("name", sorted(HOSTILE_BODIES))
def test_the_privacy_and_unicode_rules_stay_linear(name, tmp_path):
    """A file of up to 512 KB built to make each rule work hardest, added to the real content: the check ends well
    within its timeout (a regression fails instead of hanging), with no traceback. The time is printed."""
    import shutil
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "content", root / "content")
    path = root / "content" / "proposals" / "2025" / "099-bounds.md"
    path.write_text("---\nnummer: 99\ntitel: Grenzen\nthema: bewustwording\nideeen: []\n---\n\n## Beoogd effect\n\n"
                    + HOSTILE_BODIES[name] + "\n", encoding="utf-8")
    assert path.stat().st_size <= 512 * 1024
    start = time.perf_counter()
    result = run_cli("check", cwd=root, timeout=60)
    elapsed = time.perf_counter() - start
    print(f"{name}: check of the real content plus one hostile file took {elapsed:.2f} s")
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode in (0, 1)


def test_neutralise_is_linear_on_half_a_megabyte():
    """The CSV rule on cells built to make it work hardest (every character a separator, a formula start after each,
    runs of spaces and quotes): a subprocess, so that a regression fails at the timeout instead of hanging."""
    code = ("import time; from generator.pages.export import neutralise\n"
            "for cell in (';=' * 250_000, ';' + ' ' * 500_000, ('; \"' * 2 + '=') * 70_000, '\\n-' * 250_000):\n"
            "    start = time.perf_counter(); out = neutralise(cell)\n"
            "    print(f'{len(cell):,} characters: {time.perf_counter() - start:.3f} s')\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    print(result.stdout)
