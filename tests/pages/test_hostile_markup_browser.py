"""What reaches HTML as markup (issue 26, items 1 and 9), with the check bypassed: the renderer's and the sanitiser's
side, proved in Chromium, online and in the offline edition (file://).

Titles and names that spell markup in character references (`&lt;/title&gt;&lt;script&gt;…`, in decimal, hex and
without ';'), or in plain '<' where the check would have refused it, are written into a copy of the sample tree in
every field that becomes a page title or a heading; a card gets a setext heading, a heading in a list, raw `<h1>` and
a heading named like a generated section; another card gets links to `/\\host`, `//host`, `file:` and `ms-msdt:` and
nothing else that would send its page through nh3. The site is built the way tests/test_hostile_browser.py builds it
(every stage but the check, then a real `mkdocs build`), its offline edition derived as `generator site` derives it,
and each page opened in Debian's Chromium with every request outside the site blocked and recorded: no dialog, no
script marker, no request outside the site, no console error, one h1, no link that leaves the site or uses another
scheme, and the <title>, the h1 and the header show the text exactly as typed. The search index and the PDF of a
dossier (its metadata title and its outline) show the literal text too.
"""
from __future__ import annotations

import html
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.content.link import link
from generator.content.load import load_tree, parse_yaml
from generator.content.model import Edition, Location
from generator.publish.offline import derive
from generator.content.parties import Party, attach
from generator.publish.pdf import print_pages
from generator.pages.generate import generate
from generator.pages.sanitize import may_be_active
from generator.content.validate import BUILDERS
from generator.pages.write import write_tree

from broken_cases import E25, I1, P1, P2, REGISTER, W1, both, replace
from browser import Tab, serve
from conftest import SAMPLE, site_root
from hostile_cases import ATTACK

E26, W2, P3 = "editions/2026.md", "workshops/2026/002-erfgoed.md", "proposals/2025/003-zonder-idee.md"
SITE = "Een weerbare samenleving"

# Each value as typed in the YAML (the text the reader must see), and where it is written.
TYPED = {
    "proposal": "Het spel &lt;/title&gt;&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;",
    "outside-script": "Noodpakket &lt;/title&gt;&lt;script src=https://evil.example/x.js&gt;&lt;/script&gt;",
    "idea": "Lokaal &#x3C;/title&#x3E;&#x3C;img src=x onerror=window.__pwned=1;alert(1)&#x3E;",
    "workshop": "Erfgoed &lt/title&gt&ltimg src=x onerror=window.__pwned=1;alert(1)&gt",
    "leader": "Ada &#60;img src=x onerror=window.__pwned=1;alert(1)&#62;",
    "edition": "Tweede &lt;/title&gt;&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;",
    "category": f'Oefenen </title><img src=x onerror="{ATTACK}">',
    "subcategory": "Lokaal &lt;/title&gt;&lt;img src=x onerror=window.__pwned=1;alert(1)&gt;",
    "theme": "Bewust &lt;/title&gt;&lt;svg onload=window.__pwned=1;alert(1)&gt;",
    "party": "Gemeenten &lt;/title&gt;&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;",
}


def quoted(text: str) -> str:
    return json.dumps(text)  # a YAML double-quoted scalar


CARD = ("Geld\n\nIngevoegde titel\n===\n\n- # Kop in een lijst\n\n<h1>Rauwe kop</h1>\n\n## Samengevat in\n\n"
        "- [Een nagemaakt idee](../../ideeen/2025/002-voorraden.md)")
LINKS = ("Nog niet samengevat: [inloggen](/\\evil.example/inloggen), [inloggen](//evil.example/inloggen), "
         "[bestand](file:///etc/passwd) en [hulp](ms-msdt:/id PCWDiagnostic).")
MUTATIONS = both(
    replace(P1, "titel: Oefen de wijk", f"titel: {quoted(TYPED['proposal'])}"),
    replace(P1, "Geld", CARD),
    replace(P2, "titel: Noodpakket", f"titel: {quoted(TYPED['outside-script'])}"),
    replace(P3, "Nog niet samengevat.", LINKS),
    replace(I1, "titel: Lokaal oefenen", f"titel: {quoted(TYPED['idea'])}"),
    replace(W2, "titel: Erfgoed", f"titel: {quoted(TYPED['workshop'])}"),
    replace(W1, "  - naam: Ada Voorbeeld", f"  - naam: {quoted(TYPED['leader'])}"),
    replace(E26, "titel: Tweede symposium", f"titel: {quoted(TYPED['edition'])}"),
    replace(E25, "naam: Oefenen en simuleren", f"naam: {quoted(TYPED['category'])}"),
    replace(E25, 'naam: "1. Lokaal voorbereiden"', f"naam: {quoted(TYPED['subcategory'])}"),
    replace(E25, "naam: Bewustwording", f"naam: {quoted(TYPED['theme'])}"),
    replace(REGISTER, "naam: Gemeenten", f"naam: {quoted(TYPED['party'])}"),
)

