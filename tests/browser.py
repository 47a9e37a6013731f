"""Browser fixtures shared by the browser and search tests (registered in conftest.py): the real content built
once with `python -m generator site`, its offline edition unzipped, Debian's Chromium, and tabs that block and
count every request outside the site."""
from __future__ import annotations

import contextlib
import functools
import http.server
import re
import threading
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pytest
from playwright.sync_api import sync_playwright

from generator.publish.pdf import launch

from conftest import ROOT, run_cli, site_root


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    root = site_root(tmp_path_factory.mktemp("real"), ROOT / "content")
    result = run_cli("site", "--root", str(root))
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def unzip(site: Path, target: Path) -> Path:
    """The offline edition as a reader has it: the site's zip, unpacked into `target`."""
    with zipfile.ZipFile(site / "downloads/symposium-offline.zip") as archive:
        archive.extractall(target)
    return target / "symposium-offline"


@pytest.fixture(scope="session")
def offline(real_site, tmp_path_factory) -> Path:
    return unzip(real_site, tmp_path_factory.mktemp("unzipped"))


class Links(HTMLParser):
    """The links (href, src) and ids of one HTML page."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name):
                self.links.append(attrs[name])


def broken_links(edition: Path) -> tuple[list[str], int]:
    """Every internal link of every page of an edition for file:// that names no file or no anchor, and how many
    internal links were checked."""
    parsed = {}
    for page in edition.rglob("*.html"):
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        parsed[page] = parser
    broken, checked = [], 0
    for page, parser in parsed.items():
        for link in parser.links:
            if re.match(r"^(https?:|mailto:|data:|javascript:)", link):
                continue
            parts = urlsplit(link)
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            checked += 1
            if target.is_dir() or not target.is_file():
                broken.append(f"{page.relative_to(edition)} → {link}")
            elif parts.fragment and target in parsed and unquote(parts.fragment) not in parsed[target].ids:
                broken.append(f"{page.relative_to(edition)} → {link} (no such anchor)")
    return broken, checked


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        instance = launch(playwright)
        yield instance
        instance.close()


class Tab:
    """A page whose every request outside `allowed` is blocked and remembered, with its console errors."""

    def __init__(self, browser, allowed: str):
        self.context = browser.new_context(accept_downloads=True)
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.context.route(lambda url: not url.startswith(allowed), self._block)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _block(self, route):
        self.blocked.append(route.request.url)
        route.abort()

    def search(self, base: str, query: str) -> list[str]:
        """Open the search from the home page with ?q= and return the result pages once they stop changing."""
        return sorted(set(self.ranked(base, query)))

    def ranked(self, base: str, query: str) -> list[str]:
        """The result pages (articles, without their sections) in the order shown, once they stop changing."""
        self.page.goto(f"{base}?q={quote(query)}")
        self.page.wait_for_function(
            "() => { const m = document.querySelector('.md-search-result__meta');"
            " return m && /overeenkomend/.test(m.textContent); }")
        previous = None
        for _ in range(20):
            items = self.page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
            if items == previous:
                break
            previous = items
            self.page.wait_for_timeout(150)
        pages = [re.sub(r"(\.html|/index\.html|/)?([?#].*)?$", "", unquote(u)) for u in previous]
        return list(dict.fromkeys(pages))


def file_tab(browser):
    """A tab for an offline edition (file://); on leaving it, no network request was made and no script failed."""
    tab = Tab(browser, "file://")
    yield tab
    assert tab.blocked == [], f"network requests from the offline edition: {tab.blocked}"
    assert tab.errors == [], tab.errors
    tab.context.close()


@pytest.fixture
def offline_tab(browser, offline):
    yield from file_tab(browser)


@contextlib.contextmanager
def serve(directory: Path):
    """`directory` on a local web server, quietly; yields its address."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(directory))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="session")
def server(real_site):
    with serve(real_site) as address:
        yield address


@pytest.fixture
def online_tab(browser, server):
    tab = Tab(browser, server)
    yield tab
    assert tab.blocked == [], f"external requests from the online site: {tab.blocked}"
    assert tab.errors == [], tab.errors
    tab.context.close()
