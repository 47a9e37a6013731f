"""Broken content changes, each a small mutation of the sample tree. Expected messages live in test_errors.py."""
from __future__ import annotations

from pathlib import Path

P1 = "proposals/2025/001-oefen-de-wijk.md"
P2 = "proposals/2025/002-noodpakket.md"
I1 = "ideas/2025/001-lokaal-oefenen.md"
I2 = "ideas/2025/002-voorraden.md"
W1 = "workshops/2026/001-burgerreserve.md"
E25 = "editions/2025.md"
REGISTER = "partijen.yml"


def replace(rel: str, old: str, new: str):
    def mutate(content: Path) -> None:
        path = content / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return mutate


def write(rel: str, data: bytes | str):
    def mutate(content: Path) -> None:
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return mutate


def transform(rel: str, function):
    def mutate(content: Path) -> None:
        path = content / rel
        path.write_bytes(function(path.read_bytes()))
    return mutate


def rename(rel: str, new_rel: str):
    def mutate(content: Path) -> None:
        target = content / new_rel
        target.parent.mkdir(parents=True, exist_ok=True)
        (content / rel).rename(target)
    return mutate


def symlink(rel: str, target: str):
    def mutate(content: Path) -> None:
        outside = content.parent / "outside.md"
        outside.write_text(target, encoding="utf-8")
        (content / rel).symlink_to(outside)
    return mutate


def both(*mutations):
    def mutate(content: Path) -> None:
        for m in mutations:
            m(content)
    return mutate


NEW_PROPOSAL = "---\nnummer: 9\ntitel: Nieuw\nthema: bewustwording\nideeen: []\n---\n\n## Beoogd effect\n\nTekst.\n"

