"""The thin MkDocs adapter: wires MkDocs events to the generator. No logic of its own lives here.

- `mkdocs serve`: regenerate the docs directory before every build and watch `content/` for changes;
  `write_tree` rewrites only changed files, so MkDocs rebuilds quickly.
- every build: sanitise page HTML, and point "edit this page" at the content file a page was made from.
- every page: accessible tables (header scopes, a caption, a labelled scrolling region; generator/tables.py).
"""
from __future__ import annotations

import os
from pathlib import Path

from generator.model import ContentError
from generator.offline import SHIM_TARGET
from generator.pipeline import build_docs
from generator.sanitize import clean, may_be_active
from generator.tables import accessible_tables

_state = {"command": None}
_active: dict[str, bool] = {}  # per page: may its Markdown produce HTML that runs code? (then it is sanitised)
SEARCH_EXTENSION = Path(__file__).parent / "search" / "lunr-nl-extension.js"


def _content(config) -> Path:
    return Path(config.config_file_path).parent / "content"


def on_startup(command, dirty):
    _state["command"] = command


def on_config(config):
    # The offline edition ships the iframe-worker shim itself (see generator/offline.py); with this polyfill set,
    # Material's offline plugin does not add its CDN copy.
    if os.environ.get("OFFLINE") == "true":
        config.extra["polyfills"] = [SHIM_TARGET]
    return config


def on_pre_build(config):
    if _state["command"] == "serve":
        try:
            build_docs(_content(config), Path(config.docs_dir))
        except ContentError as error:
            # Keep serving the last good pages; show the editor what is wrong.
            print("\n".join(str(p) for p in error.problems))


def on_serve(server, config, builder):
    # Editors change content/; the docs directory is the generator's output, rewritten (only where it changed) at
    # the start of each rebuild. Watching it too would start a second, useless rebuild after every edit.
    server.watch(str(_content(config)))
    try:
        server.unwatch(config.docs_dir)
    except KeyError:
        pass
    return server


def on_page_markdown(markdown, page, config, files):
    _active[page.file.src_uri] = may_be_active(markdown)
    # Generated pages never point at generated files: an entry page edits its content file, others the guide.
    base = config.extra.get("edit_base_url")
    if base:
        source = page.meta.get("source", "")
        target = source if source.endswith(".md") else "CONTRIBUTING.md"
        page.edit_url = f"{base.rstrip('/')}/{target}"
    guide = config.extra.get("guide_url")
    if guide and page.meta.get("generated") and not page.meta.get("source", "").endswith(".md"):
        markdown += f"\n\n---\n\n*Iets verbeteren of aanvullen? Lees de [handleiding voor redacteuren]({guide}).*\n"
    return markdown


def on_page_content(html, page, config, files):
    return clean(html) if _active.pop(page.file.src_uri, True) else html


def on_post_page(output, page, config):
    return accessible_tables(output, page.title or "")


def on_post_build(config):
    # Dutch search: stem the query too and fold diacritics (generator/search/lunr-nl-extension.js says why).
    target = Path(config.site_dir) / "assets/javascripts/lunr/min/lunr.nl.min.js"
    if target.is_file():
        target.write_text(target.read_text(encoding="utf-8") + "\n" + SEARCH_EXTENSION.read_text(encoding="utf-8"),
                          encoding="utf-8")
