"""What reaches HTML as markup (issue 26, items 1 and 9): the check's side.

Character references in one-line values (a title `&lt;/title&gt;&lt;script&gt;…` closed the page's <title> and ran
the script), headings the renderer cannot put in their place (a setext heading was a second h1 and a top-level PDF
outline entry), headings named like a section the generator adds, and links that leave the site while looking
internal (`/\\evil.example/`) or use another scheme (`file:`, `ms-msdt:`). Each is refused with exit 1, the exact
Dutch line at the file line, its code, no traceback, and `content/` byte-identical; ordinary text that looks close
passes. tests/test_hostile_markup_browser.py builds the same payloads with the check bypassed.
"""
from __future__ import annotations

import time

import pytest

from broken_cases import E25, I1, I2, P1, P2, REGISTER, W1, both, replace
from conftest import ROOT, SAMPLE_PASSED, assert_reported, run_cli, site_root

from generator.content import markup

W2 = "workshops/2026/002-erfgoed.md"
C = "content/"
SCRIPT_TITLE = "Het spel &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
IMAGE = "&lt;img src=x onerror=alert(1)&gt;"


def ref(path: str, line: int, key: str, written: str, char: str | None = None) -> str:
    if char is None:
        what = (f"'{written}', geschreven als de HTML-code voor een teken: in de gegevens komt geen HTML; typ het "
                "bedoelde teken zelf, of zet een spatie na de '&'")
    elif char.startswith("U+"):
        what = (f"'{written}', de HTML-code voor het onzichtbare teken '{char}': in de gegevens komt geen HTML; "
                "laat de code weg")
    else:
        what = (f"'{written}', de HTML-code voor het teken '{char}': in de gegevens komt geen HTML; typ het teken zelf, "
                "of laat de code weg")
    return f"{C}{path}:{line}: de waarde van '{key}' bevat {what} [raw-html]"


def setext(path: str, line: int, underline: str, text: str) -> str:
    return (f"{C}{path}:{line}: de regel '{underline}' eronder maakt van '{text}' een kop, in een schrijfwijze die de "
            "site niet op haar plaats onder de titel kan zetten: schrijf de kop als '## Kop' (twee hekjes, een spatie "
            "en de tekst); bedoelt u een scheidingslijn, zet dan een lege regel boven die regel [bad-heading]")


def nested(path: str, line: int, text: str) -> str:
    return (f"{C}{path}:{line}: '{text}' is een kop binnen een opsomming, een citaat of ingesprongen tekst, en wordt zo "
            "een kop van de hele pagina: zet de kop vooraan op een eigen regel, als '## Kop', of haal het '#' weg "
            "[bad-heading]")


def taken(path: str, line: int, text: str, section: str) -> str:
    return (f"{C}{path}:{line}: de kop '{text}' heeft de naam van het onderdeel '{section}' dat de site zelf op deze "
            "pagina zet: een lezer zou dit stuk voor dat onderdeel houden; geef de kop een andere naam "
            "[duplicate-heading]")


def scheme(path: str, line: int, written: str, name: str) -> str:
    return (f"{C}{path}:{line}: de link naar '{written}' gebruikt '{name}:', en dat is geen webadres: een link mag "
            "alleen naar een webadres (https://…) of een e-mailadres (mailto:…) wijzen; schrijf het webadres voluit, "
            "met https:// ervoor, of haal de link weg [unsafe-html]")


def other_host(path: str, line: int, written: str, start: str) -> str:
    return (f"{C}{path}:{line}: de link naar '{written}' lijkt naar een pagina van deze site te wijzen, maar een "
            f"browser leest '{start}' aan het begin als een andere website; schrijf een webadres voluit, met https:// "
            "ervoor, of een pagina van deze site zonder '/' of '\\' vooraan [unsafe-html]")


LINKS = "\n\n".join([
    r"[Ministerie](/\evil.example/inloggen)",
    r"[Ministerie](\\evil.example/inloggen)",
    "[Ministerie](//evil.example/inloggen)",
    "[bestand](file:///etc/passwd)",
    "[hulp](ms-msdt:/id PCWDiagnostic)",
    "[bestand](FILE:///C:/Windows)",
    "[bestand](fi&#108;e:///etc/passwd)",
    "[bestand](fi\tle:///etc/passwd)",
    "[bestand][1]\n\n[1]: ms-msdt:/id",
    "<file:///etc/passwd>",
    "[bellen](tel:0612345678)",
])

