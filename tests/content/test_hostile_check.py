"""The check against hostile content (issue 19): every payload outside the declared Markdown surface gives exit 1,
exactly these lines (the file line where the construct starts), no traceback, and leaves content/ byte-identical;
ordinary text that looks close passes."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from conftest import SUMMARY_END, run_cli, snapshot
from hostile_cases import ACCEPTED, CASES

from generator.content import markup

P1 = "content/proposals/2025/001-oefen-de-wijk.md"
CODE = "is not allowed: it could run code in a reader's browser; remove it and write plain text or Markdown [unsafe-html]"
RAW = ("is not allowed: content text is Markdown only (paragraphs, lists, *emphasis*, [links](https://…) and ## "
       "headings); remove the tag [raw-html]")
ATTRIBUTES = ("is an attribute list, which sets ids, classes and styles: only the generator's templates may; remove it "
              "(write ( ) instead of { } for text in brackets) [attribute-list]")
IMAGE = ("an image is not allowed in content text: every reader's browser would fetch it, from wherever it points; "
         "remove it, or link to it as [text](https://…) [image]")
CONFIG = f"{P1}:16: '{{: #__config }}' {ATTRIBUTES}"

EXPECTED = {
    "xss-config-worker": [
        f"""{P1}:15: '{{"base": "../../..", "features": [], "s…' {ATTRIBUTES}""",
        f"{P1}:15: a 'data:' link {CODE}",
        CONFIG,
    ],
    "xss-config-translations": [f"""{P1}:15: '{{"base": "../../..", "features": [], "s…' {ATTRIBUTES}""", CONFIG],
    "xss-config-base": [f"""{P1}:15: '{{"base": "https://evil.example/", "feat…' {ATTRIBUTES}""", CONFIG],
    "config-id-in-category-name": [f"content/editions/2025.md:15: '{{: #__config }}' {ATTRIBUTES}"],
    "pixel": [f"{P1}:28: {IMAGE}"],
    "overlay-td-style": [f"{P1}:28: raw HTML <td style=…> {RAW}"],
    "image-in-a-note": [f"content/ideas/2025/002-voorraden.md:7: {IMAGE}"],
    "attribute-list-onclick": [f"""{P1}:29: '{{: onclick="alert(1)" }}' {ATTRIBUTES}"""],
    "attribute-list-class": [f"{P1}:29: '{{.md-dialog .md-dialog--active}}' {ATTRIBUTES}"],
    "img-onerror-on-the-next-line": [f"{P1}:28: an event-handler attribute (onerror=) {CODE}"],
    "script-url-entity-inside": [f"{P1}:37: a 'javascript:' link (written 'java&#115;cript:') {CODE}"],
    "script-url-entity-first": [f"{P1}:37: a 'javascript:' link (written '&#106;avascript:') {CODE}"],
    "script-url-hex-entity-colon": [f"{P1}:37: a 'javascript:' link (written '&#x6A;avascript&colon;') {CODE}"],
    "script-url-case": [f"{P1}:37: a 'javascript:' link {CODE}"],
    "script-url-tab": [f"{P1}:37: a 'javascript:' link (written 'java\\tscript:') {CODE}"],
    "script-url-newline": [f"{P1}:37: a 'javascript:' link (written 'java\\nscript:') {CODE}"],
    "script-url-percent": [f"{P1}:37: a 'javascript:' link (written '%6A%61vascript:') {CODE}"],
    "script-url-autolink": [f"{P1}:37: a 'javascript:' link {CODE}"],
    "data-url-svg": [f"{P1}:37: a 'data:' link {CODE}"],
    "closing-divs": [f"{P1}:28: raw HTML </div> {RAW}"],
    "admonition": [f"{P1}:28: '!!!' starts an admonition (a coloured box): only the generator's templates write those; "
                   "remove the '!!!' and write a plain paragraph [admonition]"],
    "html-comment": [f"{P1}:28: raw HTML <!-- … --> {RAW}"],
    "intro-line-after-blank-line": [f"content/workshops/2026/001-burgerreserve.md:12: raw HTML <b> {RAW}"],
    "edition-intro-line": [f"content/editions/2025.md:23: raw HTML <span style=…> {RAW}"],
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
    count = len(EXPECTED[name])
    assert result.stderr == f"{count} fout{'en' if count != 1 else ''} gevonden; {SUMMARY_END}\n"
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(content) == before


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_ordinary_text_that_looks_close_passes(name, content):
    ACCEPTED[name](content)
    result = run_cli("check", cwd=content.parent)
    assert (result.returncode, result.stdout) == (0, "In orde: 4 voorstellen, 4 ideeën, 2 workshops in 2 edities\n")


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