CASES = {
    "yaml-unclosed-quote": replace(P1, 'titel: Oefen de wijk', 'titel: "Oefen de wijk'),
    "yaml-bad-indent": replace(P1, "groep: 2", "  groep: 2\n groep: 3"),
    "yaml-tab": replace(P1, "groep: 2", "groep:\t- 2\n\t- 3"),
    "missing-title": replace(P1, "titel: Oefen de wijk\n", ""),
    "empty-title": replace(P1, "titel: Oefen de wijk", "titel:"),
    "empty-string-title": replace(P1, "titel: Oefen de wijk", 'titel: ""'),
    "missing-theme-and-ideas": replace(P2, "thema: vitale-processen\nvrijwilligers: Wie niet?!\nideeen: [2]\n", ""),
    "unknown-key-typo": replace(P1, "ideeen: [1, 2]", "ideen: [1, 2]"),
    "unknown-key-other": replace(P1, "groep: 2", "groep: 2\nauteur: Jan"),
    "number-as-text": replace(P1, "nummer: 1", "nummer: een"),
    "group-as-text": replace(P1, "groep: 2", "groep: twee"),
    "ideas-not-a-list": replace(P1, "ideeen: [1, 2]", "ideeen: 1 en 2"),
    "idea-ref-wrong-form": replace(P1, "ideeen: [1, 2]", "ideeen: [1, 2025-2]"),
    "negative-volunteers": replace(P1, "vrijwilligers: 3", "vrijwilligers: -3"),
    "leader-missing-name": replace(W1, "  - naam: Vertegenwoordigers", "  - rol: sprekers"),
    "leader-unknown-key": replace(W1, "    rol: directeur", "    functie: directeur"),
    "dead-link": replace(P1, "ideeen: [1, 2]", "ideeen: [1, 7]"),
    "dead-link-other-edition": replace(W1, '"2025/2"', '"2024/2"'),
    "duplicate-link": replace(P1, "ideeen: [1, 2]", "ideeen: [1, 2, 1]"),
    "duplicate-number": write("proposals/2025/002-dubbel.md", NEW_PROPOSAL.replace("nummer: 9", "nummer: 2")),
    "file-name-disagrees": replace(P1, "nummer: 1", "nummer: 11"),
    "unknown-theme": replace(P1, "thema: bewustwording", "thema: bewustzijn"),
    "unknown-category": replace(I1, "categorie: oefenen", "categorie: oefening"),
    "unknown-subcategory": replace(I2, "subcategorie: lokaal", "subcategorie: landelijk"),
    "missing-subcategory": replace(I2, "subcategorie: lokaal\n", ""),
    "subcategory-not-allowed": replace(I1, "categorie: oefenen", "categorie: oefenen\nsubcategorie: lokaal"),
    "unknown-edition": write("proposals/2024/001-oud.md", NEW_PROPOSAL.replace("nummer: 9", "nummer: 1")),
    "non-utf8": transform(P1, lambda b: b.replace("één".encode(), "één".encode("latin-1"))),
    "empty-file": write(P2, ""),
    "whitespace-only-file": write(P2, "  \n\n"),
    "no-front-matter": write(P2, "# Noodpakket\n\nTekst zonder front matter.\n"),
    "unclosed-front-matter": write(P2, "---\nnummer: 2\ntitel: Noodpakket\n"),
    "front-matter-not-mapping": write(P2, "---\n- nummer\n- titel\n---\n"),
    "huge-file": write(P2, NEW_PROPOSAL.replace("nummer: 9", "nummer: 2") + "x" * 600_000 + "\n"),
    "heading-typo": replace(P1, "## Beoogd effect", "## Beoogd efect"),
    "duplicate-heading": replace(P1, "## Randvoorwaarden", "## Eerste stap"),
    "bad-file-name": rename(P2, "proposals/2025/Noodpakket.md"),
    "file-outside-edition-folder": rename(P2, "proposals/002-noodpakket.md"),
    "unknown-kind-folder": rename(P2, "voorstellen/2025/002-noodpakket.md"),
    "symlink-leaves-content": symlink("proposals/2025/005-link.md", NEW_PROPOSAL.replace("nummer: 9", "nummer: 5")),
    "script-tag": replace(P1, "Burgers weten wat ze moeten doen.", "Burgers <script>alert(1)</script> weten."),
    "iframe": replace(P1, "Geld", '<iframe src="https://example.org"></iframe>'),
    "event-handler": replace(P1, "Geld", '<img src="x.png" onerror="alert(1)">'),
    "javascript-link": replace(P1, "Buurtverenigingen", "[klik](javascript:alert(1))"),
    "script-in-title": replace(P1, "titel: Oefen de wijk", 'titel: "Oefen <script>x</script>"'),
    "duplicate-key": replace(P1, "groep: 2", "groep: 2\ngroep: 3"),
    "edition-bad-date": replace(E25, "datum: 2025-01-17", "datum: 17 januari 2025"),
    "edition-bad-slug": replace(E25, "slug: oefenen", "slug: Oefenen En"),
    "title-list-number-dash": replace(P1, "titel: Oefen de wijk", 'titel: "2- Oefen de wijk"'),
    "title-list-number-parenthesis": replace(I1, "titel: Lokaal oefenen", 'titel: "2) Lokaal oefenen"'),
    "title-list-number-spaced-dash": replace(W1, "titel: Burgerreserve", 'titel: "3 - Burgerreserve"'),
    "title-trailing-colon": replace(P2, "titel: Noodpakket", "titel: 'Noodpakket:'"),
    "title-ampersand-digit": replace(I2, "titel: Voorraden", "titel: '&2 uurs voorraden'"),
    "edition-title-trailing-colon": replace(E25, "titel: Voorbeeldsymposium", "titel: 'Voorbeeldsymposium:'"),
    "title-all-three-marks": replace(P1, "titel: Oefen de wijk", 'titel: "1- &2 uurs oefening:"'),
    "register-duplicate-spelling": replace(REGISTER, "[Netbeheerder]", "[Netbeheerder, gemeente]"),
    "register-duplicate-party": replace(REGISTER, "slug: tno", "slug: gemeenten"),
    "register-unknown-kind": replace(REGISTER, "soort: overheid", "soort: gemeente"),
    "register-missing-name": replace(REGISTER, "    naam: TNO\n", ""),
    "register-not-yaml": replace(REGISTER, "[Gemeente]", "[Gemeente"),
    "volunteers-named": replace(P1, "vrijwilligers: 3", "vrijwilligers: Jan en Piet"),
    "volunteers-named-in-a-sentence": replace(P2, "Wie niet?!", "Wie niet? Karel helpt, TNO ook."),
    # Issue 26: contact details anywhere, and a look-alike of a registered party.
    "contact-details-of-a-leader": replace(W1, "organisatie: Burgerreserve", "organisatie: Burgerreserve, 06-12345678"),
    "register-look-alike": replace(REGISTER, "[Netbeheerder]", "[Netbeheerder, G\u0435m\u0435\u0435nten]"),
    "many-problems-at-once": both(replace(P1, "nummer: 1", "nummer: een"), replace(I1, "categorie: oefenen", "categorie: x"),
                                  replace(W1, '"2025/2"', '"2025/9"')),
    # Issue 17: the common YAML mistakes, each on the line to fix and with the fix in plain words.
    "yaml-unclosed-bracket": replace(P1, "ideeen: [1, 2]", "ideeen: [14"),
    "yaml-colon-in-title": replace(P1, "titel: Oefen de wijk", "titel: Oefen de wijk: samen klaar"),
    "yaml-unclosed-single-quote": replace(P1, "titel: Oefen de wijk", "titel: 'Oefen de wijk"),
    "yaml-tab-in-list": replace(W1, "    rol: directeur", "\trol: directeur"),
    "yaml-list-item-misaligned": replace(W1, "    rol: directeur", "   rol: directeur"),
    "yaml-value-starts-with-at": replace(P1, "titel: Oefen de wijk", "titel: @buurt oefent"),
    "empty-optional-key": replace(P1, "groep: 2", "groep:"),
}