# Each is a hostile edit of the sample tree; the payloads are used with the check bypassed too (the browser test).
CASES = {
    # 1. Character references in one-line values, in every kind of file and field that becomes a title or a name.
    "proposal-title-named": replace(P1, "titel: Oefen de wijk", f'titel: "{SCRIPT_TITLE}"'),
    "proposal-summary-decimal": replace(P1, "samenvatting: Buurten oefenen samen een stroomuitval",
                                        'samenvatting: "Buurten &#60;img src=x onerror=alert(1)&#62;"'),
    "idea-title-hex": replace(I1, "titel: Lokaal oefenen", 'titel: "Lokaal &#x3C;/title&#x3E;&#X3C;script&#x3E;"'),
    "workshop-title-without-semicolons": replace(W2, "titel: Erfgoed", 'titel: "Erfgoed &lt/title&gt&ltscript&gt"'),
    "leader-name": replace(W1, "  - naam: Ada Voorbeeld", f'  - naam: "Ada {IMAGE}"'),
    "leader-role-amp": replace(W1, "    rol: directeur", '    rol: "directeur &amp; oprichter"'),
    "leader-organisation-zero-padded": replace(W1, "    organisatie: Burgerreserve",
                                               '    organisatie: "Burgerreserve &#0000060;b&#0000062;"'),
    "edition-title-invisible": replace(E25, "titel: Voorbeeldsymposium", 'titel: "Voorbeeld&nbsp;symposium"'),
    "category-name": replace(E25, "naam: Oefenen en simuleren", f'naam: "Oefenen {IMAGE}"'),
    "subcategory-name": replace(E25, 'naam: "1. Lokaal voorbereiden"', 'naam: "1. Lokaal &lt;/title&gt;"'),
    "theme-name": replace(E25, "naam: Bewustwording", 'naam: "Bewust&shy;wording"'),
    "note": replace(I2, "  - De tabellen spellen de titel anders.", "  - 'De tabellen spellen &quot;Voorraden&quot;.'"),
    "source": replace(E25, "  - Een voorbeeldbron.", "  - Een voorbeeldbron &copy; 2025."),
    "volunteers-text": replace(P2, "vrijwilligers: Wie niet?!", 'vrijwilligers: "Wie niet&excl;"'),
    "unknown-reference": replace(P1, "titel: Oefen de wijk", 'titel: "Oefen &wijk; en buurt"'),
    "party-name": replace(REGISTER, "naam: Gemeenten", f'naam: "Gemeenten {IMAGE}"'),
    "party-spelling": replace(REGISTER, "schrijfwijzen: [Netbeheerder]",
                              'schrijfwijzen: ["Netbeheerder &#x2F;&#x2F;"]'),
    "party-raw-html": replace(REGISTER, "naam: TNO", 'naam: "TNO <img src=x onerror=alert(1)>"'),
    # 9. Headings that would be a second title, or take a generated section's place.
    "setext-h1": replace(P1, "Geld", "Geld\n===="),
    "setext-h2": replace(P1, "Geld", "Geld\n---"),
    "setext-in-a-quote": replace(P1, "Geld", "> Geld\n> ="),
    "setext-in-a-list-item": replace(P1, "Geld", "- Geld\n\n    Ingevoegde kop\n    ==="),
    "setext-in-a-workshop": replace(W1, "De burgerreserve traint *inwoners* voor crises.",
                                    "De burgerreserve traint *inwoners* voor crises.\n==="),
    "setext-in-an-edition": replace(E25, "Een klein voorbeeld van een editie.",
                                    "Een klein voorbeeld van een editie.\n=="),
    "heading-in-a-list": replace(P1, "Geld", "- # Ingevoegde kop"),
    "heading-in-a-numbered-list": replace(P1, "Geld", "1. #3 op de lijst"),
    "heading-in-a-quote": replace(P1, "Geld", "> > # Ingevoegde kop"),
    "heading-indented": replace(P1, "Geld", "- Geld\n\n    # Ingevoegde kop"),
    "generated-heading-proposal": replace(P1, "## Tweede stap", "## Samengevat in"),
    "generated-heading-other-case-and-level": replace(P1, "## Tweede stap", "### samengevat IN ##"),
    "generated-heading-party-section": replace(P1, "## Tweede stap", "## Partijen in het register"),
    "generated-heading-idea": replace(I1, "categorie: oefenen\n---",
                                      "categorie: oefenen\n---\n\n## Voorstellen\n\nTekst."),
    "generated-heading-workshop": replace(W1, "De burgerreserve traint", "## Door\n\nDe burgerreserve traint"),
    "generated-heading-edition": replace(E25, "Een klein voorbeeld van een editie.", "## Bronnen\n\nNiets."),
    # 9. Links that leave the site while looking internal, or that use another scheme than the web's.
    "links": replace(P1, "Buurtverenigingen", LINKS),
    "link-in-a-note": replace(I2, "  - De tabellen spellen de titel anders.", "  - '[De tabel](file:///tabel.xlsx)'"),
    "link-in-an-edition-intro": replace(E25, "Een klein voorbeeld", r"[Een klein voorbeeld](/\evil.example/)"),
}