# Online page → (its page title, its h1) as the reader must see them; None: only the general rules.
PAGES = {
    "voorstellen/2025/001-oefen-de-wijk/": f"1. {TYPED['proposal']}",
    "voorstellen/2025/002-noodpakket/": f"2. {TYPED['outside-script']}",
    "voorstellen/2025/003-zonder-idee/": None,
    "ideeen/2025/001-lokaal-oefenen/": f"Idee 1. {TYPED['idea']}",
    "workshops/2026/002-erfgoed/": f"Workshop 2. {TYPED['workshop']}",
    "workshops/2026/001-burgerreserve/": None,
    "edities/2026/": TYPED["edition"],
    "categorieen/2025/oefenen/": TYPED["category"],
    "categorieen/2025/voorbereiden/": None,
    "themas/2025/bewustwording/": f"Thema: {TYPED['theme']}",
    "partijen/gemeenten/": TYPED["party"],
    "": None,
    "verantwoording/": None,
    "workshops/": None,
}
# What some pages must show besides their title: the leader's name, the subcategory's name.
SHOWN = {"workshops/2026/001-burgerreserve/": TYPED["leader"], "categorieen/2025/voorbereiden/": TYPED["subcategory"]}


def offline_page(online: str) -> str:
    """The offline edition's file of an online page (MkDocs' rule: `x/` is `x.html`, an index stays `index.html`)."""
    if online == "" or online.endswith(("voorstellen/", "workshops/", "ideeen/")):
        return online + "index.html"
    return online.rstrip("/") + ".html"


def build_unchecked(root: Path) -> None:
    """tests/test_hostile_browser.py's build without the check, with the register too: its parties are made from the
    YAML as it is, whatever its problems (the check refuses the register as a whole when it has any)."""
    files, _ = load_tree(root / "content")
    built = [BUILDERS[raw.kind](raw) for raw in files]
    catalog, _ = link([b for b in built if isinstance(b, Edition)], [b for b in built if not isinstance(b, Edition)],
                      set())
    _, register = parse_yaml((root / "content" / REGISTER).read_text(encoding="utf-8"))
    parties = [Party(p["slug"], p["naam"], p["soort"], [p["naam"], *p.get("schrijfwijzen", [])], Location(REGISTER))
               for p in register["partijen"]]
    attach(catalog, parties, root, checked=False)
    write_tree(generate(catalog), root / "build/docs", root / "content")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--no-strict", "--quiet"], cwd=root, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, Path]:
    root = site_root(tmp_path_factory.mktemp("markup"), SAMPLE)
    MUTATIONS(root / "content")
    build_unchecked(root)
    offline = tmp_path_factory.mktemp("markup-offline")
    for rel, data in derive(root, root / "site", root / "build/docs"):
        (offline / rel).parent.mkdir(parents=True, exist_ok=True)
        (offline / rel).write_bytes(data if isinstance(data, bytes) else data.read_bytes())
    return root, offline


@pytest.fixture(scope="module")
def server(hostile):
    root, _ = hostile
    with serve(root / "site") as address:
        yield address


def test_the_link_card_would_not_be_sanitised_for_its_markdown(hostile):
    """The card with the links is on a page that `may_be_active` lets through: the links are caught in the HTML."""
    root, _ = hostile
    assert not may_be_active((root / "build/docs/voorstellen/2025/003-zonder-idee.md").read_text(encoding="utf-8"))


STATE = """() => {
    const plain = e => { const c = e.cloneNode(true); c.querySelectorAll('.headerlink').forEach(a => a.remove());
                         return c.textContent.trim(); };
    return {
        pwned: window.__pwned === 1,
        title: document.title,
        h1: [...document.querySelectorAll('h1')].map(plain),
        header: document.querySelector('[data-md-component="header-topic"]').textContent.trim(),
        article: document.querySelector('article').textContent,
        links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))
                   .filter(h => /^\\s*([a-z][a-z0-9+.-]*:|[\\/\\\\]{2})/i.test(h) && !/^(https?|mailto):/i.test(h)),
        outsideLinks: [...document.querySelectorAll('a[href]')].map(a => a.href).filter(h => /evil\\.example/.test(h)),
    };
}"""