# Accepted, not errors: the check must pass on these.
ACCEPTED = {
    "byte-order-mark": transform(P1, lambda b: b"\xef\xbb\xbf" + b),
    "windows-line-endings": transform(P1, lambda b: b.replace(b"\n", b"\r\n")),
    "bom-and-crlf": transform(P2, lambda b: b"\xef\xbb\xbf" + b.replace(b"\n", b"\r\n")),
    "other-heading-kept": replace(P1, "## Tweede stap", "## Notities van de groep"),
    "volunteers-as-words": replace(P1, "vrijwilligers: 3", "vrijwilligers: TNO zou dit kunnen coördineren"),
    "title-number-hyphen-number": replace(P1, "titel: Oefen de wijk", 'titel: "4-1 voor allen"'),
    "title-number-en-dash-number": replace(P1, "titel: Oefen de wijk", 'titel: "4 – 1 voor allen"'),
    "title-digit-between-words": replace(P1, "titel: Oefen de wijk",
                                         'titel: "Nationale point-2-point weerbaarheid netwerk"'),
    "title-number-hyphen-word": replace(P2, "titel: Noodpakket", 'titel: "72-uurs noodpakket"'),
    "title-ampersand-not-before-digit": replace(I1, "titel: Lokaal oefenen",
                                                'titel: "Crisis & Calamiteiten – al falende leert men!"'),
    "title-colon-inside": replace(W1, "titel: Burgerreserve", 'titel: "Burgerreserve: oefenen in de wijk"'),
    "volunteers-smiley": replace(P1, "vrijwilligers: 3", "vrijwilligers: Wie niet?! ☺"),
    "party-line-variant": replace(P1, "- Gemeente\n", "- GEMEENTE / Gemeenten.\n"),
}

# Accepted with a warning: the check prints it and passes.
WARNED = {
    "party-line-typo": replace(P1, "- Netbeheerder", "- Netbeheerdr"),
}
