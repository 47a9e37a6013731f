"""Shape the site's search index so that a result leads to an entry, and store it ready to use.

Material's search plugin indexes every page, section by section. The dossiers, themes, groups, matrix and
indexes repeat the text (or the titles and summaries) of the entries they list, so they crowded the entries out of
the results and made up most of the index. Here, after the MkDocs build:

- an entry page (a proposal, idea or workshop; `search_role: entry` in the front matter that the generator writes)
  keeps every section; its first document (the title and the entry's own introduction: the summary or the
  description) gets a boost, so an entry whose title or summary holds the query ranks above one that only
  mentions it in a section;
- every other page contributes one document: its title and its own introduction (the paragraphs before its first
  list, table or heading). The printed dossiers are not touched: only the index changes;
- then `search/build-index.js` (Node) builds the lunr index once, with the site's own search worker, and stores it
  in the index file, so that the reader's browser does not build it on every page load
  (`search/lunr-nl-extension.js` says how, and holds the Dutch word-form rules).

This module never imports MkDocs; the adapter (`mkdocs_hooks.py`) collects each page's role and calls `finish`.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from . import messages as M

HERE = Path(__file__).parent / "search"
EXTENSION = HERE / "lunr-nl-extension.js"
BUILDER = HERE / "build-index.js"
LUNR_NL = "assets/javascripts/lunr/min/lunr.nl.min.js"
INDEX = "search/search_index.json"
ENTRY = "entry"
ENTRY_BOOST = 4
_INTRODUCTION = re.compile(r"^(?:\s*<p>.*?</p>)*", re.S)
_EMPTY_PARAGRAPH = re.compile(r"\s*<p>\s*</p>")  # what is left of a paragraph whose parts are excluded from search


# Set by `python -m generator site`, which builds the lunr index itself while it derives the offline edition
# (the two then share the machine's cores) instead of at the end of the MkDocs build.
BUILT_BY_CALLER = "SEARCH_INDEX_BUILT_BY_CALLER"


class SearchIndexError(Exception):
    pass


def introduction(text: str) -> str:
    """The leading paragraphs of a page's first search document, without the lists and tables after them."""
    return _EMPTY_PARAGRAPH.sub("", _INTRODUCTION.match(text)[0]).strip()


def kept(role: str, anchored: bool) -> bool:
    """Whether `shape` keeps a document: every one of an entry, and of any other page the one without an anchor."""
    return role == ENTRY or not anchored


def shape(index: dict, roles: dict[str, str]) -> dict:
    """The index with entries whole (their first document boosted) and other pages as title and introduction."""
    docs = []
    for doc in index["docs"]:
        page, _, anchor = doc["location"].partition("#")
        role = roles.get(page, "")
        if not kept(role, bool(anchor)):
            continue
        if role == ENTRY:
            docs.append({**doc, "boost": ENTRY_BOOST} if not anchor else doc)
        else:
            docs.append({**doc, "text": introduction(doc["text"])})
    return {**index, "docs": docs}


def finish(site: Path, roles: dict[str, str], store: bool = True) -> None:
    """Add the Dutch extension to Material's lunr.nl script, shape the index and (unless `store` is false, as
    under `mkdocs serve`, where the browser then builds it) store the built lunr index in it."""
    script = site / LUNR_NL
    if script.is_file():
        script.write_text(script.read_text(encoding="utf-8") + "\n" + EXTENSION.read_text(encoding="utf-8"),
                          encoding="utf-8")
    path = site / INDEX
    if not path.is_file():
        return
    index = shape(json.loads(path.read_text(encoding="utf-8")), roles)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    if store:
        store_lunr_index(site)


def store_lunr_index(site: Path) -> None:
    node = shutil.which("node")
    if node is None:
        raise SearchIndexError(M.NODE_MISSING)
    result = subprocess.run([node, str(BUILDER), str(site)], capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(M.INDEX_FAILED(output=result.stderr.strip()))
