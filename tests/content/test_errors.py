"""Every broken change gives exit 1, exactly these lines, no traceback, and leaves content/ byte-identical.

The expected lines are the contract with editors: CONTRIBUTING.md explains each [code]."""
from __future__ import annotations

import pytest

from broken_cases import ACCEPTED, CASES, WARNED
from conftest import SAMPLE_PASSED, SUMMARY_END, assert_reported, run_cli, snapshot
from dutch import assert_dutch
from generator.content import messages as M

EXPECTED = {
    'yaml-unclosed-quote': [
        "content/proposals/2025/001-oefen-de-wijk.md:3: het aanhalingsteken dat op deze regel opent, sluit niet: zet hetzelfde teken (\" of ') aan het eind van de waarde, op dezelfde regel [yaml-syntax]",
    ],
    'yaml-bad-indent': [
        'content/proposals/2025/001-oefen-de-wijk.md:6: deze regel springt in, maar de sleutel erboven opent geen lijst of groep: begin de sleutel vooraan de regel, zonder spaties ervoor [yaml-syntax]',
    ],
    'yaml-tab': [
        "content/proposals/2025/001-oefen-de-wijk.md:7: deze regel springt in met een tab: vervang de tab door spaties [yaml-syntax]",
    ],
    'missing-title': [
        "content/proposals/2025/001-oefen-de-wijk.md:2: de verplichte sleutel 'titel' ontbreekt: voeg een regel toe, bijv. 'titel: \"Samen weerbaar\"' [missing-key]",
    ],
    'empty-title': [
        "content/proposals/2025/001-oefen-de-wijk.md:3: de sleutel 'titel' is leeg, maar verplicht: vul hem in, bijv. 'titel: \"Samen weerbaar\"' [empty-value]",
    ],
    'empty-string-title': [
        "content/proposals/2025/001-oefen-de-wijk.md:3: de sleutel 'titel' is leeg, maar verplicht: vul hem in, bijv. 'titel: \"Samen weerbaar\"' [empty-value]",
    ],
    'missing-theme-and-ideas': [
        "content/proposals/2025/002-noodpakket.md:2: de verplichte sleutel 'ideeen' ontbreekt: voeg een regel toe, bijv. 'ideeen: [4, 16]' (of 'ideeen: []' als er nog geen zijn) [missing-key]",
        "content/proposals/2025/002-noodpakket.md:2: de verplichte sleutel 'thema' ontbreekt: voeg een regel toe, bijv. 'thema: bewustwording'; mogelijk zijn: 'bewustwording', 'vitale-processen'. [missing-key]",
    ],
    'unknown-key-typo': [
        "content/proposals/2025/001-oefen-de-wijk.md:8: onbekende sleutel 'ideen'; bedoelt u 'ideeen'? [unknown-key]",
    ],
    'unknown-key-other': [
        "content/proposals/2025/001-oefen-de-wijk.md:7: onbekende sleutel 'auteur'; mogelijk zijn: 'nummer', 'titel', 'samenvatting', 'thema', 'groep', 'workshop', 'vrijwilligers', 'ideeen', 'verwante_ideeen', 'afwijkingen'. [unknown-key]",
    ],
    'number-as-text': [
        "content/proposals/2025/001-oefen-de-wijk.md:2: 'nummer' is 'een'; hier hoort een heel getal van 1 of meer, bijv. 'nummer: 1' [wrong-type]",
    ],
    'group-as-text': [
        "content/proposals/2025/001-oefen-de-wijk.md:6: 'groep' is 'twee'; hier hoort een heel getal van 1 of meer, bijv. 'groep: 2' [wrong-type]",
    ],
    'ideas-not-a-list': [
        "content/proposals/2025/001-oefen-de-wijk.md:8: 'ideeen' is '1 en 2'; hier hoort een lijst, bijv. 'ideeen: [4, 16]' (of 'ideeen: []' als er nog geen zijn) [wrong-type]",
    ],
    'idea-ref-wrong-form': [
        "content/proposals/2025/001-oefen-de-wijk.md:8: 'ideeen[1]' is '2025-2'; hier hoort een nummer (bijv. 14) of 'jaar/nummer' (bijv. '2025/14') [wrong-type]",
    ],
    'negative-volunteers': [
        "content/proposals/2025/001-oefen-de-wijk.md:7: 'vrijwilligers' is -3; hier hoort het aantal vrijwilligers: een heel getal van 0 of meer, bijv. 'vrijwilligers: 5', of een korte tekst zoals op de kaart [wrong-type]",
    ],
    'leader-missing-name': [
        "content/workshops/2026/001-burgerreserve.md:8: de verplichte sleutel 'naam' ontbreekt in punt 2 van 'leiders': voeg een regel toe, bijv. 'naam: Eva Voorbeeld' [missing-key]",
    ],
    'leader-unknown-key': [
        "content/workshops/2026/001-burgerreserve.md:6: onbekende sleutel 'leiders[0].functie'; mogelijk zijn: 'naam', 'rol', 'organisatie'. [unknown-key]",
    ],
    'dead-link': [
        "content/proposals/2025/001-oefen-de-wijk.md:8: 'ideeen' verwijst naar idee 2025/7, dat niet bestaat; de ideeën van 2025 hebben de nummers 1–3 [dead-link]",
    ],
    'dead-link-other-edition': [
        "content/workshops/2026/001-burgerreserve.md:9: 'verwante_ideeen' verwijst naar idee 2024/2, dat niet bestaat; 2024 heeft geen ideeën [dead-link]",
    ],
    'duplicate-link': [
        "content/proposals/2025/001-oefen-de-wijk.md:8: 'ideeen' noemt idee 1 twee keer; haal er één weg [duplicate-link]",
    ],
    'duplicate-number': [
        # Without git the check cannot tell the copy from the published entry: both are named, neither is blamed.
        "content/proposals/2025/002-dubbel.md:2: nummer 2 wordt ook gebruikt door content/proposals/2025/002-noodpakket.md: houd het nummer van het bestand dat al gepubliceerd is (het webadres hangt ervan af), en geef het nieuwe het eerstvolgende vrije nummer 4 (in de bestandsnaam en bij 'nummer') [duplicate-number]",
        "content/proposals/2025/002-noodpakket.md:2: nummer 2 wordt ook gebruikt door content/proposals/2025/002-dubbel.md: houd het nummer van het bestand dat al gepubliceerd is (het webadres hangt ervan af), en geef het nieuwe het eerstvolgende vrije nummer 4 (in de bestandsnaam en bij 'nummer') [duplicate-number]",
    ],
    'file-name-disagrees': [
        "content/proposals/2025/001-oefen-de-wijk.md:2: de bestandsnaam heeft nummer 1, maar 'nummer' is 11: hernoem het bestand naar 011-oefen-de-wijk.md, of verander de regel in 'nummer: 1' [number-mismatch]",
    ],
    'unknown-theme': [
        "content/proposals/2025/001-oefen-de-wijk.md:5: editie 2025 heeft geen thema 'bewustzijn'; bedoelt u 'bewustwording'? [unknown-theme]",
    ],
    'unknown-category': [
        "content/ideas/2025/001-lokaal-oefenen.md:4: editie 2025 heeft geen categorie 'oefening'; bedoelt u 'oefenen'? [unknown-category]",
    ],
    'unknown-subcategory': [
        "content/ideas/2025/002-voorraden.md:5: de categorie 'voorbereiden' heeft geen subcategorie 'landelijk'; mogelijk zijn: 'lokaal'. [unknown-category]",
    ],
    'missing-subcategory': [
        "content/ideas/2025/002-voorraden.md:4: bij de categorie 'voorbereiden' hoort een 'subcategorie': voeg een regel toe, bijv. 'subcategorie: lokaal' [missing-key]",
    ],
    'subcategory-not-allowed': [
        "content/ideas/2025/001-lokaal-oefenen.md:5: de categorie 'oefenen' heeft geen subcategorieën: haal de regel 'subcategorie' weg [unknown-category]",
    ],
    'unknown-edition': [
        'content/proposals/2024/001-oud.md:1: editie 2024 bestaat niet (er zijn: 2025, 2026): maak content/editions/2024.md aan, of zet het bestand in de map van een editie die er is [unknown-edition]',
    ],
    'non-utf8': [
        "content/proposals/2025/001-oefen-de-wijk.md:24: op deze regel staat een teken dat niet als UTF-8 is opgeslagen (byte 0xe9): sla het bestand op als UTF-8 (in de meeste editors via 'Opslaan als' of 'Save with encoding') [encoding]",
    ],
    'empty-file': [
        "content/proposals/2025/002-noodpakket.md:1: het bestand is leeg: begin het met de gegevens tussen twee regels '---', zoals CONTRIBUTING.md laat zien [empty-file]",
    ],
    'whitespace-only-file': [
        "content/proposals/2025/002-noodpakket.md:1: het bestand is leeg: begin het met de gegevens tussen twee regels '---', zoals CONTRIBUTING.md laat zien [empty-file]",
    ],
    'no-front-matter': [
        "content/proposals/2025/002-noodpakket.md:1: het bestand begint niet met de gegevens: zet bovenaan een regel '---', daaronder de sleutels met hun waarden, en daarna weer een regel '---' [no-front-matter]",
    ],
    'unclosed-front-matter': [
        "content/proposals/2025/002-noodpakket.md:1: de gegevens bovenaan het bestand worden niet afgesloten: zet een regel '---' onder de laatste sleutel [no-front-matter]",
    ],
    'front-matter-not-mapping': [
        "content/proposals/2025/002-noodpakket.md:1: de gegevens zijn geen sleutels met waarden: schrijf ze als regels 'sleutel: waarde', bijv. 'titel: Oefen de wijk' [wrong-type]",
    ],
    'huge-file': [
        'content/proposals/2025/002-noodpakket.md:1: het bestand is 600.090 bytes groot, meer dan de 524.288 die mogen: verdeel de tekst over meer bestanden, of haal geplakte tekst weg [file-too-large]',
    ],
    'heading-typo': [
        "content/proposals/2025/001-oefen-de-wijk.md:11: onbekende kop 'Beoogd efect'; bedoelt u 'Beoogd effect'? Verander de regel dan in '## Beoogd effect' [unknown-heading]",
    ],
    'duplicate-heading': [
        "content/proposals/2025/001-oefen-de-wijk.md:26: de kop 'Eerste stap' staat twee keer in het bestand (ook op regel 22); voeg de twee secties samen [duplicate-heading]",
    ],
    'bad-file-name': [
        "content/proposals/2025/Noodpakket.md:1: de naam van het bestand moet de vorm '<nummer>-<naam>.md' hebben, met in de naam alleen kleine letters, cijfers en streepjes: hernoem het bestand, bijv. naar 001-het-spel-gaat-beginnen.md [bad-file-name]",
    ],
    'file-outside-edition-folder': [
        'content/proposals/002-noodpakket.md:1: dit bestand staat niet op de plek van een voorstel, idee of workshop: zet het in content/<proposals|ideas|workshops>/<jaar>/<nummer>-<naam>.md, bijv. content/proposals/2025/001-het-spel-gaat-beginnen.md [bad-path]',
    ],
    'unknown-kind-folder': [
        'content/voorstellen/2025/002-noodpakket.md:1: dit bestand staat niet op de plek van een voorstel, idee of workshop: zet het in content/<proposals|ideas|workshops>/<jaar>/<nummer>-<naam>.md, bijv. content/proposals/2025/001-het-spel-gaat-beginnen.md [bad-path]',
    ],
    'symlink-leaves-content': [
        'content/proposals/2025/005-link.md:1: dit is een koppeling (symlink) naar een plek buiten content/: zet het bestand zelf in content/, in plaats van de koppeling [bad-path]',
    ],
    'script-tag': [
        "content/proposals/2025/001-oefen-de-wijk.md:13: de HTML-tag '<script>' kan code uitvoeren in de browser van een lezer: haal hem weg en schrijf gewone tekst of Markdown [unsafe-html]",
    ],
    'iframe': [
        "content/proposals/2025/001-oefen-de-wijk.md:28: de HTML-tag '<iframe>' kan code uitvoeren in de browser van een lezer: haal hem weg en schrijf gewone tekst of Markdown [unsafe-html]",
    ],
    'event-handler': [
        "content/proposals/2025/001-oefen-de-wijk.md:28: het HTML-attribuut 'onerror=' kan code uitvoeren in de browser van een lezer: haal de HTML weg en schrijf gewone tekst of Markdown [unsafe-html]",
    ],
    'javascript-link': [
        "content/proposals/2025/001-oefen-de-wijk.md:37: een link met 'javascript:' kan code uitvoeren in de browser van een lezer: haal de link weg en schrijf gewone tekst of Markdown [unsafe-html]",
    ],
    'script-in-title': [
        "content/proposals/2025/001-oefen-de-wijk.md:3: de HTML-tag '<script>' kan code uitvoeren in de browser van een lezer: haal hem weg en schrijf gewone tekst of Markdown [unsafe-html]",
    ],
    'duplicate-key': [
        "content/proposals/2025/001-oefen-de-wijk.md:7: de sleutel 'groep' staat twee keer in de gegevens: houd er één, en haal de andere weg [duplicate-key]",
    ],
    'edition-bad-date': [
        "content/editions/2025.md:3: 'datum' is '17 januari 2025'; hier hoort een datum als jaar-maand-dag, bijv. 'datum: 2025-01-17' [wrong-type]",
    ],
    'edition-bad-slug': [
        "content/editions/2025.md:14: 'categorieen[0].slug' is 'Oefenen En'; hier hoort een slug van kleine letters, cijfers en streepjes, bijv. 'lokaal-voorbereiden' [wrong-type]",
    ],
    'title-list-number-dash': [
        "content/proposals/2025/001-oefen-de-wijk.md:3: de titel begint met een lijstnummer '2- ': schrijf de titel zonder dat nummer, en noteer de vorm uit de bron onder 'afwijkingen' [title-format]",
    ],
    'title-list-number-parenthesis': [
        "content/ideas/2025/001-lokaal-oefenen.md:3: de titel begint met een lijstnummer '2) ': schrijf de titel zonder dat nummer, en noteer de vorm uit de bron onder 'afwijkingen' [title-format]",
    ],
    'title-list-number-spaced-dash': [
        "content/workshops/2026/001-burgerreserve.md:3: de titel begint met een lijstnummer '3 - ': schrijf de titel zonder dat nummer, en noteer de vorm uit de bron onder 'afwijkingen' [title-format]",
    ],
    'title-trailing-colon': [
        "content/proposals/2025/002-noodpakket.md:3: de titel eindigt op een dubbele punt: schrijf de titel zonder de dubbele punt, en noteer de vorm uit de bron onder 'afwijkingen' [title-format]",
    ],
    'title-ampersand-digit': [
        "content/ideas/2025/002-voorraden.md:3: de titel bevat '&2', een scanfout ('&' direct voor een cijfer, bijv. '&2' voor '72'): schrijf het getal zoals de bron het bedoelt, en noteer de vorm uit de bron onder 'afwijkingen' [title-format]",
    ],
    'edition-title-trailing-colon': [
        "content/editions/2025.md:2: de titel eindigt op een dubbele punt: schrijf de titel zonder de dubbele punt, en noteer de vorm uit de bron onder 'afwijkingen' [title-format]",
    ],
    'title-all-three-marks': [
        "content/proposals/2025/001-oefen-de-wijk.md:3: de titel begint met een lijstnummer '1- ': schrijf de titel zonder dat nummer, en noteer de vorm uit de bron onder 'afwijkingen' [title-format]",
        "content/proposals/2025/001-oefen-de-wijk.md:3: de titel bevat '&2', een scanfout ('&' direct voor een cijfer, bijv. '&2' voor '72'): schrijf het getal zoals de bron het bedoelt, en noteer de vorm uit de bron onder 'afwijkingen' [title-format]",
        "content/proposals/2025/001-oefen-de-wijk.md:3: de titel eindigt op een dubbele punt: schrijf de titel zonder de dubbele punt, en noteer de vorm uit de bron onder 'afwijkingen' [title-format]",
    ],
    'register-duplicate-spelling': [
        "content/partijen.yml:14: de schrijfwijze 'gemeente' van partij 'netbeheerders' staat ook bij partij 'gemeenten' (regel 4), en een schrijfwijze hoort bij één partij: haal haar weg bij de partij die er niet mee bedoeld wordt [duplicate-spelling]",
    ],
    'register-duplicate-party': [
        "content/partijen.yml:15: de partij 'gemeenten' staat twee keer in het register (ook op regel 4): voeg de twee samen tot één partij [duplicate-party]",
    ],
    'register-unknown-kind': [
        "content/partijen.yml:6: 'partijen[0].soort' is 'gemeente'; hier hoort één van 'overheid', 'veiligheid en defensie', 'bedrijfsleven', 'kennis en onderwijs', 'maatschappelijke organisatie', 'media', 'burgers en gemeenschappen' [wrong-type]",
    ],
    'register-missing-name': [
        "content/partijen.yml:15: de verplichte sleutel 'naam' ontbreekt in punt 4 van 'partijen': voeg een regel toe, bijv. 'naam: Gemeenten' [missing-key]",
    ],
    'register-not-yaml': [
        "content/partijen.yml:7: de lijst die op deze regel met '[' begint, sluit niet: zet ']' aan het eind van dezelfde regel, bijv. ideeen: [4, 16] [yaml-syntax]",
    ],
    'volunteers-named': [
        "content/proposals/2025/001-oefen-de-wijk.md:7: bij 'vrijwilligers' hoort het aantal vrijwilligers, nooit een naam: de bron liet de namen bewust weg om de privacy van de vrijwilligers te beschermen. Als tekst mag hier alleen iets staan dat niemand noemt, met woorden uit de lijst in CONTRIBUTING.md (zoals 'ongeveer', 'onbekend' of 'Wie niet?!') en getallen; deze woorden staan er niet in: 'Jan', 'Piet'. Schrijf het aantal (bijvoorbeeld 'vrijwilligers: 2') of laat de regel weg. [person-name]",
    ],
    'volunteers-named-in-a-sentence': [
        "content/proposals/2025/002-noodpakket.md:5: bij 'vrijwilligers' hoort het aantal vrijwilligers, nooit een naam: de bron liet de namen bewust weg om de privacy van de vrijwilligers te beschermen. Als tekst mag hier alleen iets staan dat niemand noemt, met woorden uit de lijst in CONTRIBUTING.md (zoals 'ongeveer', 'onbekend' of 'Wie niet?!') en getallen; deze woorden staan er niet in: 'Karel', 'helpt'. Schrijf het aantal (bijvoorbeeld 'vrijwilligers: 2') of laat de regel weg. [person-name]",
    ],
    'contact-details-of-a-leader': [
        "content/workshops/2026/001-burgerreserve.md:7: deze regel bevat een telefoonnummer. Contactgegevens horen niet in de inhoud: alles hier wordt openbaar (op de pagina's, in de open data en in de zoekfunctie), en de bron noemt geen contactgegevens. Haal het weg; wie iemand wil bereiken, loopt via de organisatie. [contact-details]",
    ],
    'register-look-alike': [
        "content/partijen.yml:14: schrijfwijze 'G\u0435m\u0435\u0435nten' van partij 'netbeheerders' ziet er hetzelfde uit als 'Gemeenten' van partij 'gemeenten' (regel 5), maar is met andere tekens geschreven: '\u0435' U+0435 ('CYRILLIC SMALL LETTER IE'). Zo zou de site partijen tonen die een lezer niet uit elkaar kan houden. Typ de schrijfwijze opnieuw met gewone letters, of haal haar weg. [look-alike]",
    ],
    'many-problems-at-once': [
        "content/ideas/2025/001-lokaal-oefenen.md:4: editie 2025 heeft geen categorie 'x'; mogelijk zijn: 'oefenen', 'voorbereiden'. [unknown-category]",
        "content/proposals/2025/001-oefen-de-wijk.md:2: 'nummer' is 'een'; hier hoort een heel getal van 1 of meer, bijv. 'nummer: 1' [wrong-type]",
        "content/workshops/2026/001-burgerreserve.md:9: 'verwante_ideeen' verwijst naar idee 2025/9, dat niet bestaat; de ideeën van 2025 hebben de nummers 1–3 [dead-link]",
    ],
    'yaml-unclosed-bracket': [
        "content/proposals/2025/001-oefen-de-wijk.md:8: de lijst die op deze regel met '[' begint, sluit niet: zet ']' aan het eind van dezelfde regel, bijv. ideeen: [4, 16] [yaml-syntax]",
    ],
    'yaml-colon-in-title': [
        'content/proposals/2025/001-oefen-de-wijk.md:3: de waarde bevat een dubbele punt met een spatie erna: zet de hele waarde tussen dubbele aanhalingstekens, zo: titel: "Oefen de wijk: samen klaar" [yaml-syntax]',
    ],
    'yaml-unclosed-single-quote': [
        "content/proposals/2025/001-oefen-de-wijk.md:3: het aanhalingsteken dat op deze regel opent, sluit niet: zet hetzelfde teken (\" of ') aan het eind van de waarde, op dezelfde regel [yaml-syntax]",
    ],
    'yaml-tab-in-list': [
        'content/workshops/2026/001-burgerreserve.md:6: deze regel springt in met een tab: vervang de tab door spaties [yaml-syntax]',
    ],
    'yaml-list-item-misaligned': [
        'content/workshops/2026/001-burgerreserve.md:6: deze regel springt anders in dan de regels erboven: laat de delen van één punt van een lijst even ver inspringen, en begin een nieuwe sleutel vooraan de regel [yaml-syntax]',
    ],
    'yaml-value-starts-with-at': [
        'content/proposals/2025/001-oefen-de-wijk.md:3: een waarde die met dit teken begint, moet tussen aanhalingstekens staan: zet de hele waarde tussen dubbele aanhalingstekens, zo: titel: "@buurt oefent" [yaml-syntax]',
    ],
    'empty-optional-key': [
        "content/proposals/2025/001-oefen-de-wijk.md:6: de sleutel 'groep' is leeg: vul hem in, bijv. 'groep: 2', of haal de regel weg [empty-value]",
    ],
}

