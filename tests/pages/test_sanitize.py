"""The sanitiser's own rules (generator/pages/sanitize.py), on the HTML that Markdown makes of hostile text."""
from __future__ import annotations

import re

import markdown

from generator.pages.sanitize import clean, may_be_active, slugify

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc"]
CONFIGS = {"tables": {"use_align_attribute": True}, "toc": {"slugify": slugify, "permalink": True}}


def render(text: str) -> str:
    """Markdown as MkDocs renders it with this project's extensions, then the sanitiser."""
    return clean(markdown.markdown(text, extensions=EXTENSIONS, extension_configs=CONFIGS))


def test_every_new_vector_is_seen_as_active_markdown():
    vectors = ["Tekst\n{: #__config }", "## Kop {: style=\"position:fixed\" }", "![p](https://evil.example/p.gif)",
               '!!! md-dialog md-dialog--active "x"\n    y', "Tekst {.mermaid}", "</div></div>",
               '<div class="matrix" markdown>\n\n</div>\n</div>\n']
    assert [v for v in vectors if not may_be_active(v)] == []


def test_the_generators_own_markup_is_not_active():
    dossier = ('!!! warning "Afwijking in de bron"\n    - Noot\n\n### 3. Titel { #voorstel-3 .dossier-proposal }\n\n'
               "Webadres: https://example.org/\n{: .print-only }\n\n[Download als PDF](x.pdf){ .md-button .no-print }\n")
    matrix = '<div class="matrix" markdown>\n\n| [1. Titel](a.md) | ● |\n\n</div>\n'
    assert not may_be_active(dossier) and not may_be_active(matrix)


def test_no_theme_id_no_style_no_foreign_class_no_outside_image():
    html = render('Tekst\n{: #__config .md-dialog .no-print style="position:fixed" name="x" onclick="y" }\n\n'
                  "### __search\n\n![p](https://evil.example/p.gif) ![q](//evil.example/q.gif) "
                  "![r](/\\evil.example/r.gif) ![s](../s.png)\n\n"
                  '<td style="position:fixed">x</td> <img src="x.png" srcset="https://evil.example/a 1x">\n\n'
                  "| a | b |\n| :-: | --: |\n| 1 | 2 |\n")
    assert '<p class="no-print">Tekst</p>' in html
    assert '<h3 id="kop-search">' in html
    assert '<img alt="p"><img alt="q"><img alt="r"><img alt="s" src="../s.png">' in html.replace(" <img", "<img")
    assert '<th align="center">a</th>' in html and '<td align="right">2</td>' in html
    for word in ('id="_', "md-dialog", "style", "name=", "onclick", "evil.example", "srcset"):
        assert word not in html, word


def test_unbalanced_markup_is_balanced():
    assert clean("<p>Tekst</p></div></div><div><p>open") == "<p>Tekst</p><div><p>open</p></div>"


def test_heading_ids_never_take_a_reserved_id():
    assert [slugify(text, "-") for text in ("Beoogd effect", "__config", "_x", "__nav_1_label")] == [
        "beoogd-effect", "kop-config", "kop-x", "kop-nav_1_label"]


def test_every_class_the_templates_write_survives_the_sanitiser():
    """A template that adds a class must add it to sanitize.CLASSES, or pages that are sanitised lose it."""
    from generator.pages.generate import generate, load_catalog
    from generator.pages.sanitize import CLASSES
    from conftest import ROOT, SAMPLE

    written = set()
    for content in (SAMPLE, ROOT / "content"):
        for rel, text in generate(load_catalog(content)).items():
            if rel.endswith(".md"):
                for attributes, classes in re.findall(
                        r"(?<!\\)\{:?((?: [.#][\w-]+| data-search-exclude)+) \}|class=\"([^\"]*)\"", text):
                    written |= {w[1:] for w in attributes.split() if w.startswith(".")} | set(classes.split())
    assert {"md-button", "matrix", "dossier-proposal"} <= written
    assert written - CLASSES == set()


def test_every_page_whose_links_nh3_would_change_is_sanitised():
    """Links that leave the site or use another scheme are dropped on every page, also when its Markdown is not
    active (issue 26): the page's HTML is searched for them."""
    from generator.pages.sanitize import UNSAFE_LINK, page_html

    # [c]: four backslashes in the Markdown, two in the HTML.
    text = (r"[a](/\evil.example/a) [b](//evil.example/b) [c](\\\\evil.example/c) [d](file:///etc/passwd) "
            "[e](ms-msdt:/id) [f](FILE:x) [g](fi&#108;e:x)\n\n[h](https://example.org/h) [i](mailto:a@example.org) "
            "[j](../../ideeen/2025/001-x.md#kop) [k](#anker)")
    assert not may_be_active(text.split("[g]")[0])
    html = page_html(markdown.markdown(text, extensions=EXTENSIONS, extension_configs=CONFIGS), False)
    assert re.findall(r'<a(?: href="([^"]*)")?>', html) == [
        "", "", "", "", "", "", "", "https://example.org/h", "mailto:a@example.org", "../../ideeen/2025/001-x.md#kop",
        "#anker"]
    plain = '<p><a href="../x/">x</a> <a href="https://example.org/?a=1&amp;b=2">y</a> <a href="#k:1">z</a></p>'
    assert UNSAFE_LINK.search(plain) is None  # nothing that nh3 would change: not sanitised


def test_a_page_has_one_h1():
    from generator.pages.sanitize import one_title

    html = '<h1 id="t">Titel</h1>\n<p>x</p>\n<H1>no tag</H1><h1 id="b">B</h1><div><h1>C</h1></div><h10>'
    assert one_title(html) == ('<h1 id="t">Titel</h1>\n<p>x</p>\n<H1>no tag</H1><h2 id="b">B</h2><div><h2>C</h2></div>'
                               "<h10>")
    assert one_title("<p>geen titel</p>") == "<p>geen titel</p>"
    assert one_title('<h1>T</h1><h2 id="a">A</h2>') == '<h1>T</h1><h2 id="a">A</h2>'
