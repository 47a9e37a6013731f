"""What a reader sees, in Debian's Chromium driven by Playwright: the offline edition from file:// with every
non-file request blocked and counted, the online site on localhost, search in Dutch, downloads and printing."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from generator.publish.pdf import LOCAL_ORIGIN, serve_from
from generator.pages.generate import load_catalog
from generator.pages.render import proposals_in

from browser import broken_links
from conftest import ROOT

CATALOG = load_catalog(ROOT / "content")

# (query, pages that must be among the results). Plurals find singular-only pages; no diacritics find them.
QUERIES = [
    ("noodpakketten", ["voorstellen/2025/001-het-spel-gaat-beginnen", "workshops/2026/005-uitval-drinkwatervoorziening"]),
    ("ideeen", ["ideeen"]),
    ("coordinatie", ["workshops/2026/001-landelijke-ontwikkeling-coordinatie-en-noodsteunpunten"]),
    ("oekraiense", ["workshops/2026/011-oekraiense-lessons-learned-en-de-whole-of-society-benadering",
                    "workshops/2026/007-religie-dood-en-morele-weerbaarheid-strategische-lessen-uit"]),
    ("daniels", ["workshops/2026/002-zorg-voor-de-bevolking-maatschappelijke-weerbaarheid-en-de"]),
    ("cultureel erfgoed", ["workshops/2026/015-hoe-weerbaar-is-ons-cultureel-erfgoed"]),
    ("phishing", ["voorstellen/2025/028-2-meldpunt-voor-collectieve-weerbaarheid"]),
    ("thuisaccu", ["voorstellen/2025/052-thuisaccu-verplicht-als-noodaccu", "ideeen/2025/026-thuisaccu-verplicht-als-noodaccu"]),
    ("supermarkten", ["ideeen/2025/008-bewustwording-door-supermarkten", "voorstellen/2025/004-noodcurrency"]),
    ("stroomuitval", ["voorstellen/2025/003-negatieve-prikkel-positief-effect"]),
    ("leger des heils", ["workshops/2026/010-leger-des-heils-als-structureel-partner-in-weerbaarheid"]),
    ("drinkwaterbedrijven", ["workshops/2026/005-uitval-drinkwatervoorziening"]),
    ("vrijwilligersnetwerken", ["voorstellen/2025/035-lokale-vrijwilligersnetwerken-gericht-op-weerbaarheid"]),
]
NAVIGATION_TEXT = ["Zoeken", "Inhoudsopgave", "Workshopgroepen", "Open data", "Download als PDF", "Matrix"]


def follow(page, selector: str) -> None:
    """Click a link and wait until the page it leads to has loaded: a click only waits for the navigation to start,
    so reading the page straight after it can see a document that is still arriving."""
    with page.expect_navigation():
        page.click(selector)


# --- offline edition -------------------------------------------------------------------------------------------

def test_offline_home_is_styled_and_dutch(offline_tab, offline):
    page = offline_tab.page
    page.goto((offline / "index.html").as_uri())
    assert page.title() == "Een weerbare samenleving"
    assert page.get_attribute("html", "lang") == "nl"
    header = page.eval_on_selector(".md-header", "e => getComputedStyle(e).backgroundColor")
    assert header not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.is_visible("input.md-search__input")  # search is not hidden offline
    assert "Download de offline versie" not in page.content()  # the zip does not link to itself


def test_offline_every_internal_link_resolves(offline):
    broken, checked = broken_links(offline)
    assert broken == []
    assert checked > 5000


def test_offline_navigation_and_cross_links(offline_tab, offline):
    page = offline_tab.page
    page.goto((offline / "index.html").as_uri())
    follow(page, ".md-tabs >> text=Voorstellen")
    assert page.url.endswith("voorstellen/index.html")
    follow(page, "text=Het spel gaat beginnen")
    assert page.inner_text("h1").rstrip("¶") == "1. Het spel gaat beginnen"
    follow(page, "article a >> text=1. Het spel gaat beginnen")
    assert page.inner_text("h1").startswith("Idee 1. Het spel gaat beginnen")
    follow(page, "article >> text=Bewustwording")
    assert "Dossier" in page.inner_text("article")
    page.go_back()
    follow(page, "article a >> text=1. Het spel gaat beginnen")
    assert page.url.endswith("voorstellen/2025/001-het-spel-gaat-beginnen.html")


@pytest.mark.parametrize("query,expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_offline_search_in_dutch(offline_tab, offline, query, expected):
    results = offline_tab.search((offline / "index.html").as_uri(), query)
    prefix = offline.as_uri() + "/"
    found = [r.removeprefix(prefix) for r in results]
    assert [e for e in expected if e not in found] == [], found


def test_offline_data_downloads_open(offline_tab, offline):
    page = offline_tab.page
    page.goto((offline / "open-data.html").as_uri())
    follow(page, "text=proposals.json")
    assert len(json.loads(page.inner_text("body"))) == 52


# --- online site -----------------------------------------------------------------------------------------------

def test_online_navigation_search_and_downloads(online_tab, server):
    page = online_tab.page
    page.goto(server)
    follow(page, ".md-tabs >> text=Workshops")
    assert page.url == server + "workshops/"
    follow(page, "text=Samenbouwen aan een weerbaar Nederland")
    assert "Ralf van der Vegten" in page.inner_text("article")
    assert "Redactionele koppeling" in page.inner_text("article")
    results = online_tab.search(server, "noodpakketten")
    assert server + "voorstellen/2025/001-het-spel-gaat-beginnen" in results
    for name, count in (("proposals", 52), ("ideas", 37), ("workshops", 15)):
        response = page.request.get(server + f"data/{name}.json")
        assert response.ok and len(response.json()) == count
    zip_response = page.request.get(server + "downloads/symposium-offline.zip")
    assert zip_response.body()[:2] == b"PK"


def test_online_parties_tab_leads_across_editions(online_tab, server):
    page = online_tab.page
    page.goto(server)
    follow(page, ".md-tabs >> text=Partijen")
    assert page.url == server + "partijen/"
    follow(page, "article >> text=Leger des Heils")
    assert page.url == server + "partijen/leger-des-heils/"
    article = page.inner_text("article")
    assert "Maatschappelije oranisaties (Leger des heils)" in article
    follow(page, "article >> text=Workshop 10. Leger des Heils als structureel partner in weerbaarheid")
    assert page.url == server + "workshops/2026/010-leger-des-heils-als-structureel-partner-in-weerbaarheid/"
    assert "partij: Leger des Heils" in page.inner_text("article")


def test_online_category_page_links_its_pdf(online_tab, server):
    page = online_tab.page
    page.goto(server + "categorieen/2025/voorbereiden/")
    href = page.get_attribute("text=Download als PDF", "href")
    response = page.request.get(page.url + href)
    assert response.ok and response.body()[:5] == b"%PDF-"


def test_print_layout_hides_navigation_and_breaks_pages(online_tab, server):
    page = online_tab.page
    page.goto(server + "categorieen/2025/oefenen-en-simuleren/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", ".md-content__button"):
        assert page.eval_on_selector(selector, "e => getComputedStyle(e).display") == "none", selector
    # Each proposal starts a page; the first one shares its page with the part heading "Voorstellen voluit".
    breaks = page.eval_on_selector_all(".dossier-part, .dossier-proposal",
                                       "els => els.map(e => getComputedStyle(e).breakBefore)")
    assert len(breaks) > 2 and breaks[:2] == ["page", "avoid"] and set(breaks[2:]) == {"page"}
    # Without SITE_URL the site's address is unknown: no bare path is printed as a web address.
    assert page.locator("text=Webadres:").count() == 0
    color = page.eval_on_selector("article p", "e => getComputedStyle(e).color")
    assert color == "rgb(0, 0, 0)"


# --- PDFs ------------------------------------------------------------------------------------------------------

def _pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("category", [c.slug for c in CATALOG.edition(2025).categories])
def test_category_pdf_holds_every_proposal_and_no_navigation(real_site, category):
    edition = CATALOG.edition(2025)
    pdf = real_site / f"downloads/pdf/2025-{category}.pdf"
    text = _fold(_pdf_text(pdf))
    proposals = proposals_in(CATALOG, edition, category)
    assert proposals
    missing = [p.number for p in proposals if _fold(f"{p.number}. {p.title}") not in text]
    assert missing == []
    for p in proposals:
        for section in p.sections:
            if section.text:
                first_words = " ".join(section.text.splitlines()[0].removeprefix("- ").split()[:4])
                assert first_words in text, (p.number, section.heading)
    assert [word for word in NAVIGATION_TEXT if word in text] == []
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True,
                                                             text=True).stdout)[1])
    assert pages >= len(proposals) + 1  # a title page, then each proposal on a page of its own
    assert f"pagina 1 van {pages}" in text


def test_printing_serves_the_site_but_not_its_search_index(real_site, browser):
    """A dossier costs the same however large the site grows: the page being printed gets every file it asks for
    except the search index, which Material would otherwise load (and index) in full for every page printed."""
    page = browser.new_page()
    statuses: dict[str, int] = {}
    page.on("response", lambda r: statuses.__setitem__(r.url.removeprefix(LOCAL_ORIGIN), r.status))
    page.route("**/*", serve_from(real_site, LOCAL_ORIGIN))
    try:
        with page.expect_response(lambda r: r.url.endswith("/search/search_index.json")):
            page.goto(LOCAL_ORIGIN + "categorieen/2025/voorbereiden/", wait_until="load")
    finally:
        page.close()
    assert statuses.pop("search/search_index.json") == 404
    assert "categorieen/2025/voorbereiden/" in statuses
    assert {url: status for url, status in statuses.items() if status != 200} == {}


def test_pdf_page_renders_as_an_image(real_site, tmp_path):
    """Renders the first two pages to PNG (kept in build/test-artifacts/ to look at) and checks, on a grey-scale
    rendering, that each page carries text: some ink, on a mostly white page."""
    pdf = str(real_site / "downloads/pdf/2025-bewustwording.pdf")
    artifacts = ROOT / "build" / "test-artifacts"
    artifacts.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "2", pdf, str(artifacts / "dossier")], check=True)
    assert [p.read_bytes()[:8] for p in sorted(artifacts.glob("dossier-*.png"))] == [b"\x89PNG\r\n\x1a\n"] * 2
    subprocess.run(["pdftoppm", "-r", "40", "-gray", "-f", "1", "-l", "2", pdf, str(tmp_path / "page")], check=True)
    for image in sorted(tmp_path.glob("page-*.pgm")):
        header, pixels = _pgm(image.read_bytes())
        dark = sum(1 for value in pixels if value < 128) / len(pixels)
        assert 0.0005 < dark < 0.2, (image.name, dark)


def _pgm(data: bytes) -> tuple[list[bytes], bytes]:
    """Split a binary PGM (P5) into its header fields and its pixel bytes."""
    fields = data.split(maxsplit=4)
    assert fields[0] == b"P5"
    return fields[:4], fields[4]