# Warnings: printed by the check, which still passes.
WARNINGS = {
    'party-line-typo': [
        "content/proposals/2025/001-oefen-de-wijk.md:33: waarschuwing: de partijregel 'Netbeheerdr' noemt geen partij uit het register; bedoelt u 'Netbeheerder'? Zet de schrijfwijze van deze regel dan bij de 'schrijfwijzen' van die partij in content/partijen.yml; noemt de regel geen partij, laat hem dan zo [unknown-party]",
    ],
}


def test_every_case_has_an_expectation():
    assert sorted(EXPECTED) == sorted(CASES)
    assert sorted(WARNINGS) == sorted(WARNED)
    assert len(CASES) >= 40


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_content_is_reported_exactly(name, content):
    CASES[name](content)
    assert_reported(content, EXPECTED[name])


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_content_fails_the_build_and_keeps_the_previous_site(name, content):
    """`generator build` refuses too, and leaves the previous docs directory as it was."""
    out = content.parent / "docs"
    good = run_cli("build", "--out", str(out), cwd=content.parent)
    assert good.returncode == 0, good.stdout
    previous = snapshot(out)
    CASES[name](content)
    result = run_cli("build", "--out", str(out), cwd=content.parent)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(out) == previous


@pytest.mark.parametrize("name", sorted(ACCEPTED) + sorted(WARNED))
def test_accepted_variants_pass_with_their_warnings(name, content):
    """Variants the check accepts: exit 0, nothing on stderr, the warnings the variant earns (if any), the count."""
    {**ACCEPTED, **WARNED}[name](content)
    before = snapshot(content)
    result = run_cli("check", cwd=content.parent)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == WARNINGS.get(name, []) + [SAMPLE_PASSED]
    assert snapshot(content) == before