T = "titel"
EXPECTED = {
    "proposal-title-named": [ref(P1, 3, T, "&lt;", "<")],
    "proposal-summary-decimal": [ref(P1, 4, "samenvatting", "&#60;", "<")],
    "idea-title-hex": [ref(I1, 3, T, "&#x3C;", "<")],
    "workshop-title-without-semicolons": [ref(W2, 3, T, "&lt", "<")],
    "leader-name": [ref(W1, 5, "leiders[0].naam", "&lt;", "<")],
    "leader-role-amp": [ref(W1, 6, "leiders[0].rol", "&amp;", "&")],
    "leader-organisation-zero-padded": [ref(W1, 7, "leiders[0].organisatie", "&#0000060;", "<")],
    "edition-title-invisible": [ref(E25, 2, T, "&nbsp;", "U+00A0")],
    "category-name": [ref(E25, 15, "categorieen[0].naam", "&lt;", "<")],
    "subcategory-name": [ref(E25, 20, "categorieen[1].subcategorieen[0].naam", "&lt;", "<")],
    "theme-name": [ref(E25, 10, "themas[0].naam", "&shy;", "U+00AD")],
    "note": [ref(I2, 7, "afwijkingen[0]", "&quot;", '"')],
    "source": [ref(E25, 5, "bronnen[0]", "&copy;", "©")],
    "volunteers-text": [
        # The words around a reference are read too: 'excl' is no word of the list (generator/content/privacy.py).
        f"{C}{P2}:5: bij 'vrijwilligers' hoort het aantal vrijwilligers, nooit een naam: de bron liet de namen bewust "
        "weg om de privacy van de vrijwilligers te beschermen. Als tekst mag hier alleen iets staan dat niemand noemt, "
        "met woorden uit de lijst in CONTRIBUTING.md (zoals 'ongeveer', 'onbekend' of 'Wie niet?!') en getallen; dit "
        "woord staat er niet in: 'excl'. Schrijf het aantal (bijvoorbeeld 'vrijwilligers: 2') of laat de regel weg. "
        "[person-name]",
        ref(P2, 5, "vrijwilligers", "&excl;", "!"),
    ],
    "unknown-reference": [ref(P1, 3, T, "&wijk;")],
    "party-name": [ref(REGISTER, 5, "partijen[0].naam", "&lt;", "<")],
    "party-spelling": [ref(REGISTER, 14, "partijen[2].schrijfwijzen[0]", "&#x2F;", "/")],
    "party-raw-html": [f"{C}{REGISTER}:16: het HTML-attribuut 'onerror=' kan code uitvoeren in de browser van een "
                       "lezer: haal de HTML weg en schrijf gewone tekst of Markdown [unsafe-html]"],
    "setext-h1": [setext(P1, 28, "====", "Geld")],
    "setext-h2": [setext(P1, 28, "---", "Geld")],
    "setext-in-a-quote": [setext(P1, 28, "> =", "> Geld")],
    "setext-in-a-list-item": [setext(P1, 30, "===", "Ingevoegde kop")],
    "setext-in-a-workshop": [setext(W1, 12, "===", "De burgerreserve traint *inwoners* voor…")],
    "setext-in-an-edition": [setext(E25, 23, "==", "Een klein voorbeeld van een editie.")],
    "heading-in-a-list": [nested(P1, 28, "- # Ingevoegde kop")],
    "heading-in-a-numbered-list": [nested(P1, 28, "1. #3 op de lijst")],
    "heading-in-a-quote": [nested(P1, 28, "> > # Ingevoegde kop")],
    "heading-indented": [nested(P1, 30, "# Ingevoegde kop")],
    "generated-heading-proposal": [taken(P1, 39, "Samengevat in", "Samengevat in")],
    "generated-heading-other-case-and-level": [taken(P1, 39, "samengevat IN", "Samengevat in")],
    "generated-heading-party-section": [taken(P1, 39, "Partijen in het register", "Partijen in het register")],
    "generated-heading-idea": [taken(I1, 7, "Voorstellen", "Voorstellen")],
    "generated-heading-workshop": [taken(W1, 12, "Door", "Door")],
    "generated-heading-edition": [taken(E25, 23, "Bronnen", "Bronnen")],
    "links": [
        other_host(P1, 37, r"/\evil.example/inloggen", "/\\"),
        other_host(P1, 39, r"\\evil.example/inloggen", "\\\\"),
        other_host(P1, 41, "//evil.example/inloggen", "//"),
        scheme(P1, 43, "file:///etc/passwd", "file"),
        scheme(P1, 45, "ms-msdt:/id", "ms-msdt"),
        scheme(P1, 47, "FILE:///C:/Windows", "FILE"),
        scheme(P1, 49, "fi&#108;e:///etc/passwd", "file"),
        scheme(P1, 51, "fi\\tle:///etc/passwd", "file"),
        scheme(P1, 55, "ms-msdt:/id", "ms-msdt"),
        scheme(P1, 57, "file:///etc/passwd", "file"),
        scheme(P1, 59, "tel:0612345678", "tel"),
        # The number itself is contact details (generator/content/privacy.py), whatever the link.
        f"{C}{P1}:59: deze regel bevat een telefoonnummer. Contactgegevens horen niet in de inhoud: alles hier wordt "
        "openbaar (op de pagina's, in de open data en in de zoekfunctie), en de bron noemt geen contactgegevens. Haal "
        "het weg; wie iemand wil bereiken, loopt via de organisatie. [contact-details]",
    ],
    "link-in-a-note": [scheme(I2, 7, "file:///tabel.xlsx", "file")],
    "link-in-an-edition-intro": [other_host(E25, 23, r"/\evil.example/", "/\\")],
}

