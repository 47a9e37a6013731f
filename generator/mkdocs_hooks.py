"""The thin MkDocs adapter: wires MkDocs events to the generator. No logic of its own lives here.

- `mkdocs serve`: regenerate the docs directory before every build and watch `content/` for changes;
  `write_tree` rewrites only changed files, so MkDocs rebuilds quickly.
- every build: heading ids that never take the theme's, sanitised page HTML, and "edit this page" pointing at
  the content file a page was made from.
- every page: accessible tables (header scopes, a caption, a labelled scrolling region; generator/pages/tables.py).
- search: Material's plugin makes only the documents the index keeps (generator/publish/searchindex.py).
- the site's build of `generator site`: each dossier page is written for the printers as soon as it is rendered
  (generator/publish/printspool.py).
- `mkdocs serve` with a failing check: the problems go to the terminal and, as a banner, on every page of the
  preview (generator/editing/banner.py), until the next build that passes.
- after every build: shape and store the search index (generator/publish/searchindex.py).
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from material.plugins.search.plugin import Parser
from mkdocs.exceptions import PluginError

from generator.content.model import ContentError
from generator.editing.banner import regenerated, report, with_banner
from generator.pages.generate import build_docs
from generator.pages.sanitize import may_be_active, page_html, slugify
from generator.pages.tables import accessible_tables, heading_text
from generator.publish.offline import SHIM_TARGET
from generator.publish.printspool import spool, write_asset, write_page
from generator.publish.searchindex import BUILT_BY_CALLER, SearchIndexError, finish as finish_search, kept

# "spool": where the dossier pages go for the printers and which they are (None but in `generator site`); "nav" and
# "env": what they are rendered with.
_state = {"command": None, "dirty": False, "problems": [], "refresh": False, "spool": None, "nav": None, "env": None}
_active: dict[str, bool] = {}  # per page: may its Markdown produce HTML that runs code? (then it is sanitised)
_search_roles: dict[str, str] = {}  # per page URL: "entry" or not (front matter `search_role`)


def _content(config) -> Path:
    return Path(config.config_file_path).parent / "content"


def on_startup(command, dirty):
    _state["command"] = command
    _state["dirty"] = dirty


def on_config(config):
    # Headings in content never take an id the theme looks up, such as `__config` (generator/pages/sanitize.py).
    config.mdx_configs.setdefault("toc", {})["slugify"] = slugify
    # The offline edition ships the iframe-worker shim itself (see generator/publish/offline.py); with this polyfill set,
    # Material's offline plugin does not add its CDN copy.
    if os.environ.get("OFFLINE") == "true":
        config.extra["polyfills"] = [SHIM_TARGET]
    _index_only_what_is_kept(config)
    return config


def _index_only_what_is_kept(config) -> None:
    """Material's search makes a document of every section of every page; of a page that is not an entry the index
    keeps only the first (generator/publish/searchindex.py), so the others are not made: the plugin looks each section up in
    the page's table of contents from the top, a cost that grows with the square of the headings (a dossier at
    2,000 proposals has thousands), for documents thrown away. A section with an id is the one that gets an anchor."""
    # The plugin makes its index in its own on_config, which runs before this one.
    index = getattr(config.plugins.get("material/search"), "search_index", None)
    if index is None:
        return
    create, add = index.create_entry_for_section, index.add_entry_from_context

    def create_entry_for_section(section, toc, url, page):
        if kept(_search_roles.get(page.url, ""), bool(section.id)):
            create(section, toc, url, page)

    def add_entry_from_context(page):
        # Of a page that keeps only its first section, the plugin reads only as far as that section can reach: the
        # dossiers and lists are two thirds of the site's HTML (2.6 s of parsing at 2,000 proposals). A page left
        # out of search (the matrices: 2.4 MB each) is not read at all.
        if kept(_search_roles.get(page.url, ""), True) or (page.meta.get("search") or {}).get("exclude"):
            add(page)
            return
        whole, page.content = page.content, first_section(page.content)
        try:
            add(page)
        finally:
            page.content = whole

    index.create_entry_for_section = create_entry_for_section
    index.add_entry_from_context = add_entry_from_context


class _Enough(Exception):
    """Raised by `_FirstSection` where the rest of a page can add nothing to its first section."""


class _FirstSection(Parser):
    """Material's search parser, stopping at the first heading with an id that is inside no element once the page's
    first section has begun: that heading starts an anchored section, and Material hands text back to an earlier
    section only when the element around a heading ends, so nothing after it reaches the first section."""

    def handle_starttag(self, tag, attrs):
        if self.data and not self.context and re.fullmatch(r"h[1-6]", tag) and any(k == "id" for k, _ in attrs):
            raise _Enough(self.getpos())
        super().handle_starttag(tag, attrs)


def first_section(html: str) -> str:
    """The beginning of a page's HTML that holds everything Material's search puts in the page's first section."""
    try:
        _FirstSection().feed(html)
    except _Enough as stop:
        line, column = stop.args[0]
        start = 0
        for _ in range(line - 1):
            start = html.index("\n", start) + 1
        return html[:start + column]
    return html


