"""Accessibility (issue 14): WCAG 2.1 AA on every page of the real site and of its offline edition, and in every
PDF dossier, checked in Debian's Chromium.

- axe-core (pinned in package.json, injected from node_modules/, never fetched) runs on every HTML page, online
  (http on localhost) and offline (file://), at 1280 and at 320 px wide; with it a few checks axe does not make:
  `lang="nl"`, headings without skipped levels, tables with header scopes, a name and a focusable labelled
  scrolling region, the footer's link to the accessibility statement, and no sideways scrolling at 320 px.
- reflow at 320 px per page type, the keyboard (skip link, visible focus, search) and the tagged PDFs.

Run alone: `.venv/bin/python -m pytest tests/test_accessibility.py`.
"""
from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path

import pypdf
import pytest
from playwright.sync_api import sync_playwright

from generator.publish.pdf import launch
from generator.pages.generate import load_catalog
from generator.pages.render import ideas_in, proposals_in
from generator.pages.tables import accessible_tables

from conftest import ROOT

CATALOG = load_catalog(ROOT / "content")
SITE_NAME = re.search(r"^site_name: (.+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
               "resultTypes": ["violations"]}
WIDTHS = (1280, 320)
# (rule, element selector) → why that rule cannot be met for that one element; the accessibility statement says
# the same. Empty: every page meets every rule.
EXCEPTIONS: dict[tuple[str, str], str] = {}

# Checks axe does not make; each returns a list of problems in Dutch-independent English.
STRUCTURE = """() => {
  const problems = [];
  const text = e => e.textContent.trim().replace(/\\s+/g, ' ').slice(0, 60);
  if (document.documentElement.lang !== 'nl') problems.push(`html lang is "${document.documentElement.lang}"`);
  let previous = 0;
  for (const h of document.querySelectorAll('article h1, article h2, article h3, article h4, article h5, article h6')) {
    const level = Number(h.tagName[1]);
    if (level > previous + 1) problems.push(`heading level skipped: h${level} after h${previous}: ${text(h)}`);
    previous = level;
  }
  for (const table of document.querySelectorAll('table')) {
    const name = (table.caption && table.caption.textContent.trim()) || table.getAttribute('aria-label');
    if (!name) problems.push(`table without a caption: ${text(table)}`);
    const region = table.closest('[role=region]');
    if (!region || region.tabIndex !== 0 || !region.getAttribute('aria-label'))
      problems.push(`table not in a focusable, labelled region: ${text(table)}`);
    const scopes = ['col', 'row', 'colgroup', 'rowgroup'];
    const bare = [...table.querySelectorAll('th')].filter(th => !scopes.includes(th.getAttribute('scope')));
    if (bare.length) problems.push(`header cell without scope: ${text(bare[0])}`);
  }
  const statement = document.querySelector('.md-footer a.md-footer-statement');
  if (!statement || !['/toegankelijkheid/', '/toegankelijkheid.html'].some(end => statement.href.endsWith(end)))
    problems.push('no link to the accessibility statement in the footer');
  return problems;
}"""
SIDEWAYS = "() => document.documentElement.scrollWidth > window.innerWidth ? document.documentElement.scrollWidth : 0"


def html_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def page_url(site: Path, base: str, rel: str) -> str:
    """The address a reader opens: over http from `base` (directory URLs), or the file itself when `base` is ''."""
    return base + re.sub(r"(^|/)index\.html$", r"\1", rel) if base else (site / rel).as_uri()


def violations(page) -> list[str]:
    lines = []
    for rule in page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)["violations"]:
        for node in rule["nodes"]:
            target = " ".join(map(str, node["target"]))
            if (rule["id"], target) not in EXCEPTIONS:
                summary = " ".join(node["failureSummary"].split())
                lines.append(f"{rule['id']} ({rule['impact']}): {target}: {summary[:300]}")
    return lines


def audit(browser, pages: list[tuple[str, str]]) -> list[str]:
    """Every check on each (name, address), in one page object: axe-core is added to each document before the
    page's own scripts; the page is loaded once and checked at each width."""
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 900})
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    problems = []
    try:
        for name, url in pages:
            page.set_viewport_size({"width": WIDTHS[0], "height": 900})
            page.goto(url, wait_until="load")
            problems += [f"{name}: {p}" for p in page.evaluate(STRUCTURE)]
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 900})
                problems += [f"{name} at {width} px: {line}" for line in violations(page)]
            wide = page.evaluate(SIDEWAYS)
            if wide:
                problems.append(f"{name} at {WIDTHS[-1]} px: the page scrolls sideways ({wide} px wide)")
    finally:
        context.close()
    return problems