ACCEPTED = {
    "ampersands-in-values": both(
        replace(P1, "titel: Oefen de wijk", 'titel: "Oefen de wijk & de buurt; R&D, Q&A en B&B"'),
        replace(E25, "naam: Oefenen en simuleren", 'naam: "Mensen & Bedrijven"'),
        replace(W1, "    rol: directeur", "    rol: directeur R&D"),
        replace(REGISTER, "naam: TNO", 'naam: "TNO & partners"')),
    "references-in-the-body": replace(P1, "Geld", "Geld &amp; middelen &lt; 5 &eacute;"),
    "rules-and-lines-that-are-no-heading": replace(
        P1, "Geld", "Geld\n\n---\n\nMeer geld\n\n***\n\nA = B\n= = =\nKop === op een regel\n- - -"),
    "headings-that-start-their-line": replace(P1, "## Tweede stap",
                                              "## Tweede stap\n\n# Grote kop\n\n#kop zonder spatie"),
    "headings-named-like-another-kinds-section": replace(P1, "## Tweede stap", "## Door\n\nTekst.\n\n## Samengevat"),
    "web-links": replace(P1, "Buurtverenigingen", "[a](https://example.org/a), [b](HTTP://example.org), "
                         "[c](mailto:redactie), [d](../../ideeen/2025/001-lokaal-oefenen.md), [e](#kop), "
                         "<https://example.org>; Let op: dit is geen link.\n\n"
                         "[f]: https://example.org/f"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_markup_is_refused_at_the_exact_line(name, content):
    CASES[name](content)
    assert_reported(content, EXPECTED[name], timeout=60)


def test_every_case_has_an_expectation():
    assert sorted(EXPECTED) == sorted(CASES)


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_ordinary_text_that_looks_close_passes(name, content):
    ACCEPTED[name](content)
    result = run_cli("check", cwd=content.parent, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (
        0, SAMPLE_PASSED + "\n", "")


def test_the_real_content_passes_with_no_new_problem(tmp_path):
    root = site_root(tmp_path, ROOT / "content")
    result = run_cli("check", cwd=root, timeout=60)
    assert result.returncode == 0, result.stdout
    assert [line.rsplit("[", 1)[1] for line in result.stdout.splitlines()[:-1]] == ["unknown-party]"]


# Each rule is linear in the text: files of up to the size limit (512 KB) built to make a backtracking pattern, or a
# search from every bracket, take time quadratic in their length. Each must finish (the subprocess timeout turns a
# hang into a failure); the durations measured are in the helper's note, not asserted.
BIG = {
    "brackets": "[" * 400_000,
    "ampersands-in-a-title": None,
    "brackets-and-colons": "[a]" * 130_000 + ":",
    "link-openings": "](" * 200_000,
    "quote-markers": "> " * 200_000 + "x",
    "list-markers": "- " * 200_000 + "x",
    "dashes": "-" * 400_000 + "x",
    "lines-under-text": "a\n" + "=" * 400_000 + " x",
    "hashes": "#" * 400_000,
    "ampersands": "&#" * 200_000,
}


@pytest.mark.parametrize("name", sorted(BIG))
def test_large_bodies_are_checked_in_linear_time(name, content):
    title, body = ("&#a" * 150_000, "Tekst.") if BIG[name] is None else ("Groot", BIG[name])
    (content / "proposals/2025/004-groot.md").write_text(
        f"---\nnummer: 4\ntitel: '{title}'\nthema: bewustwording\nideeen: []\n---\n\n## Beoogd effect\n\n{body}\n",
        encoding="utf-8")
    started = time.monotonic()
    result = run_cli("check", cwd=content.parent, timeout=60)
    print(f"{name}: {time.monotonic() - started:.2f} s")
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1)


def test_the_generated_sections_are_the_templates():
    """GENERATED_SECTIONS names every section heading the entry and edition templates add, with its anchor."""
    import re

    from generator.content.model import GENERATED_SECTIONS
    from generator.pages.sanitize import slugify

    templates = {"proposals": "proposal", "ideas": "idea", "workshops": "workshop", "editions": "edition"}
    heading = re.compile(r"^## ([^{\n]+?) \{ #([a-z0-9-]+)", re.M)
    macros = (ROOT / "generator/pages/templates/_macros.md.j2").read_text(encoding="utf-8")
    # The headings of each macro, written where the template calls it ({{ m.name(…) }}).
    by_macro = {name: heading.findall(body)
                for name, body in re.findall(r"\{% macro (\w+)\(.*?\n(.*?)\{% endmacro", macros, re.S)}
    for kind, name in templates.items():
        text = (ROOT / f"generator/pages/templates/{name}.md.j2").read_text(encoding="utf-8")
        text = re.sub(r"\{\{ m\.(\w+)\(.*?\}\}",
                      lambda call: "".join(f"## {h} {{ #{a} }}\n" for h, a in by_macro.get(call[1], [])), text)
        written = heading.findall(text)
        assert written == [(heading_, slugify(heading_, "-")) for heading_ in GENERATED_SECTIONS[kind]], kind
        assert not re.findall(r"^## (?!\{\{)[^{\n]+$", text, re.M), kind  # no generated heading without an anchor


def test_a_reference_is_found_only_where_html_reads_one():
    assert [markup.references(text) for text in ("A & B", "R&D", "&2", "Q&A;", "&#", "&#x;", "a&amp", "&lt5",
                                                 "&notitie", "&AMP;")] == [
        None, None, None, "&A;", None, None, "&amp", "&lt5", "&notitie", "&AMP;"]
