"""Pages a reader can work with (issue 15), in real Chromium: the matrix at desktop and phone width, the filters on
the indexes in the offline edition from file://, unknown volunteers never shown as zero, and the PDF dossiers read
page by page as reports (title page, contents with true page numbers, no heading last on a page)."""
from __future__ import annotations

import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.pages.generate import generate, load_catalog
from generator.pages.render import count, ideas_in, proposals_in

# The helpers of the browser tests: tabs that block and count every request outside the site (the session fixtures
# real_site, offline, browser and server live in conftest.py, shared with test_browser.py).
from test_browser import CATALOG, _fold

from conftest import ROOT

EDITION = CATALOG.edition(2025)
PROPOSALS = [p for p in CATALOG.proposals if p.edition == 2025]
IDEAS = [i for i in CATALOG.ideas if i.edition == 2025]


# --- matrix ----------------------------------------------------------------------------------------------------

def test_matrix_shows_every_idea_column_at_1280_px(online_tab, server):
    page = online_tab.page
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(server + "matrix/2025/")
    boxes = page.eval_on_selector_all(".matrix-table thead th[scope=col] a",
                                      "els => els.map(e => e.closest('th').getBoundingClientRect().toJSON())")
    assert len(boxes) == len(IDEAS) == 37
    outside = [n for n, box in enumerate(boxes, 1) if box["left"] < 0 or box["right"] > 1280 or box["width"] <= 0]
    assert outside == []
    assert page.is_visible(".matrix-table") and not page.is_visible(".matrix-list")
    # Counted per row (ideas of a proposal) and per column (proposals of an idea).
    row5 = page.locator(".matrix-table tbody tr", has=page.locator("th a", has_text="5. De weerbare wijk"))
    assert row5.locator("td.matrix-count").inner_text() == "2"
    totals = page.eval_on_selector_all(".matrix-totals td", "els => els.map(e => e.textContent)")
    ordered = [i for c in EDITION.categories for i in ideas_in(CATALOG, EDITION, c.slug)]
    assert totals == [str(len(i.proposals)) for i in ordered] + [str(sum(len(p.ideas) for p in PROPOSALS))]


def test_matrix_header_and_first_column_stay_in_view_while_scrolling(online_tab, server):
    page = online_tab.page
    page.set_viewport_size({"width": 1000, "height": 700})  # narrower than the table: it scrolls both ways
    page.goto(server + "matrix/2025/")
    page.eval_on_selector(".matrix-scroll", "e => { e.scrollTop = 200; e.scrollLeft = 200; }")
    assert page.eval_on_selector(".matrix-scroll", "e => [e.scrollTop, e.scrollLeft]") == [200, 200]
    box = page.eval_on_selector(".matrix-scroll", "e => e.getBoundingClientRect().toJSON()")
    header = page.eval_on_selector(".matrix-table thead tr:first-child th", "e => e.getBoundingClientRect().top")
    first = page.eval_on_selector(".matrix-table tbody th[scope=row]", "e => e.getBoundingClientRect().left")
    assert header == pytest.approx(box["top"] + 1, abs=1)  # inside the box's border, not scrolled away
    assert first == pytest.approx(box["left"] + 1, abs=1)


def test_matrix_cells_and_headers_are_announced_with_their_meaning(online_tab, server):
    page = online_tab.page
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(server + "matrix/2025/")
    assert page.locator("caption").inner_text().startswith("Matrix Mauritssymposium (2025): de voorstellen (52)")
    links = sum(len(p.ideas) for p in PROPOSALS)
    assert page.get_by_role("cell", name="ja", exact=True).count() == links
    assert page.get_by_role("cell", name="nee", exact=True).count() == len(PROPOSALS) * len(IDEAS) - links
    assert page.get_by_role("cell", name="", exact=True).count() == 0
    assert page.get_by_role("rowheader", name="5. De weerbare wijk").count() == 1
    header = page.get_by_role("columnheader", name="2 De weerbare wijk")
    tip = header.locator(".matrix-tip")
    assert tip.bounding_box()["width"] <= 1
    header.get_by_role("link").focus()  # keyboard focus shows the idea's title
    assert tip.bounding_box()["width"] > 50 and tip.is_visible()
    page.mouse.move(0, 0)
    page.locator("body").focus()
    page.hover(".matrix-table thead th[scope=col] a >> nth=20")  # and so does pointing at it
    assert page.locator(".matrix-table thead th[scope=col] .matrix-tip >> nth=20").bounding_box()["width"] > 50


