"""The offline edition, derived from the online build, against a full offline MkDocs build of the same content
(OFFLINE=true: `use_directory_urls: false` and Material's offline plugin): the same pages, every link resolving
from file://, the same search index and the same search results in Chromium, with no network request."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from generator.publish.offline import SERVER_ONLY, SHIM_SOURCE, SHIM_TARGET, Page, drop_online_only, page_files
from generator.pages.generate import generate, load_catalog
from generator.pages.write import write_tree

from conftest import SAMPLE
from browser import Tab, broken_links, unzip

# Sample content words: in titles, in card sections, in an idea, in a workshop; a plural that finds a singular.
QUERIES = ["oefenen", "noodpakket", "voorraden", "burgerreserve", "erfgoed", "wijk", "verantwoording"]


@pytest.fixture(scope="module")
def derived(sample_site, tmp_path_factory) -> Path:
    return unzip(sample_site, tmp_path_factory.mktemp("derived"))


@pytest.fixture(scope="module")
def full_build(sample_site, tmp_path_factory) -> Path:
    """The offline edition as it was made before: a second, full MkDocs build of Markdown generated for offline."""
    root = sample_site.parent
    docs, edition = tmp_path_factory.mktemp("docs-offline"), tmp_path_factory.mktemp("full") / "edition"
    write_tree(generate(load_catalog(SAMPLE), offline=True), docs, root / "content")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "315532800", "OFFLINE": "true",
           "DOCS_DIR": str(docs)}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir",
                             str(edition)], cwd=root, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    shutil.copyfile(root / SHIM_SOURCE, edition / SHIM_TARGET)
    for name in SERVER_ONLY:
        (edition / name).unlink(missing_ok=True)
    return edition


def files(tree: Path) -> set[str]:
    return {p.relative_to(tree).as_posix() for p in tree.rglob("*") if p.is_file()}


def comparable(html: str) -> str:
    """A page with the shim's script tag taken out (the full build puts it among the styles, the derived edition
    at the end of the head: both before any script that starts a worker) and white space folded."""
    html = re.sub(r'<script src="[./]*assets/javascripts/iframe-worker-shim\.js"></script>', "", html)
    return re.sub(r"\s+", " ", html)


def test_same_files_but_one_search_index(derived, full_build):
    assert files(derived) - files(full_build) == set()
    # The full build also keeps the JSON search index, which the offline edition never reads.
    assert files(full_build) - files(derived) == {"search/search_index.json"}
    assert "downloads/symposium-offline.zip" not in files(derived)


def test_every_page_is_the_full_builds_page(derived, full_build):
    pages = sorted(p for p in files(full_build) if p.endswith(".html"))
    assert len(pages) > 30
    different = [p for p in pages if comparable((derived / p).read_text(encoding="utf-8"))
                 != comparable((full_build / p).read_text(encoding="utf-8"))]
    assert different == []


def test_every_internal_link_resolves(derived):
    broken, checked = broken_links(derived)
    assert broken == []
    assert checked > 1000


def test_search_index_is_the_full_builds(derived, full_build):
    def index(path: Path) -> dict:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("var __index = ")
        return json.loads(text.removeprefix("var __index = "))

    assert index(derived / "search/search_index.js") == index(full_build / "search/search_index.js")


def test_search_results_are_the_full_builds(derived, full_build, browser):
    results = {}
    for name, edition in (("derived", derived), ("full", full_build)):
        tab = Tab(browser, "file://")
        base = edition.as_uri()
        results[name] = {q: [r.removeprefix(base).lstrip("/") for r in tab.search((edition / "index.html").as_uri(), q)]
                         for q in QUERIES}
        assert tab.blocked == [] and tab.errors == [], (tab.blocked, tab.errors)
        tab.context.close()
    assert all(results["derived"].values()), results["derived"]  # every query finds something
    assert results["derived"] == results["full"]


# --- the rewrite itself ----------------------------------------------------------------------------------------

PAGES = {".": "index.html", "voorstellen": "voorstellen/index.html", "verantwoording": "verantwoording.html",
         "voorstellen/2025/001-x": "voorstellen/2025/001-x.html"}
FILES = {"assets/site.css", "data/ideas.csv", "downloads/pdf/2025-a.pdf", "search/search_index.json"}


def test_page_files_follow_mkdocs_rule(tmp_path):
    for rel in ("index.md", "verantwoording.md", "voorstellen/index.md", "voorstellen/2025/001-x.md",
                "themas/README.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    assert page_files(tmp_path) == {**PAGES, "themas": "themas/index.html"}


@pytest.mark.parametrize("online,offline", [
    ("../../", "../index.html"), ("../../../voorstellen/", "../index.html"), ("./", "001-x.html"),
    ("./#beoogd-effect", "001-x.html#beoogd-effect"), ("../../../verantwoording/#a", "../../verantwoording.html#a"),
    ("../../../assets/site.css", "../../assets/site.css"), ("../../../data/ideas.csv?x=1", "../../data/ideas.csv?x=1"),
    ("#top", "#top"), ("", ""), ("https://example.org/a/", "https://example.org/a/"), ("mailto:a@b.nl", "mailto:a@b.nl"),
    ("/absolute/", "/absolute/"), ("../../../../outside/", "../../../../outside/"),
])
def test_urls_of_a_moved_page(online, offline):
    page = Page("voorstellen/2025/001-x", "voorstellen/2025/001-x.html", PAGES, FILES)
    assert page.url(online) == offline



def test_pages_that_share_their_climbing_urls_read_them_as_alone():
    """One derivation remembers the URLs that climb out of a page's folder for the next page with the same parent
    and offline folder; every page must still read each URL as it would alone."""
    pages = {**PAGES, "voorstellen/2025/002-y": "voorstellen/2025/002-y.html", "voorstellen/2025":
             "voorstellen/2025/index.html", "ideeen": "ideeen/index.html", "ideeen/2025/003-z": "ideeen/2025/003-z.html"}
    urls = ["../", "../../", "../002-y/", "../001-x/#a", "../../../assets/site.css", "../../assets/site.css",
            "../voorstellen/", "../2025/", "../index.html", "./", "x/", "#a", "../../../../outside/"]
    # Tags with only climbing or absolute URLs are shared too; a tag with one URL of the page's own folder is not.
    html = "".join(f'<a href="{url}">x</a><link href="../../../assets/site.css" data-x="{url}" src="{url}">'
                   f'<img src="https://example.org/i.png" srcset="{url}">' for url in urls)
    memo = {}
    for _ in range(2):
        for folder, target in pages.items():
            for url in urls:
                assert Page(folder, target, pages, FILES, memo).url(url) == Page(folder, target, pages, FILES).url(
                    url), (folder, url)
            assert Page(folder, target, pages, FILES, memo).rewrite(html) == Page(folder, target, pages,
                                                                                   FILES).rewrite(html), folder
    assert memo  # shared, not only computed

def test_only_attributes_are_rewritten():
    page = Page("verantwoording", "verantwoording.html", PAGES, FILES)
    html = ('<head><script>__md_scope=new URL("..",location)</script>\n'
            '<script id="__config" type="application/json">{"base": "..", "search": "../assets/w.js"}</script>\n'
            '</head><body><a class="x" href="../voorstellen/" title=\'see href="../x/"\'>a</a>\n'
            '<pre><code>&lt;a href="../voorstellen/"&gt;</code></pre><img alt="" src=../assets/site.css>\n'
            '<p class="online-only" data-search-exclude>Download <a href="../downloads/x.zip">zip</a></p></body>')
    assert page.rewrite(html) == (
        '<head><script>__md_scope=new URL(".",location)</script>\n'
        '<script id="__config" type="application/json">{"base": ".", "search": "assets/w.js"}</script>\n'
        f'  <script src="{SHIM_TARGET}"></script>\n  </head><body><a class="x" href="voorstellen/index.html" '
        'title=\'see href="../x/"\'>a</a>\n'
        '<pre><code>&lt;a href="../voorstellen/"&gt;</code></pre><img alt="" src="assets/site.css">\n</body>')


def test_online_only_elements_are_dropped_with_what_they_hold():
    html = '<div class="a online-only"><div><p>x</p></div><br/></div><div class="online">kept</div>'
    assert drop_online_only(html) == '<div class="online">kept</div>'