def audit_in_own_browser(pages: list[tuple[str, str]]) -> list[str]:
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            return audit(browser, pages)
        finally:
            browser.close()


def test_every_page_passes_axe_at_1280_and_320_px(browser, real_site, offline, server):
    """Every page of both editions; the pages are shared between two browsers, one per core."""
    pages = [(f"{rel} (online)", page_url(real_site, server, rel)) for rel in html_pages(real_site)]
    pages += [(f"{rel} (offline)", page_url(offline, "", rel)) for rel in html_pages(offline)]
    assert len(pages) > 200
    with ThreadPoolExecutor(max_workers=1) as pool:
        second = pool.submit(audit_in_own_browser, pages[1::2])
        problems = audit(browser, pages[::2]) + second.result()
    assert problems == [], f"{len(problems)} accessibility problems:\n" + "\n".join(sorted(problems))


def page_types(site: Path) -> list[str]:
    """One page of each kind: the first page of every (top folder, depth), so a new kind of page is included."""
    kinds: dict[tuple[str, int], str] = {}
    for rel in html_pages(site):
        parts = rel.split("/")
        kinds.setdefault((parts[0], len(parts)), rel)
    return sorted(kinds.values())


def test_reflow_at_320_px_on_every_page_type(browser, real_site, server):
    """WCAG 1.4.10: at 320 CSS px the page never scrolls sideways; a wide table scrolls in its own region."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    types = page_types(real_site)
    assert {"index.html", "404.html", "matrix/2025/index.html",
            "voorstellen/2025/001-het-spel-gaat-beginnen/index.html"} <= set(types)
    try:
        problems, scrolled_tables = [], 0
        for rel in types:
            page.goto(page_url(real_site, server, rel), wait_until="load")
            wide = page.evaluate(SIDEWAYS)
            if wide:
                problems.append(f"{rel}: the page is {wide} px wide")
            scrolled_tables += page.evaluate(
                "() => [...document.querySelectorAll('.table-region')].filter(r => r.scrollWidth > r.clientWidth)"
                ".length")
    finally:
        context.close()
    assert problems == []
    assert scrolled_tables > 0  # the wide tables (the matrix at least) scroll inside their region


def focus_style(page) -> dict:
    return page.evaluate("""() => { const e = document.activeElement, s = getComputedStyle(e);
        return {tag: e.tagName, cls: String(e.className), text: e.textContent.trim().slice(0, 40),
                outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow}; }""")


def test_keyboard_skip_link_visible_focus_and_search(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(server + "voorstellen/", wait_until="load")
        # The skip link is the first Tab stop, shown when focused, and leads to the page's content.
        page.keyboard.press("Tab")
        first = focus_style(page)
        assert "md-skip" in first["cls"].split() and first["text"] == "Ga naar inhoud"
        page.wait_for_function("() => getComputedStyle(document.activeElement).opacity === '1'")
        box = page.locator(".md-skip").bounding_box()
        assert box and box["y"] >= 0 and box["width"] > 20
        target = page.get_attribute(".md-skip", "href")
        page.keyboard.press("Enter")
        assert page.url.endswith(target)
        assert page.evaluate(f"() => !!document.querySelector('article {target}')")
        # Every Tab stop shows a focus ring: a 3 px outline inside a dark ring.
        page.goto(server + "voorstellen/", wait_until="load")
        unseen = []
        for _ in range(30):
            page.keyboard.press("Tab")
            style = focus_style(page)
            if style["outline"] == "none" or style["width"] < 3 or style["shadow"] == "none":
                unseen.append(style)
        assert unseen == []
        # Search opens from the keyboard ("/"), takes a query, and its results are reached and followed by keyboard.
        page.keyboard.press("/")
        assert "md-search__input" in focus_style(page)["cls"]
        assert page.get_attribute(".md-search", "aria-label") == "Zoeken"
        page.keyboard.type("thuisaccu")
        page.wait_for_selector(".md-search-result__item a")
        # The open dialog with its results passes axe too (the page-by-page audit sees it closed).
        page.add_script_tag(path=str(AXE))
        assert violations(page) == []
        page.keyboard.press("ArrowDown")
        result = focus_style(page)
        assert result["tag"] == "A" and "thuisaccu" in result["text"].lower()
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile("thuisaccu"))
    finally:
        context.close()


def test_tables_get_header_scopes_a_caption_and_a_labelled_region():
    heading = '<h2 id="x">Voorstellen &amp; "ideeën"<a class="headerlink" href="#x">¶</a></h2>\n'
    table = ('<table>\n<thead>\n<tr>\n<th style="text-align: center;">Nr</th>\n<th scope="colgroup">T</th>\n</tr>\n'
             '</thead>\n<tbody>\n<tr>\n<th>1</th>\n<td>a</td>\n</tr>\n</tbody>\n</table>')
    assert accessible_tables(heading + table, "Pagina") == heading + (
        '<div class="table-region" role="region" tabindex="0" aria-label="Voorstellen &amp; &quot;ideeën&quot;">'
        '<table><caption class="visually-hidden">Voorstellen &amp; "ideeën"</caption>\n<thead>\n<tr>\n'
        '<th scope="col" style="text-align: center;">Nr</th>\n<th scope="colgroup">T</th>\n</tr>\n</thead>\n'
        '<tbody>\n<tr>\n<th scope="row">1</th>\n<td>a</td>\n</tr>\n</tbody>\n</table></div>')
    # A table keeps its own caption; with no heading before it, the page title names it; no table, no change.
    assert accessible_tables("<table><caption>Eigen</caption></table>") == (
        '<div class="table-region" role="region" tabindex="0" aria-label="Eigen"><table><caption>Eigen</caption>'
        "</table></div>")
    assert 'aria-label="Pagina"' in accessible_tables("<p>x</p><table></table>", "Pagina")
    assert accessible_tables("<p>geen tabel</p>", "Pagina") == "<p>geen tabel</p>"


def test_accessibility_statement_names_the_tools_tested_with(real_site):
    statement = (real_site / "toegankelijkheid/index.html").read_text(encoding="utf-8")
    axe_version = json.loads((ROOT / "node_modules/axe-core/package.json").read_text())["version"]
    assert json.loads((ROOT / "package.json").read_text())["dependencies"]["axe-core"] == axe_version
    for tool in (f"axe-core {axe_version}", f"Playwright {version('playwright')}", "WCAG", "EN 301 549"):
        assert tool in statement, tool
    assert "<h1" in statement and "Toegankelijkheid" in statement


DOSSIERS = [(e, c) for e in CATALOG.editions for c in e.categories]


def outline_titles(outline) -> list[str]:
    titles = []
    for item in outline:
        titles += outline_titles(item) if isinstance(item, list) else [item.title]
    return titles


def fold(text: str) -> str:
    """Chromium drops the line breaks inside a heading from its bookmark: compare without any white space."""
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("edition, category", DOSSIERS, ids=[f"{e.year}-{c.slug}" for e, c in DOSSIERS])
def test_pdf_dossier_is_tagged_titled_dutch_with_an_outline(real_site, edition, category):
    pdf = real_site / f"downloads/pdf/{edition.year}-{category.slug}.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    title = f"{category.name} - {SITE_NAME}"  # the page's <title>
    assert re.search(rf"^Title:\s+{re.escape(title)}$", info, re.M)
    reader = pypdf.PdfReader(pdf)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert root["/MarkInfo"]["/Marked"].value is True and "/StructTreeRoot" in root
    assert reader.metadata.title == title
    # One bookmark per idea and per proposal: "<number>. <title>" at the end of a bookmark's text.
    found = Counter()
    for entry in map(fold, outline_titles(reader.outline)):
        match = re.search(r"(\d+)\.(.*)$", entry)
        if match:
            found[f"{match[1]}.{match[2]}"] += 1
    ideas, proposals = ideas_in(CATALOG, edition, category.slug), proposals_in(CATALOG, edition, category.slug)
    assert ideas and proposals
    expected = Counter(fold(f"{x.number}. {x.title}") for x in [*ideas, *proposals])
    assert {key: n for key, n in expected.items() if found[key] < n} == {}


def test_a_tables_own_scroll_box_becomes_its_region():
    """The matrix scrolls in its own box (sticky header row and first column): no second box around the table."""
    page = ('<h2>Matrix</h2><div class="matrix-scroll"><table class="matrix-table"><caption>Matrix 2025</caption>'
            "<thead><tr><th>Voorstel</th></tr></thead></table></div>")
    assert accessible_tables(page) == (
        '<h2>Matrix</h2><div class="matrix-scroll" role="region" tabindex="0" aria-label="Matrix 2025">'
        '<table class="matrix-table"><caption>Matrix 2025</caption><thead><tr><th scope="col">Voorstel</th></tr>'
        "</thead></table></div>")