def test_warnings_are_counted_next_to_errors(content):
    WARNED["party-line-typo"](content)
    CASES["volunteers-named"](content)
    result = run_cli("check", cwd=content.parent)
    assert result.returncode == 1
    assert result.stdout.splitlines() == EXPECTED["volunteers-named"] + WARNINGS["party-line-typo"]
    assert result.stderr == f"1 fout en 1 waarschuwing gevonden; {SUMMARY_END}\n"


# Values of the wrong shape are named in words (not as Python writes them: "None", "{'a': None}"), empty ones say
# what to type: the edition's own themes and categories, the register's kinds; every line Dutch.
SHAPES = [
    ("proposals/2025/001-oefen-de-wijk.md", "titel: Oefen de wijk", "titel: [Oefen, null]"),
    ("proposals/2025/001-oefen-de-wijk.md", "samenvatting: Buurten oefenen samen een stroomuitval", "samenvatting: {a: }"),
    ("proposals/2025/001-oefen-de-wijk.md", "thema: bewustwording", "thema:"),
    ("proposals/2025/001-oefen-de-wijk.md", "groep: 2", "groep: 1.5"),
    ("proposals/2025/001-oefen-de-wijk.md", "vrijwilligers: 3", "vrijwilligers: [3]"),
    ("proposals/2025/001-oefen-de-wijk.md", "ideeen: [1, 2]", 'ideeen: [1, ""]\nafwijkingen:\n  -\n  - 3'),
    ("workshops/2026/001-burgerreserve.md", "leiders:", "leiders:\n  - Jan Jansen"),
    ("partijen.yml", "soort: overheid", "soort:"),
    ("ideas/2025/001-lokaal-oefenen.md", "categorie: oefenen", "categorie:"),
    ("editions/2025.md", "datum: 2025-01-17", "datum:"),
]
P1 = "content/proposals/2025/001-oefen-de-wijk.md"


