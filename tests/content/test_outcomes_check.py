"""The 2026 outcomes (issue 28), checked: the outcomes sample tree passes, and every mistake an editor can make
with a proposal's workshop, `verwante_ideeen`, `deelnemers` or a workshop's outcome sections gives exactly these
Dutch lines (file:line and code), exit 1, no traceback and content/ byte-identical. Then the link and party stages
on the tree, in-process, and `generator new` and `generator diff` as an editor runs them."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from broken_cases import both, replace, write
from conftest import OUTCOMES, assert_reported, run_cli, snapshot
from generator.content.model import OUTCOME_SECTIONS
from generator.pages.generate import load_catalog

P1 = "proposals/2026/001-noodsteunpunt-in-elke-wijk.md"
P2 = "proposals/2026/002-reservisten-oefenen-samen.md"
P3 = "proposals/2026/003-wijkkaart.md"
I25 = "ideas/2025/001-lokaal-oefenen.md"
I26 = "ideas/2026/001-noodsteunpunten.md"
W1 = "workshops/2026/001-noodsteunpunten.md"
W2 = "workshops/2026/002-burgerreserve.md"
W3 = "workshops/2026/003-erfgoed.md"
OK = "In orde: 6 voorstellen, 4 ideeën, 4 workshops in 2 edities"
STEP = "'- Gemeenten: wijzen in elke wijk een locatie aan.'"
ORDER = "'## Verslag', '## Belangrijkste inzichten', '## Aanbevelingen', '## Vervolgstappen'"
EARLIER = "bouwt alleen voort op ideeën van een eerdere editie: schrijf 'jaar/nummer' van een eerdere editie, bijv. '2025/14'"


def content_path(rel: str) -> str:
    return f"content/{rel}"


CASES = {
    "group-in-a-workshop-edition": replace(P3, "workshop: 1", "groep: 1"),
    "theme-in-an-edition-without-themes": replace(P2, "workshop: 2", "workshop: 2\nthema: algemeen"),
    "theme-missing-where-the-edition-has-themes": replace("proposals/2025/003-zonder-idee.md", "thema: bewustwording\n", ""),
    "unknown-workshop": replace(P2, "workshop: 2", "workshop: 9"),
    "workshop-not-a-number": replace(P2, "workshop: 2", "workshop: twee"),
    "related-same-edition": replace(P1, '["2025/1"]', '["2026/1"]'),
    "related-bare-number": replace(P1, '["2025/1"]', "[1]"),
    "related-later-edition": replace(I25, "categorie: oefenen", 'categorie: oefenen\nverwante_ideeen: ["2026/1"]'),
    "related-missing-idea": replace(I26, '["2025/2"]', '["2025/7"]'),
    "related-twice": replace(P1, '["2025/1"]', '["2025/1", "2025/1"]'),
    "workshop-related-same-edition": replace(W1, '["2025/1"]', '["2026/1"]'),
    "outcome-heading-misspelt": replace(W1, "## Aanbevelingen", "## Aanbeveling"),
    "outcome-heading-lower-case": replace(W2, "## Verslag", "## verslag"),
    "outcome-heading-twice": replace(W2, "## Vervolgstappen", "## Verslag\n\nNog eens.\n\n## Vervolgstappen"),
    "outcome-headings-out-of-order": replace(
        W3, "## Belangrijkste inzichten\n\n- Een collectie is pas veilig als er een plan is.\n\n## Aanbevelingen\n\n"
        "- Maak per museum een calamiteitenplan.",
        "## Aanbevelingen\n\n- Maak per museum een calamiteitenplan.\n\n## Belangrijkste inzichten\n\n"
        "- Een collectie is pas veilig als er een plan is."),
    "programme-after-the-outcomes": replace(W3, "een calamiteitenplan.", "een calamiteitenplan.\n\n## Programma\n\nDe middag."),
    "outcome-section-empty": replace(W3, "een calamiteitenplan.", "een calamiteitenplan.\n\n## Vervolgstappen\n"),
    "recommendations-as-prose": replace(W3, "een calamiteitenplan.", "een calamiteitenplan.\n\nEn verder een losse zin\nover twee regels."),
    "step-without-colon": replace(W1, "- TNO: onderzoekt", "- TNO onderzoekt"),
    "step-without-who-or-what": replace(W1, "- TNO: onderzoekt wat een noodsteunpunt minimaal nodig heeft.",
                                        "- : onderzoekt wat een noodsteunpunt minimaal nodig heeft.\n- TNO:"),
    "participants-as-text": replace(W1, "deelnemers: 24", "deelnemers: veel"),
    "participants-negative": replace(W1, "deelnemers: 24", "deelnemers: -3"),
    "participants-too-many": replace(W1, "deelnemers: 24", "deelnemers: 20000"),
}

W1P, W2P, W3P = content_path(W1), content_path(W2), content_path(W3)
EXPECTED = {
    "group-in-a-workshop-edition": [
        f"{content_path(P3)}:4: 'groep' hoort niet in een voorstel van 2026: de workshops van 2026 hebben eigen pagina's. Noem de workshop waaruit het voorstel komt met 'workshop: 1' (het nummer van de workshop) en haal de regel 'groep' weg [wrong-key]",
    ],
    "theme-in-an-edition-without-themes": [
        f"{content_path(P2)}:5: 'thema' hoort niet in een voorstel van 2026: die editie heeft geen thema's. Haal de regel 'thema' weg (of zet de thema's onder 'themas' in content/editions/2026.md) [wrong-key]",
    ],
    "theme-missing-where-the-edition-has-themes": [
        "content/proposals/2025/003-zonder-idee.md:2: de verplichte sleutel 'thema' ontbreekt: voeg een regel toe, bijv. 'thema: bewustwording'; mogelijk zijn: 'bewustwording', 'vitale-processen'. [missing-key]",
    ],
    "unknown-workshop": [
        f"{content_path(P2)}:4: 'workshop: 9' verwijst naar workshop 9 van 2026, die niet bestaat: de workshops van 2026 hebben de nummers 1–4 [dead-link]",
    ],
    "workshop-not-a-number": [
        f"{content_path(P2)}:4: 'workshop' is 'twee'; hier hoort het nummer van een workshop van dezelfde editie: een heel getal van 1 of meer, bijv. 'workshop: 3' [wrong-type]",
    ],
    "related-same-edition": [
        f"{content_path(P1)}:8: 'verwante_ideeen' verwijst naar idee 2026/1, van dezelfde editie; een voorstel van 2026 {EARLIER} (een idee van dezelfde editie hoort onder 'ideeen') [wrong-edition]",
    ],
    "related-bare-number": [
        f"{content_path(P1)}:8: 'verwante_ideeen' verwijst naar idee 2026/1, van dezelfde editie; een voorstel van 2026 {EARLIER} (een idee van dezelfde editie hoort onder 'ideeen') [wrong-edition]",
    ],
    "related-later-edition": [
        f"{content_path(I25)}:5: 'verwante_ideeen' verwijst naar idee 2026/1, van een latere editie; een idee van 2025 bouwt alleen voort op ideeën van een eerdere editie: er is geen editie vóór 2025: haal 'verwante_ideeen' weg [wrong-edition]",
    ],
    "related-missing-idea": [
        f"{content_path(I26)}:5: 'verwante_ideeen' verwijst naar idee 2025/7, dat niet bestaat; de ideeën van 2025 hebben de nummers 1–3 [dead-link]",
    ],
    "related-twice": [
        f"{content_path(P1)}:8: 'verwante_ideeen' noemt idee 2025/1 twee keer; haal er één weg [duplicate-link]",
    ],
    "workshop-related-same-edition": [
        f"{W1P}:9: 'verwante_ideeen' verwijst naar idee 2026/1, van dezelfde editie; een workshop van 2026 {EARLIER} [wrong-edition]",
    ],
    "outcome-heading-misspelt": [
        f"{W1P}:24: onbekende kop 'Aanbeveling'; bedoelt u 'Aanbevelingen'? Verander de regel dan in '## Aanbevelingen'; de uitkomsten van een workshop staan onder de koppen {ORDER} [unknown-heading]",
    ],
    "outcome-heading-lower-case": [
        f"{W2P}:13: onbekende kop 'verslag'; bedoelt u 'Verslag'? Verander de regel dan in '## Verslag'; de uitkomsten van een workshop staan onder de koppen {ORDER} [unknown-heading]",
    ],
    "outcome-heading-twice": [
        f"{W2P}:17: de kop 'Verslag' staat twee keer in het bestand (ook op regel 13); voeg de twee secties samen [duplicate-heading]",
    ],
    "outcome-headings-out-of-order": [
        f"{W3P}:14: de kop 'Belangrijkste inzichten' staat na 'Aanbevelingen'; de uitkomsten staan in deze volgorde: {ORDER}: zet '## Belangrijkste inzichten' vóór '## Aanbevelingen' [heading-order]",
    ],
    "programme-after-the-outcomes": [
        f"{W3P}:18: de kop 'Programma' staat na de uitkomsten ('## Aanbevelingen'); de tekst van het programma staat vóór de uitkomsten: zet deze sectie boven '## Belangrijkste inzichten' [heading-order]",
    ],
    "outcome-section-empty": [
        f"{W3P}:18: de sectie 'Vervolgstappen' is leeg: schrijf de uitkomst eronder, of haal de kop weg zolang die er niet is [empty-section]",
    ],
    "recommendations-as-prose": [
        f"{W3P}:18: onder '## Aanbevelingen' staat een lijst, maar 'En verder een losse zin' is geen punt van de lijst: begin elk punt met '- ', bijv. '- Oefen elk jaar met de hele wijk.' [not-a-list]",
    ],
    "step-without-colon": [
        f"{W1P}:31: vervolgstap 'TNO onderzoekt wat een noodsteunpunt minimaal nodig heeft.' zegt niet wie wat doet: schrijf eerst wie, dan een dubbele punt en dan wat, bijv. {STEP} [bad-step]",
    ],
    "step-without-who-or-what": [
        f"{W1P}:31: vervolgstap ': onderzoekt wat een noodsteunpunt minimaal nodig heeft.' noemt niet wie het doet: schrijf vóór de dubbele punt wie (een partij of persoon), bijv. {STEP} [bad-step]",
        f"{W1P}:32: vervolgstap 'TNO:' zegt niet wat TNO doet: schrijf na de dubbele punt wat, bijv. {STEP} [bad-step]",
    ],
    "participants-as-text": [
        f"{W1P}:8: 'deelnemers' is 'veel'; hier hoort het aantal deelnemers: een heel getal van 0 of meer, bijv. 'deelnemers: 24' [wrong-type]",
    ],
    "participants-negative": [
        f"{W1P}:8: 'deelnemers' is -3; hier hoort het aantal deelnemers: een heel getal van 0 of meer, bijv. 'deelnemers: 24' [wrong-type]",
    ],
    "participants-too-many": [
        f"{W1P}:8: 'deelnemers' is 20000, meer dan 10.000, het hoogste getal dat hier kan: schrijf het getal zoals het in de bron staat [wrong-type]",
    ],
}


def test_the_outcomes_tree_passes_the_check(outcomes):
    before = snapshot(outcomes)
    result = run_cli("check", cwd=outcomes.parent)
    assert (result.returncode, result.stdout, result.stderr) == (0, f"{OK}\n", "")
    assert snapshot(outcomes) == before


def test_every_case_has_an_expectation():
    assert sorted(EXPECTED) == sorted(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_mistake_is_reported_exactly(name, outcomes):
    CASES[name](outcomes)
    assert_reported(outcomes, EXPECTED[name])


def test_a_step_that_nearly_names_a_party_is_a_warning(outcomes):
    """The `who` of a step is matched like a card's party line: a near miss warns, the check still passes."""
    replace(W1, "- Gemeenten: wijzen", "- Gemeentn: wijzen")(outcomes)
    result = run_cli("check", cwd=outcomes.parent)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        f"{W1P}:30: waarschuwing: de partijregel 'Gemeentn' noemt geen partij uit het register; bedoelt u 'Gemeenten'? "
        "Zet de schrijfwijze van deze regel dan bij de 'schrijfwijzen' van die partij in content/partijen.yml; noemt de "
        "regel geen partij, laat hem dan zo [unknown-party]",
        OK,
    ]
    parties = run_cli("check", "--parties", cwd=outcomes.parent)
    assert f"{W1P}:30: 'Gemeentn' (vervolgstap) noemt geen partij uit het register" in parties.stdout.splitlines()


