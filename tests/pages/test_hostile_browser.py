"""Hostile content with the check bypassed (issue 19): what the sanitiser and the renderer still guarantee.

The payloads of tests/hostile_cases.py are written into a copy of the sample tree and built without the check: the
internal path `build_unchecked` loads every file, builds its typed entry whatever its problems, links, generates and
writes the docs directory; then a real (not strict) `mkdocs build`. The site is served on localhost and opened in
Debian's Chromium with every request outside it blocked and recorded; each page gets a mouse move and a typed
search. No dialog may open, no script of the content may run, no request may leave the site, no element of the
content may cover the page, and no element of the content may take an id the theme looks up.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.content.link import link
from generator.content.load import load_tree
from generator.content.model import Edition
from generator.pages.generate import generate
from generator.pages.sanitize import is_reserved_id
from generator.content.validate import BUILDERS
from generator.pages.write import write_tree

from broken_cases import E25, I2, P1, P2, replace, both
from browser import serve
from conftest import SAMPLE, site_root
from hostile_cases import BURGERS, MATERIAL, OVERLAY, PIXEL, XSS_BASE, XSS_TRANSLATIONS, XSS_WORKER

P3 = "proposals/2025/003-zonder-idee.md"
P2026 = "proposals/2026/001-nieuw-voorstel.md"
W1, W2 = "workshops/2026/001-burgerreserve.md", "workshops/2026/002-erfgoed.md"

# Ways to pin content over the page without a style attribute: classes of the theme, in an attribute list and in
# an admonition, whose type words become classes.
CLASS_OVERLAYS = ("Dialoog\n{: .md-dialog .md-dialog--active }\n\n"
                  '!!! md-dialog md-dialog--active "Melding"\n    Tekst.\n\nKop\n{: .md-header style="position:fixed" }')
NOTE_ESCAPE = '"De tabellen spellen de titel anders.\\n\\n# Ingevoegde kop\\n\\n![p](https://evil.example/note.gif)"'

OUTSIDE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|[/\\\\]{2})", re.IGNORECASE)
PAGES = ["voorstellen/2025/001-oefen-de-wijk/", "categorieen/2025/oefenen/", "categorieen/2025/voorbereiden/",
         "voorstellen/2025/002-noodpakket/", "voorstellen/2025/003-zonder-idee/", "voorstellen/2026/001-nieuw-voorstel/",
         "ideeen/2025/002-voorraden/", "verantwoording/", "workshops/2026/001-burgerreserve/"]


def build_unchecked(root: Path) -> None:
    """Generate the docs directory of `root/content` without the check, then build it with MkDocs."""
    files, _ = load_tree(root / "content")
    built = [BUILDERS[raw.kind](raw) for raw in files]
    catalog, _ = link([b for b in built if isinstance(b, Edition)], [b for b in built if not isinstance(b, Edition)],
                      set())
    write_tree(generate(catalog), root / "build/docs", root / "content")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--no-strict", "--quiet"], cwd=root, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


class _Elements(HTMLParser):
    """Every start tag of a page as (tag, attributes, inside <article>), and the balance of its <div>s."""

    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict, bool]] = []
        self.depth = 0
        self.divs = 0

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs), self.depth > 0))
        self.depth += tag == "article"
        self.divs += tag == "div"

    def handle_endtag(self, tag):
        self.depth -= tag == "article" and self.depth > 0
        self.divs -= tag == "div"


def elements(page: Path) -> _Elements:
    parser = _Elements()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def theme_ids(chrome_page: Path) -> set[str]:
    """The ids Material looks up or uses: in the selectors its bundle queries (`#__config`, `[for=__search]`), in its
    templates, and on a built page outside the content."""
    bundle = next((MATERIAL / "assets/javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    selectors = re.findall(r"""(?:\bj|\bM|querySelector(?:All)?|getElementById)\((["'`])(.*?)\1""", bundle)
    ids = {name for _, selector in selectors for name in re.findall(r"(?:#|for=)([A-Za-z_][\w-]*)", selector)}
    for template in MATERIAL.rglob("*.html"):
        ids |= set(re.findall(r'\bid="([A-Za-z_][\w-]*)"', template.read_text(encoding="utf-8")))
    ids |= {attrs["id"] for _, attrs, inside in elements(chrome_page).elements if "id" in attrs and not inside}
    return ids


def id_attempts(ids) -> str:
    """Every way content could take an id: a heading, an attribute list, raw HTML with `id` and `name`."""
    return "\n\n".join(f"### {name}\n\nTekst\n{{: #{name} }}\n\n<p id=\"{name}\">x</p> <a name=\"{name}\">y</a> "
                       f'<img name="{name}" src="x.png">' for name in sorted(ids))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, set[str]]:
    plain = site_root(tmp_path_factory.mktemp("plain"), SAMPLE)
    build_unchecked(plain)
    ids = theme_ids(plain / "site/index.html")
    root = site_root(tmp_path_factory.mktemp("hostile"), SAMPLE)
    both(
        replace(P1, BURGERS, BURGERS + XSS_WORKER),
        replace(P2, "Elk huishouden heeft een noodpakket.", "Elk huishouden heeft een noodpakket." + XSS_TRANSLATIONS),
        replace(P3, "Nog niet samengevat.", "Nog niet samengevat." + XSS_BASE),
        replace(E25, "naam: Oefenen en simuleren", 'naam: "Oefenen en simuleren {: #__config }"'),
        replace(P2026, "Een voorstel van de tweede editie.", "\n\n".join(
            [PIXEL, OVERLAY, CLASS_OVERLAYS, "</div></div>", id_attempts(ids)])),
        replace(I2, "  - De tabellen spellen de titel anders.", f"  - {NOTE_ESCAPE}"),
        replace(W1, "  - naam: Ada Voorbeeld", '  - naam: "Ada\\n\\n## Ingevoegd bij de naam"'),
        replace(W2, "titel: Erfgoed", 'titel: "Erfgoed\\n\\n## Ingevoegd bij de titel"'),
    )(root / "content")
    build_unchecked(root)
    return root / "site", ids


def test_the_theme_ids_are_found(hostile):
    _, ids = hostile
    assert {"__config", "__search", "__drawer", "__toc", "__codelineno"} <= ids
    assert all(is_reserved_id(name) for name in ids), sorted(name for name in ids if not is_reserved_id(name))


def test_content_takes_no_theme_id_and_sets_no_style_or_outside_address(hostile):
    site, ids = hostile
    found = []
    for page in sorted(site.rglob("*.html")):
        parsed = elements(page)
        first_config = next(tag for tag, attrs, _ in parsed.elements if attrs.get("id") == "__config")
        assert first_config == "script", page
        assert parsed.divs == 0, f"unbalanced <div>s in {page}"
        for tag, attrs, inside in parsed.elements:
            if not inside:
                continue
            taken = {attrs.get("id"), attrs.get("name"), attrs.get("for")} & ids
            outside = [a for a in ("src", "srcset", "poster") if a in attrs and OUTSIDE.match(attrs[a])]
            if taken or "style" in attrs or outside or "url(" in str(attrs):
                found.append((page.relative_to(site).as_posix(), tag, attrs))
    assert found == []


def test_notes_titles_and_names_stay_inside_their_structure(hostile):
    """A note with blank lines stays one item of its admonition; a newline in a title or a name adds no heading."""
    site, _ = hostile
    idea = (site / "ideeen/2025/002-voorraden/index.html").read_text(encoding="utf-8")
    admonition = idea.split('<div class="admonition warning">')[1].split("</div>")[0]
    assert "De tabellen spellen de titel anders. # Ingevoegde kop" in admonition
    for rel in ("ideeen/2025/002-voorraden/index.html", "verantwoording/index.html",
                "workshops/2026/001-burgerreserve/index.html", "workshops/2026/002-erfgoed/index.html",
                "workshops/index.html", "ideeen/2025/001-lokaal-oefenen/index.html"):
        html = (site / rel).read_text(encoding="utf-8")
        assert re.findall(r"<h[1-6][^>]*>\s*(?:Ingevoegde kop|Ingevoegd bij)", html) == [], rel


# --- in Chromium -----------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def server(hostile):
    site, _ = hostile
    with serve(site) as address:
        yield address


@pytest.mark.parametrize("page_path", PAGES)
def test_no_script_runs_no_request_leaves_and_nothing_covers_the_page(browser, server, page_path):
    context = browser.new_context()
    outside, dialogs = [], []

    def block(route):
        outside.append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith(server) and not url.startswith("data:"), block)
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(server + page_path)
        page.mouse.move(200, 300)
        page.mouse.move(600, 400)
        page.click("input.md-search__input")
        page.keyboard.type("oefen wijk noodpakket")
        page.wait_for_timeout(1500)
        page.keyboard.press("Escape")
        page.mouse.move(300, 200)
        page.wait_for_timeout(300)
        state = page.evaluate("""() => ({
            pwned: window.__pwned === 1,
            config: document.querySelector('#__config').tagName,
            results: document.querySelectorAll('.md-search-result__item').length,
            pinned: [...document.querySelectorAll('article *')].filter(
                e => ['fixed', 'sticky'].includes(getComputedStyle(e).position)).map(e => e.outerHTML.slice(0, 80)),
            corner: !!document.elementFromPoint(5, 5).closest('.md-header'),
        })""")
    finally:
        context.close()
    assert dialogs == [] and not state["pwned"], (dialogs, state)
    assert outside == []
    assert state["config"] == "SCRIPT" and state["results"] > 0, state
    assert state["pinned"] == [] and state["corner"], state