def test_matrix_becomes_a_list_on_a_phone(online_tab, server):
    page = online_tab.page
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(server + "matrix/2025/")
    assert page.is_visible(".matrix-list") and not page.is_visible(".matrix-table")
    items = page.eval_on_selector_all(".matrix-list li", "els => els.map(e => e.textContent)")
    assert len(items) == len(PROPOSALS)
    assert "5. De weerbare wijk → ideeën 2, 21" in items
    assert "1. Het spel gaat beginnen → idee 1" in items
    assert "12. Verantwoordelijkheidverdeling → geen idee" in items


def test_matrix_page_is_left_out_of_the_search_index(real_site):
    """Its cells say "ja"/"nee" for screen readers: 1,924 words of no use to search, and the titles are on the
    entry pages anyway."""
    locations = {d["location"] for d in json.loads((real_site / "search/search_index.json").read_text())["docs"]}
    assert "matrix/" in locations
    assert not [x for x in locations if x.startswith("matrix/2025")]


# --- filters ---------------------------------------------------------------------------------------------------

def _shown(page) -> list[int]:
    return [int(n) for n in page.eval_on_selector_all(
        ".filter-table tbody tr:not([hidden]) td:first-child", "els => els.map(e => e.textContent)")]


def _index(offline, name: str, query: str = "") -> str:
    return (offline / name / "index.html").as_uri() + query


def test_filter_by_theme_from_file_url(offline_tab, offline):
    page = offline_tab.page
    page.goto(_index(offline, "voorstellen", "?thema=vitale-processen"))
    assert _shown(page) == [49, 50, 51, 52]
    assert page.inner_text(".filter-status") == "4 van 52 voorstellen"
    assert page.get_by_label("Thema").input_value() == "vitale-processen"
    page.click("text=Filters wissen")
    assert _shown(page) == list(range(1, 53))
    assert page.inner_text(".filter-status") == "52 van 52 voorstellen"
    assert "?" not in page.url


def test_filter_by_group_and_volunteers_combines_with_and(offline_tab, offline):
    expected = [p.number for p in PROPOSALS if p.group == 11 and isinstance(p.volunteers, int) and p.volunteers > 0]
    assert expected == [34, 39]  # 38 has words, not a number; 35-37 have none
    page = offline_tab.page
    page.goto(_index(offline, "voorstellen", "?groep=11&vrijwilligers=ja"))
    assert _shown(page) == expected
    assert page.get_by_label("Alleen met vrijwilligers").is_checked()
    page.get_by_label("Alleen met vrijwilligers").uncheck()
    assert _shown(page) == [p.number for p in PROPOSALS if p.group == 11]
    assert page.url.endswith("voorstellen/index.html?groep=11")  # the state is in the URL, to share
    page.get_by_label("Titel bevat").fill("weerbaarheid")
    assert _shown(page) == [p.number for p in PROPOSALS if p.group == 11 and "weerbaarheid" in p.title.lower()]
    page.click("text=Filters wissen")
    assert len(_shown(page)) == 52