def on_pre_build(config):
    if _state["command"] == "serve":
        try:
            changed = build_docs(_content(config), Path(config.docs_dir))
            problems = []
            if changed:
                print(regenerated(changed), file=sys.stderr)
        except ContentError as error:
            # Keep serving the last good pages; show the editor what is wrong, here and on every page.
            problems = error.problems
            print(report(problems), file=sys.stderr)
        _state["refresh"] = problems != _state["problems"]
        _state["problems"] = problems


def on_files(files, config):
    # `mkdocs serve --dirty` renders and writes only the pages it takes as changed: when the banner appears, changes
    # or goes, every page must be rebuilt once to carry it (or lose it).
    if _state["dirty"] and _state["refresh"]:
        for file in files.documentation_pages():
            file.is_modified = lambda: True
    # The printers load the theme's and the site's assets beside the dossier pages they print.
    _state["spool"] = spool()
    if _state["spool"] is not None:
        _state["env"] = config.theme.get_env()  # as MkDocs makes it for the build
        for file in files:
            if file.dest_uri.startswith("assets/") and not file.is_documentation_page():
                write_asset(_state["spool"][0], file.dest_uri, file.content_bytes)
    return files


def on_nav(nav, config, files):
    _state["nav"] = nav
    return nav


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
    _search_roles[page.url] = page.meta.get("search_role", "")
    # Generated pages never point at generated files: an entry page edits its content file, a party page the
    # register, others the guide.
    base = config.extra.get("edit_base_url")
    if base:
        source = page.meta.get("source", "")
        target = source if source.endswith((".md", ".yml")) else "CONTRIBUTING.md"
        page.edit_url = f"{base.rstrip('/')}/{target}"
    guide = config.extra.get("guide_url")
    if guide and page.meta.get("generated") and not page.meta.get("source", "").endswith(".md"):
        markdown += f"\n\n---\n\n*Iets verbeteren of aanvullen? Lees de [handleiding voor redacteuren]({guide}).*\n"
    return markdown


def on_page_content(html, page, config, files):
    html = page_html(html, _active.pop(page.file.src_uri, True))
    target = _state["spool"]
    if target is not None and page.file.src_uri in target[1]:
        write_page(target[0], page.url, _as_built(page, html, config, files))
    return html


def _as_built(page, content: str, config, files) -> bytes:
    """The page as MkDocs will write it at the end of the build (`_build_page` in mkdocs/commands/build.py), now:
    its Markdown is rendered, and the rest of what it is made from (configuration, navigation) is known. The search
    plugin leaves it out of the index here (MkDocs adds it when it builds the page), and the page is left as it was."""
    from mkdocs.commands.build import get_context
    from mkdocs.structure.files import InclusionLevel

    nav, index = _state["nav"], getattr(config.plugins.get("material/search"), "search_index", None)
    rendered, add = page.content, getattr(index, "add_entry_from_context", None)
    page.content, page.active = content, True
    if index is not None:
        index.add_entry_from_context = lambda page: None
    try:
        context = get_context(nav, files.documentation_pages(inclusion=InclusionLevel.is_included), config, page)
        template = _state["env"].get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        output = config.plugins.on_post_page(template.render(context), page=page, config=config)
    finally:
        if index is not None:
            index.add_entry_from_context = add
        page.content, page.active = rendered, False
    return output.encode("utf-8", errors="xmlcharrefreplace")


def on_post_page(output, page, config):
    # A page title is HTML text (MkDocs takes it from the heading's HTML); a table's name is plain text.
    return accessible_tables(with_banner(output, _state["problems"]), heading_text(page.title or ""))


def on_post_build(config):
    # Entries are the search documents; the lunr index is built here once (not under serve: it would cost seconds
    # per save), with the Dutch extension. generator/publish/searchindex.py says why.
    try:
        finish_search(Path(config.site_dir), _search_roles,
                      store=_state["command"] != "serve" and not os.environ.get(BUILT_BY_CALLER))
    except SearchIndexError as error:
        raise PluginError(str(error)) from None