def visit(tab: Tab, url: str) -> dict:
    dialogs: list[str] = []
    tab.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    tab.page.goto(url)
    tab.page.mouse.move(200, 300)
    tab.page.mouse.move(600, 400)
    tab.page.wait_for_timeout(300)
    return {**tab.page.evaluate(STATE), "dialogs": dialogs}


def assert_safe_and_literal(state: dict, tab: Tab, online: str) -> None:
    assert state["dialogs"] == [] and not state["pwned"], state
    assert tab.blocked == [], tab.blocked
    assert tab.errors == [], tab.errors
    assert len(state["h1"]) == 1, state["h1"]
    assert state["links"] == [] and state["outsideLinks"] == [], state
    expected = PAGES[online]
    if expected is not None:
        assert state["title"] == f"{expected} - {SITE}"
        assert state["h1"] == [expected]
        assert state["header"] == expected
    if online in SHOWN:
        assert SHOWN[online] in state["article"]


@pytest.mark.parametrize("online", sorted(PAGES))
def test_online_nothing_runs_nothing_leaves_and_the_text_is_as_typed(browser, server, online):
    tab = Tab(browser, server)
    try:
        state = visit(tab, server + online)
    finally:
        tab.context.close()
    assert_safe_and_literal(state, tab, online)


@pytest.mark.parametrize("online", sorted(PAGES))
def test_offline_nothing_runs_nothing_leaves_and_the_text_is_as_typed(browser, hostile, online):
    _, offline = hostile
    tab = Tab(browser, "file://")
    try:
        state = visit(tab, (offline / offline_page(online)).as_uri())
    finally:
        tab.context.close()
    assert_safe_and_literal(state, tab, online)


def test_content_makes_no_second_h1_and_takes_no_generated_anchor(hostile):
    root, _ = hostile
    page = (root / "site/voorstellen/2025/001-oefen-de-wijk/index.html").read_text(encoding="utf-8")
    article = page.split("<article", 1)[1].split("</article>", 1)[0]
    assert article.count("<h1") == 1
    assert "<p>Ingevoegde titel</p>" in article and "<li># Kop in een lijst</li>" in article  # text, no heading
    assert ">Rauwe kop</h2>" in article  # raw <h1>, demoted by the sanitiser
    assert '<h2 data-search-exclude="" id="samengevat-in">Samengevat in' in article
    assert 'id="samengevat-in_1"' in article  # the card's heading of that name gets another anchor


def test_search_shows_titles_as_typed(browser, server, hostile):
    root, _ = hostile
    index = json.loads((root / "site/search/search_index.json").read_text(encoding="utf-8"))
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    for online, expected in PAGES.items():
        if expected is not None and online in titles:
            assert "<" not in titles[online] and html.unescape(titles[online]) == expected, online
    tab = Tab(browser, server)
    try:
        tab.page.goto(server + "?q=spel")
        tab.page.wait_for_selector(".md-search-result__item h1")
        shown = tab.page.eval_on_selector_all(".md-search-result__item h1", "els => els.map(e => e.textContent)")
        pwned = tab.page.evaluate("() => window.__pwned === 1")
    finally:
        tab.context.close()
    assert f"1. {TYPED['proposal']}" in shown and not pwned
    assert tab.blocked == [] and tab.errors == []


def test_the_dossier_pdf_has_the_title_as_typed_and_one_top_level_entry(hostile, tmp_path):
    root, _ = hostile
    pdf = tmp_path / "oefenen.pdf"
    print_pages(root / "site", [("categorieen/2025/oefenen/", pdf)], epoch=0, workers=1)
    reader = PdfReader(pdf)
    assert reader.metadata.title == f"{TYPED['category']} - {SITE}"
    top = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    # Chromium's outline drops the space where the heading wraps onto a new line.
    assert ["".join(title.split()) for title in top] == ["".join(TYPED["category"].split())]
    children = [entry.title for entry in reader.outline[1] if not isinstance(entry, list)]
    assert children == ["Ideeën", "Voorstellen voluit", "Rauwe kop"]  # the raw <h1> of a card, demoted to h2