def test_filter_by_category_idea_and_edition(offline_tab, offline):
    page = offline_tab.page
    page.goto(_index(offline, "voorstellen", "?editie=2025&categorie=voorbereiden&idee=14"))
    assert _shown(page) == [p.number for p in proposals_in(CATALOG, EDITION, "voorbereiden")
                            if 14 in [i.number for i in p.ideas]]
    assert page.is_hidden("h2:has-text('2026')")  # the edition without proposals is left out while filtering
    page.goto(_index(offline, "ideeen", "?categorie=voorbereiden&vrijwilligers=ja"))
    assert _shown(page) == sorted(i.number for i in ideas_in(CATALOG, EDITION, "voorbereiden")
                                  if i.volunteers.total)
    assert page.inner_text(".filter-status").endswith("van 37 ideeën")
    page.goto(_index(offline, "workshops", "?idee=19"))
    assert _shown(page) == [w.number for w in CATALOG.workshops if 19 in [i.number for i in w.related_ideas]]


def test_every_filter_control_has_a_label_and_columns_sort(offline_tab, offline):
    page = offline_tab.page
    page.goto(_index(offline, "voorstellen"))
    unlabelled = page.eval_on_selector_all(
        ".filter-form select, .filter-form input",
        "els => els.filter(e => !e.labels || e.labels.length === 0).map(e => e.name)")
    assert unlabelled == []
    assert page.get_attribute(".filter-status", "aria-live") == "polite"
    number = page.get_by_role("button", name="Nr.")
    number.click()
    number.click()
    assert page.get_attribute("th:has(button:text-is('Nr.'))", "aria-sort") == "descending"
    assert _shown(page) == list(range(52, 0, -1))
    page.get_by_role("button", name="Titel").click()
    titles = page.eval_on_selector_all(".filter-table tbody tr td:nth-child(2)", "els => els.map(e => e.textContent)")
    assert titles[0].startswith("1- 72-uurs") or titles == sorted(titles, key=str.lower)


def test_without_javascript_the_full_table_is_there(browser, offline):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(_index(offline, "voorstellen", "?thema=vitale-processen"))
        assert len(_shown(page)) == 52 and page.locator(".filter-form").count() == 0
    finally:
        context.close()


# --- unknown is not zero ---------------------------------------------------------------------------------------

def test_unknown_volunteers_are_never_shown_as_zero(real_site):
    idea = next(i for i in IDEAS if i.number == 14)
    assert idea.proposals and all(not isinstance(p.volunteers, int) for p in idea.proposals)
    html = (real_site / idea.page.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html)
    assert "Vrijwilligers: 0" not in text
    assert f"Vrijwilligers: bij geen van de {len(idea.proposals)} voorstellen vermeld" in text
    partly = next(i for i in IDEAS if i.number == 19)  # 34 has 3; 49 none; 50 words
    page = re.sub(r"<[^>]+>", "", (real_site / partly.page.removesuffix(".md") / "index.html").read_text())
    assert "Vrijwilligers: 3 bij 1 van de 3 voorstellen; bij 2 niet vermeld" in page
    data = json.loads((real_site / "data/proposals.json").read_text(encoding="utf-8"))
    assert {p["number"]: p["volunteers"] for p in data if p["edition"] == 2025}[35] is None
    known = [p.volunteers for p in PROPOSALS if isinstance(p.volunteers, int)]
    home = re.sub(r"<[^>]+>", "", (real_site / "index.html").read_text(encoding="utf-8"))
    assert f"{sum(known)} bij {len(known)} van de 52 voorstellen; bij {52 - len(known)} niet vermeld" in home


def test_web_address_is_printed_only_when_the_site_address_is_known():
    catalog = load_catalog(ROOT / "content")
    page = "categorieen/2025/voorbereiden.md"
    without = generate(catalog)[page]
    assert "Webadres" not in without and "Online:" not in without
    known = generate(catalog, site_url="https://example.org/symposium/")[page]
    assert "Webadres: https://example.org/symposium/voorstellen/2025/002-waar-hoor-ik-thuis/" in known
    assert "Online: https://example.org/symposium/categorieen/2025/voorbereiden/" in known


# --- PDF dossiers as reports -----------------------------------------------------------------------------------

