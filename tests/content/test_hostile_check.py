"""The check against hostile content (issue 19): every payload outside the declared Markdown surface gives exit 1,
exactly these lines (the file line where the construct starts), no traceback, and leaves content/ byte-identical;
ordinary text that looks close passes."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from conftest import SAMPLE_PASSED, SUMMARY_END, run_cli, snapshot
from dutch import assert_dutch
from hostile_cases import ACCEPTED, CASES

from generator.content import markup

P1 = "content/proposals/2025/001-oefen-de-wijk.md"
CODE = "kan code uitvoeren in de browser van een lezer"
RAW = ("is HTML, en in de tekst mag alleen Markdown staan: haal de tag weg; schrijf bijv. vet als **vet**, schuin als "
       "*schuin* en een link als [tekst](https://…) [raw-html]")
ATTRIBUTES = ("zet met accolades een id, klasse of stijl, en dat doet alleen de site zelf: haal de accolades weg; staat "
              "er tekst tussen, schrijf dan ( ) in plaats van { } [attribute-list]")
IMAGE = ("een afbeelding mag niet in de tekst: de browser van elke lezer zou haar ophalen, waar het adres ook naar "
         "wijst; haal de afbeelding weg, of maak er een link van: [tekst](https://…) [image]")
CONFIG = f"{P1}:16: '{{: #__config }}' {ATTRIBUTES}"


def url(where: str, scheme: str, written: str | None = None) -> str:
    """A script or data URL, and how it is written when that differs."""
    what = (f"'{written}' is een link met '{scheme}:', die code kan uitvoeren in de browser van een lezer" if written
            else f"een link met '{scheme}:' {CODE}")
    return f"{where}: {what}: haal de link weg en schrijf gewone tekst of Markdown [unsafe-html]"


EXPECTED = {
    "xss-config-worker": [
        f"""{P1}:15: '{{"base": "../../..", "features": [], "s…' {ATTRIBUTES}""",
        url(f"{P1}:15", "data"),
        CONFIG,
    ],
    "xss-config-translations": [f"""{P1}:15: '{{"base": "../../..", "features": [], "s…' {ATTRIBUTES}""", CONFIG],
    "xss-config-base": [f"""{P1}:15: '{{"base": "https://evil.example/", "feat…' {ATTRIBUTES}""", CONFIG],
    "config-id-in-category-name": [f"content/editions/2025.md:15: '{{: #__config }}' {ATTRIBUTES}"],
    "pixel": [f"{P1}:28: {IMAGE}"],
    "overlay-td-style": [f"{P1}:28: '<td style=…>' {RAW}"],
    "image-in-a-note": [f"content/ideas/2025/002-voorraden.md:7: {IMAGE}"],
    "attribute-list-onclick": [f"""{P1}:29: '{{: onclick="alert(1)" }}' {ATTRIBUTES}"""],
    "attribute-list-class": [f"{P1}:29: '{{.md-dialog .md-dialog--active}}' {ATTRIBUTES}"],
    "img-onerror-on-the-next-line": [f"{P1}:28: het HTML-attribuut 'onerror=' {CODE}: haal de HTML weg en schrijf "
                                     "gewone tekst of Markdown [unsafe-html]"],
    "script-url-entity-inside": [url(f"{P1}:37", "javascript", "java&#115;cript:")],
    "script-url-entity-first": [url(f"{P1}:37", "javascript", "&#106;avascript:")],
    "script-url-hex-entity-colon": [url(f"{P1}:37", "javascript", "&#x6A;avascript&colon;")],
    "script-url-case": [url(f"{P1}:37", "javascript")],
    "script-url-tab": [url(f"{P1}:37", "javascript", "java\\tscript:")],
    "script-url-newline": [url(f"{P1}:37", "javascript", "java\\nscript:")],
    "script-url-percent": [url(f"{P1}:37", "javascript", "%6A%61vascript:")],
    "script-url-autolink": [url(f"{P1}:37", "javascript")],
    "data-url-svg": [url(f"{P1}:37", "data")],
    "closing-divs": [f"{P1}:28: '</div>' {RAW}"],
    "admonition": [f"{P1}:28: '!!!' begint een kader (een gekleurd blok), en kaders zet alleen de site zelf: haal de "
                   "'!!!' weg en schrijf een gewone alinea [admonition]"],
    "html-comment": [f"{P1}:28: '<!-- … -->' {RAW}"],
    "intro-line-after-blank-line": [f"content/workshops/2026/001-burgerreserve.md:12: '<b>' {RAW}"],
    "edition-intro-line": [f"content/editions/2025.md:23: '<span style=…>' {RAW}"],
}

def test_every_case_has_an_expectation():
    assert sorted(EXPECTED) == sorted(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_content_is_refused_at_the_exact_line(name, content):
    CASES[name](content)
    before = snapshot(content)
    result = run_cli("check", cwd=content.parent)
    assert result.returncode == 1
    assert result.stdout.splitlines() == EXPECTED[name]
    assert_dutch(result.stdout.splitlines())
    count = len(EXPECTED[name])
    assert result.stderr == f"{count} fout{'en' if count != 1 else ''} gevonden; {SUMMARY_END}\n"
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(content) == before


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_ordinary_text_that_looks_close_passes(name, content):
    ACCEPTED[name](content)
    result = run_cli("check", cwd=content.parent)
    assert (result.returncode, result.stdout) == (0, SAMPLE_PASSED + "\n")


def test_a_tag_is_reported_on_the_line_where_it_starts_whatever_its_length():
    text = "Eerste regel.\n\nTekst <img\nsrc=x\n\n\nonerror=alert(1)> en <p\nid=__config>{}</p>\n"
    assert [(p.location.line, p.code) for p in markup.problems("f.md", [(10, text)])] == [
        (12, "unsafe-html"), (16, "raw-html"), (17, "raw-html")]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["<", ">", "!", "[", "]", "-", "&", "#", ";", "%", "6A", "/", "?", "=", '"', " ", "\n",
                                 "\t", "{", "}", ":", "a", "x", "<![CDATA[", "<!--", "javascript", "data:", "<script>"]),
                max_size=40).map("".join))
def test_any_text_gives_problems_never_an_exception(text):
    for problem in markup.problems("f.md", [(3, text)]):
        assert 3 <= problem.location.line <= 3 + text.count("\n")

