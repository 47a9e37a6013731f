"""The thin MkDocs adapter: wires MkDocs events to the generator. No logic of its own lives here.

- `mkdocs serve`: regenerate the docs directory before every build and watch `content/` for changes;
  `write_tree` rewrites only changed files, so MkDocs rebuilds quickly.
- every build: sanitise page HTML, and point "edit this page" at the content file a page was made from.
"""
from __future__ import annotations

from pathlib import Path

from generator.model import ContentError
from generator.pipeline import build_docs
from generator.sanitize import clean

_state = {"command": None}


def _content(config) -> Path:
    return Path(config.config_file_path).parent / "content"


def on_startup(command, dirty):
    _state["command"] = command


def on_pre_build(config):
    if _state["command"] == "serve":
        try:
            build_docs(_content(config), Path(config.docs_dir))
        except ContentError as error:
            # Keep serving the last good pages; show the editor what is wrong.
            print("\n".join(str(p) for p in error.problems))


def on_serve(server, config, builder):
    server.watch(str(_content(config)))
    return server


def on_page_markdown(markdown, page, config, files):
    source = page.meta.get("source")
    if config.repo_url and source and source.endswith(".md"):
        page.edit_url = f"{config.repo_url.rstrip('/')}/{config.edit_uri.strip('/')}/{source}"
    elif config.repo_url:
        page.edit_url = f"{config.repo_url.rstrip('/')}/{config.edit_uri.strip('/')}/CONTRIBUTING.md"
    return markdown


def on_page_content(html, page, config, files):
    return clean(html)