def test_the_real_content_still_passes():
    """Tightening `verwante_ideeen` of workshops to earlier editions keeps the real 2026 workshops valid."""
    result = run_cli("check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "In orde: 52 voorstellen, 37 ideeën, 15 workshops in 2 edities"


def refs(entries) -> list[str]:
    return [f"{e.kind} {e.ref}" for e in entries]


def test_the_link_and_party_stages_fill_the_model(outcomes):
    catalog = load_catalog(outcomes)
    proposals = {str(p.ref): p for p in catalog.proposals}
    ideas = {str(i.ref): i for i in catalog.ideas}
    workshops = {str(w.ref): w for w in catalog.workshops}
    # A proposal's workshop, and a workshop's proposals (sorted).
    assert {ref: p.workshop and str(p.workshop.ref) for ref, p in proposals.items()} == {
        "2025/1": None, "2025/2": None, "2025/3": None, "2026/1": "2026/1", "2026/2": "2026/2", "2026/3": "2026/1"}
    assert {ref: refs(w.proposals) for ref, w in workshops.items()} == {
        "2026/1": ["proposals 2026/1", "proposals 2026/3"], "2026/2": ["proposals 2026/2"], "2026/3": [], "2026/4": []}
    assert proposals["2026/1"].theme == "" and proposals["2026/1"].group is None
    # verwante_ideeen both ways: related ideas, follow-ups by (edition, kind, number), and the old back-link.
    assert refs(proposals["2026/1"].related_ideas) == ["ideas 2025/1"]
    assert refs(ideas["2026/1"].related_ideas) == ["ideas 2025/2"]
    assert {ref: refs(i.followups) for ref, i in ideas.items()} == {
        "2025/1": ["proposals 2026/1", "workshops 2026/1"], "2025/2": ["ideas 2026/1", "workshops 2026/2"],
        "2025/3": [], "2026/1": []}
    assert [(year, refs(entries)) for year, entries in ideas["2025/2"].followups_by_edition()] == [
        (2026, ["ideas 2026/1", "workshops 2026/2"])]
    assert {ref: refs(i.workshops) for ref, i in ideas.items()} == {
        "2025/1": ["workshops 2026/1"], "2025/2": ["workshops 2026/2"], "2025/3": [], "2026/1": []}
    # Outcomes: participants, sections in order, steps with their lines and parties.
    w1, w3, w4 = workshops["2026/1"], workshops["2026/3"], workshops["2026/4"]
    assert (w1.participants, workshops["2026/2"].participants, w3.participants) == (24, 18, None)
    assert [s.heading for s in w1.outcomes] == list(OUTCOME_SECTIONS) and w1.programme == []
    assert [s.heading for s in w3.outcomes] == ["Belangrijkste inzichten", "Aanbevelingen"]
    assert (w1.has_outcomes, w3.has_outcomes, w4.has_outcomes) == (True, True, False)
    assert [(s.who, s.what, s.line, [p.slug for p in s.parties]) for s in w1.steps] == [
        ("Gemeenten", "wijzen in elke wijk een locatie aan.", 30, ["gemeenten"]),
        ("TNO", "onderzoekt wat een noodsteunpunt minimaal nodig heeft.", 31, ["tno"])]
    # A party's steps, apart from the lines of the cards and the workshops it leads.
    parties = {p.slug: p for p in catalog.parties}
    assert {slug: [(str(w.ref), s.who) for w, s in p.steps] for slug, p in parties.items()} == {
        "gemeenten": [("2026/1", "Gemeenten")], "burgerreserve": [("2026/2", "Burgerreserve")],
        "netbeheerders": [], "tno": [("2026/1", "TNO")]}
    assert refs(parties["burgerreserve"].entries("workshops")) == ["workshops 2026/1", "workshops 2026/2"]
    assert refs(parties["tno"].entries("workshops")) == []
    assert catalog.warnings == []


def test_a_step_may_name_several_parties_and_go_on_on_the_next_line(outcomes):
    replace(W1, "- TNO: onderzoekt wat een noodsteunpunt minimaal nodig heeft.",
            "- TNO en gemeenten: onderzoeken wat een noodsteunpunt\n  minimaal nodig heeft.\n- De deelnemers: "
            "komen terug\nin het voorjaar.")(outcomes)
    steps = next(w for w in load_catalog(outcomes).workshops if w.number == 1).steps
    assert [(s.who, s.what, s.line, [p.slug for p in s.parties]) for s in steps] == [
        ("Gemeenten", "wijzen in elke wijk een locatie aan.", 30, ["gemeenten"]),
        ("TNO en gemeenten", "onderzoeken wat een noodsteunpunt minimaal nodig heeft.", 31, ["gemeenten", "tno"]),
        ("De deelnemers", "komen terug in het voorjaar.", 33, [])]


NEW_PROPOSAL = """---
nummer: 4
titel: "Buurtnoodplan: samen klaar"
# optioneel: de korte beschrijving onder de titel; haal deze regel weg als er geen is.
samenvatting:
# optioneel: het nummer van de workshop waaruit dit voorstel komt, één van: 1–4; haal deze regel weg als het uit geen workshop komt.
workshop:
# optioneel: het aantal vrijwilligers (alleen een aantal, nooit namen); haal deze regel weg als het er niet is.
vrijwilligers:
# verplicht: vul dit in. De nummers van de projectideeën waarin dit voorstel is samengevat, bijv. [4, 16]; [] als er (nog) geen zijn.
ideeen: []
# optioneel: ideeën van een eerdere editie waarop dit voorstel voortbouwt, als "jaar/nummer", bijv. ["2025/14"]; [] als er geen zijn.
verwante_ideeen: []
---

## Beoogd effect

## Waar uit zich het effect

## Bijdrage aan weerbaarheid

## Eerste stap

## Randvoorwaarden

## Partijen benodigd bij uitvoering

## Partijen die kunnen helpen
"""

NEW_WORKSHOP = """---
nummer: 5
titel: "Weerbaar water"
# verplicht: vul dit in. Wie de workshop leidt: per persoon naam (verplicht), en zo bekend rol en organisatie
# (optioneel: haal die regels weg als ze onbekend zijn).
leiders:
  - naam:
    rol:
    organisatie:
# optioneel: redactionele koppeling naar ideeën van een eerdere editie, bijv. ["2025/14"]; [] als er geen zijn.
verwante_ideeen: []
# Na het symposium, optioneel: het aantal deelnemers. Haal dan '# ' weg en vul het aantal in, bijv. deelnemers: 24
# deelnemers:
#
# De uitkomsten (na het symposium) komen onder de beschrijving, elk onder een eigen kop, alleen als ze er zijn en
# in deze volgorde. Zet zo'n kop onder de tekst hieronder, zonder de '# ' ervoor:
# ## Verslag
#   wat er besproken is, in lopende tekst
# ## Belangrijkste inzichten
#   - één punt per regel
# ## Aanbevelingen
#   - één punt per regel
# ## Vervolgstappen
#   - Wie: wat, één stap per regel, bijv. - Gemeenten: wijzen in elke wijk een locatie aan.
# Zie 'De uitkomsten van een workshop toevoegen' in CONTRIBUTING.md.
---

Schrijf hier de beschrijving van de workshop.
"""


def test_new_proposal_of_a_workshop_edition_names_its_workshop(outcomes):
    result = run_cli("new", "proposal", "--edition", "2026", "--title", "Buurtnoodplan: samen klaar",
                     cwd=outcomes.parent)
    path = "content/proposals/2026/004-buurtnoodplan-samen-klaar.md"
    assert (result.returncode, result.stdout, result.stderr) == (
        0, f"Geschreven: {path}; vul het bestand in en draai daarna: make check\n", "")
    assert (outcomes.parent / path).read_text(encoding="utf-8") == NEW_PROPOSAL
    # Filled in as CONTRIBUTING.md says (optional lines removed), it passes and is linked to its workshop.
    text = NEW_PROPOSAL.replace("samenvatting:\n", "").replace("vrijwilligers:\n", "")
    text = text.replace("workshop:\n", "workshop: 4\n").replace('verwante_ideeen: []', 'verwante_ideeen: ["2025/3"]')
    (outcomes.parent / path).write_text(text, encoding="utf-8")
    check = run_cli("check", cwd=outcomes.parent)
    assert (check.returncode, check.stdout) == (0, "In orde: 7 voorstellen, 4 ideeën, 4 workshops in 2 edities\n")
    catalog = load_catalog(outcomes)
    assert refs(catalog.workshops[3].proposals) == ["proposals 2026/4"]
    assert refs(catalog.ideas[2].followups) == ["proposals 2026/4"]


def test_new_proposal_of_2025_keeps_its_group_and_theme(outcomes):
    assert run_cli("new", "proposal", "--edition", "2025", "--title", "Nieuw", cwd=outcomes.parent).returncode == 0
    text = (outcomes / "proposals/2025/004-nieuw.md").read_text(encoding="utf-8")
    assert "\nthema:\n" in text and "\ngroep:\n" in text
    assert "workshop:" not in text and "verwante_ideeen" not in text


def test_new_workshop_carries_the_outcome_headings_as_hints(outcomes):
    result = run_cli("new", "workshop", "--edition", "2026", "--title", "Weerbaar water", cwd=outcomes.parent)
    assert result.returncode == 0, result.stderr
    path = outcomes / "workshops/2026/005-weerbaar-water.md"
    assert path.read_text(encoding="utf-8") == NEW_WORKSHOP
    # Filled in the way the hints say: leaders, the count, and the headings copied below the description.
    text = NEW_WORKSHOP.replace("    rol:\n    organisatie:\n", "").replace("  - naam:\n", "  - naam: Eva Voorbeeld\n")
    text = text.replace("# deelnemers:\n", "deelnemers: 12\n")
    hints = [line[2:] for line in NEW_WORKSHOP.splitlines() if line.startswith("# ## ")]
    assert hints == [f"## {h}" for h in OUTCOME_SECTIONS]
    body = "\n\n".join(f"{h}\n\n- Gemeenten: zoeken het uit." if h.endswith("Vervolgstappen") else f"{h}\n\n- Iets."
                       for h in hints)
    path.write_text(text.replace("Schrijf hier de beschrijving van de workshop.\n",
                                 f"Over water.\n\n{body}\n"), encoding="utf-8")
    check = run_cli("check", cwd=outcomes.parent)
    assert (check.returncode, check.stdout) == (0, "In orde: 6 voorstellen, 4 ideeën, 5 workshops in 2 edities\n")
    workshop = load_catalog(outcomes).workshops[4]
    assert (workshop.participants, [s.heading for s in workshop.outcomes]) == (12, list(OUTCOME_SECTIONS))
    assert [(s.who, [p.slug for p in s.parties]) for s in workshop.steps] == [("Gemeenten", ["gemeenten"])]


GIT = ["git", "-c", "user.name=Redactie", "-c", "user.email=redactie@example.org", "-c", "commit.gpgsign=false"]


def git(repo: Path, *args: str) -> str:
    result = subprocess.run([*GIT, *args], cwd=repo, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_diff_reports_outcomes_and_follow_up_links(outcomes):
    repo = outcomes.parent
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "content")
    git(repo, "commit", "-q", "-m", "outcomes")
    git(repo, "checkout", "-q", "-b", "change")
    # Outcomes: workshop 4 gets a report and a count; workshop 2 its count changes and its report goes; workshop 3
    # a recommendation changes. Follow-ups: idea 2026/1 builds on 2025/3 too; proposal 3 leaves workshop 1 for 4,
    # which has an error (raw HTML), so the new link is not in the checked model: only the lost one shows.
    replace("workshops/2026/004-zonder-uitkomsten.md", "Wat vraagt een crisis van de zorg?",
            "Wat vraagt een crisis van de zorg?\n\n## Verslag\n\nDe zorg <b>oefent</b> *samen*.")(outcomes)
    replace("workshops/2026/004-zonder-uitkomsten.md", "leiders:", "deelnemers: 9\nleiders:")(outcomes)
    replace(W2, "deelnemers: 18", "deelnemers: 20")(outcomes)
    replace(W2, "## Verslag\n\nOver de burger-reserve van morgen: wie doet mee, en hoe vaak wordt er geoefend?\n\n", "")(outcomes)
    replace(W3, "calamiteitenplan", "noodplan")(outcomes)
    replace(W3, "titel: Erfgoed in crisistijd", "titel: Erfgoed in *crisistijd* [1]")(outcomes)  # escaped
    replace(P3, "workshop: 1", "workshop: 4")(outcomes)
    replace(I26, '["2025/2"]', '["2025/2", "2025/3"]')(outcomes)
    replace(P2, "workshop: 2", 'workshop: 3\nverwante_ideeen: ["2025/1"]')(outcomes)
    before = snapshot(outcomes)
    commit = git(repo, "rev-parse", "main")[:12]
    result = run_cli("diff", cwd=repo)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"""## Wat deze wijziging aan het verslag verandert

Vergeleken met `main` (commit `{commit}`).

### Meldingen van de controle (1)

`make check` mislukt:

- content/workshops/2026/004-zonder-uitkomsten.md:13: '\\<b\\>' is HTML, en in de tekst mag alleen Markdown staan: haal de tag weg; schrijf bijv. vet als \\*\\*vet\\*\\*, schuin als \\*schuin\\* en een link als \\[tekst\\](https://…) \\[raw-html\\]

### Stukken gewijzigd (6)

- idee 2026/1 “Noodsteunpunten in de wijk”: `content/ideas/2026/001-noodsteunpunten.md`; sleutel `verwante_ideeen`
- voorstel 2026/2 “Reservisten oefenen samen”: `content/proposals/2026/002-reservisten-oefenen-samen.md`; sleutels `verwante_ideeen`, `workshop`
- voorstel 2026/3 “De wijkkaart”: `content/proposals/2026/003-wijkkaart.md`; sleutel `workshop`
- workshop 2026/2 “Samenbouwen aan een weerbaar Nederland”: `content/workshops/2026/002-burgerreserve.md`; sleutel `deelnemers`; sectie “Verslag”
- workshop 2026/3 “Erfgoed in \\*crisistijd\\* \\[1\\]”: `content/workshops/2026/003-erfgoed.md`; sleutel `titel`; sectie “Aanbevelingen”
- workshop 2026/4: `content/workshops/2026/004-zonder-uitkomsten.md`; sleutel `deelnemers`; sectie “Verslag”

### Uitkomsten toegevoegd (1)

- workshop 2026/4: `content/workshops/2026/004-zonder-uitkomsten.md`; sectie “Verslag”; deelnemers 9

### Uitkomsten gewijzigd (2)

- workshop 2026/2 “Samenbouwen aan een weerbaar Nederland”: `content/workshops/2026/002-burgerreserve.md`; deelnemers 18 → 20
- workshop 2026/3 “Erfgoed in \\*crisistijd\\* \\[1\\]”: `content/workshops/2026/003-erfgoed.md`; sectie “Aanbevelingen”

### Uitkomsten verwijderd (1)

- workshop 2026/2 “Samenbouwen aan een weerbaar Nederland”: `content/workshops/2026/002-burgerreserve.md`; sectie “Verslag”

### Vervolgkoppelingen erbij (3)

- idee 2026/1 bouwt voort op idee 2025/3
- voorstel 2026/2 bouwt voort op idee 2025/1
- voorstel 2026/2 → workshop 2026/3

### Vervolgkoppelingen eraf (2)

- voorstel 2026/2 → workshop 2026/2
- voorstel 2026/3 → workshop 2026/1
"""
    assert snapshot(outcomes) == before