def test_values_of_the_wrong_shape_and_empty_values_say_what_to_type(content):
    for rel, old, new in SHAPES:
        path = content / rel
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    expected = [
        "content/editions/2025.md:3: de sleutel 'datum' is leeg, maar verplicht: vul hem in, bijv. 'datum: 2025-01-17' [empty-value]",
        "content/ideas/2025/001-lokaal-oefenen.md:4: de sleutel 'categorie' is leeg, maar verplicht: vul hem in, bijv. 'categorie: oefenen'; mogelijk zijn: 'oefenen', 'voorbereiden'. [empty-value]",
        "content/partijen.yml:6: de sleutel 'partijen[0].soort' is leeg, maar verplicht: vul hem in, bijv. 'soort: overheid'; mogelijk zijn: 'overheid', 'veiligheid en defensie', 'bedrijfsleven', 'kennis en onderwijs', 'maatschappelijke organisatie', 'media', 'burgers en gemeenschappen'. [empty-value]",
        f"{P1}:3: 'titel' is een lijst; hier hoort tekst: zet de waarde tussen dubbele aanhalingstekens, bijv. 'titel: \"…\"' [wrong-type]",
        f"{P1}:4: 'samenvatting' is een groep sleutels met waarden; hier hoort tekst: zet de waarde tussen dubbele aanhalingstekens, bijv. 'samenvatting: \"…\"' [wrong-type]",
        f"{P1}:5: de sleutel 'thema' is leeg, maar verplicht: vul hem in, bijv. 'thema: bewustwording'; mogelijk zijn: 'bewustwording', 'vitale-processen'. [empty-value]",
        f"{P1}:6: 'groep' is 1.5; hier hoort een heel getal van 1 of meer, bijv. 'groep: 2' [wrong-type]",
        f"{P1}:7: 'vrijwilligers' is een lijst; hier hoort het aantal vrijwilligers: een heel getal van 0 of meer, bijv. 'vrijwilligers: 5', of een korte tekst zoals op de kaart [wrong-type]",
        f"{P1}:8: punt 2 van 'ideeen' is leeg: vul het in, of haal het weg [empty-value]",
        f"{P1}:10: punt 1 van 'afwijkingen' is leeg: vul het in, of haal het weg [empty-value]",
        f"{P1}:11: 'afwijkingen[1]' is 3; hier hoort tekst: zet de waarde tussen dubbele aanhalingstekens, bijv. '- \"3\"' [wrong-type]",
        "content/workshops/2026/001-burgerreserve.md:5: 'leiders[0]' is 'Jan Jansen'; hier hoort een groep sleutels met waarden, elk op een eigen regel, bijv. '- naam: Jan Jansen' [wrong-type]",
    ]
    assert_dutch(expected)
    assert_reported(content, expected)


def test_a_required_key_and_its_example_are_given_for_every_required_key():
    """Every key a schema requires has an example to type in messages.EXAMPLES (or one the file or its edition
    gives: `nummer` from the file name, `thema` and `categorie` from the edition, an enum's first value)."""
    from generator.content.schema import SCHEMAS

    def required(schema, place=()):
        for key in schema.get("required", ()):
            yield ".".join((*place, key)), schema["properties"][key]
        for key, sub in schema.get("properties", {}).items():
            items = sub.get("items", {})
            if items.get("type") == "object":
                yield from required(items, (*place, key))
    missing = [place for schema in SCHEMAS.values() for place, sub in required(schema)
               if place not in M.EXAMPLES and place not in ("nummer", "thema", "categorie") and "enum" not in sub]
    assert missing == []
    assert_dutch(M.EXAMPLES.values())