def _join(text: str) -> str:
    """Folded white space, and a word broken at a hyphen at the end of a line joined again."""
    return re.sub(r"(?<=[a-z])- (?=[a-z])", "-", _fold(text))


def _pages(pdf: Path) -> list[str]:
    """The text of each page (pdftotext separates pages with a form feed), without the footer line."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")[:-1]
    return [re.sub(r"\n[^\n]*· pagina \d+ van \d+\s*$", "", page.rstrip()) for page in pages]


class _Texts(HTMLParser):
    """The texts of the headings and of the links in a page's article."""

    def __init__(self):
        super().__init__()
        self.open: list[tuple[str, list[str]]] = []
        self.texts: dict[str, list[str]] = {"heading": [], "link": []}

    def handle_starttag(self, tag, attrs):
        kind = "heading" if re.fullmatch(r"h[1-6]", tag) else "link" if tag == "a" else None
        if kind:
            self.texts[kind].append("")
            self.open.append((tag, self.texts[kind]))

    def handle_endtag(self, tag):
        if self.open and self.open[-1][0] == tag:
            self.open.pop()

    def handle_data(self, data):
        for _, texts in self.open:
            texts[-1] += data


def _texts(real_site: Path, category: str) -> dict[str, set[str]]:
    parser = _Texts()
    html = (real_site / f"categorieen/2025/{category}/index.html").read_text(encoding="utf-8")
    parser.feed(html[html.index("<article"):html.index("</article>")])
    return {kind: {_fold(t.replace("¶", "")).strip() for t in texts if t.strip()}
            for kind, texts in parser.texts.items()}


@pytest.mark.parametrize("category", [c.slug for c in EDITION.categories])
def test_dossier_is_a_report_with_true_page_numbers(real_site, category):
    pdf = real_site / f"downloads/pdf/2025-{category}.pdf"
    pages = _pages(pdf)
    name = next(c.name for c in EDITION.categories if c.slug == category)
    ideas = ideas_in(CATALOG, EDITION, category)
    # Page 1: the title page, and nothing else.
    title = _fold(pages[0]).strip()
    assert title.startswith(f"Dossier {name} Mauritssymposium · 17 januari 2025")
    assert f"{count(len(ideas), 'idee', 'ideeën')} · " in title
    assert re.search(r"Gemaakt op \d{1,2} \w+ \d{4}$", title)
    assert "Idee " not in title
    # Then the contents, headed "Inhoud", from page 2 up to the page its first entry points at.
    lines = [line.strip() for line in pages[1].splitlines() if line.strip()]
    assert lines[0] == "Inhoud"
    start = int(re.search(r"\s(\d+)$", lines[1])[1])
    assert start > 2
    contents = " ".join(pages[1:start - 1])
    contents = _join(contents)
    for idea in ideas:
        heading = _join(f"Idee {idea.number}. {idea.title}")
        found = re.search(re.escape(heading) + r" (\d+)\b", contents)
        assert found, f"idea {idea.number} is not in the contents with a page number"
        listed = int(found[1])
        where = [n for n, page in enumerate(pages, 1) if n >= start and heading in _join(page)]
        assert where and where[0] == listed, (idea.number, listed, where)
    # No page ends with a heading (its text would stand alone at the foot, its section on the next page). A proposal's
    # heading has the text of the links to it in the overview of ideas: those headings must instead open a page.
    texts = _texts(real_site, category)
    stranded = []
    for number, page in enumerate(pages, 1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        last = _fold(lines[-1]) if lines else ""
        if number > 1 and len(last) > 3 and any(h == last or (h.endswith(last) and len(h) > len(last))
                                                  for h in texts["heading"] - texts["link"]):
            stranded.append((number, last))
    assert stranded == []
    openings = [_join(" ".join(page.strip().splitlines()[:6])) for page in pages]
    proposals = proposals_in(CATALOG, EDITION, category)
    assert [p.number for p in proposals if not any(_join(f"{p.number}. {p.title}") in top for top in openings)] == []
