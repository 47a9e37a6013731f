"""The dossier pages for the printers, written by the site's own MkDocs build as soon as it has rendered them, so
that printing starts seconds into the publication instead of when the site's build is nearly done.

A MkDocs build renders every page's Markdown before it writes the first page: at 2,000 proposals the dossiers' pages
came out 26 s into a 36 s build. But a page MkDocs writes depends only on the configuration, the navigation and the
page itself, and the category dossiers are among the first pages rendered (`categorieen/` sorts early; an
edition's workshops' dossier, `workshops/<year>/dossier`, among the last, but it is small: it lists its proposals,
it does not print them). So when the site's build has rendered a dossier page (`PRINT_PAGES`), the hook writes it,
as MkDocs will write it at the end, into a folder of its own (`PRINT_SPOOL`) with the theme's assets, and a printer
prints it from there at once, while the build goes on. (It used to be a second MkDocs build of the dossier pages alone: 6 s of processor time at 2,000
proposals to render their Markdown a second time.) `python -m generator site` checks, for every dossier, that the
page it printed is the page the site publishes, byte for byte, before it publishes.

This module never imports MkDocs: the hook (mkdocs_hooks.py) renders the pages and calls `write_page` and
`write_asset`; `PrintSpool` is the printers' side.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

FOLDER, PAGES = "PRINT_SPOOL", "PRINT_PAGES"


def spool() -> tuple[Path, frozenset[str]] | None:
    """For the hook: where to write the dossier pages and which they are (Markdown sources), or None in any build
    but the site's build of `generator site`."""
    folder, pages = os.environ.get(FOLDER), os.environ.get(PAGES)
    return (Path(folder), frozenset(pages.split("\n"))) if folder and pages else None


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    part.write_bytes(data)
    part.replace(path)  # a printer never reads half a page


def write_asset(folder: Path, rel: str, data: bytes) -> None:
    _write(folder / rel, data)


def page_path(folder: Path, url: str) -> Path:
    """Where the page at directory URL `url` is written in `folder`."""
    return folder / url / "index.html"


def write_page(folder: Path, url: str, html: bytes) -> None:
    """The page at directory URL `url`, for the printers."""
    _write(page_path(folder, url), html)


class PrintSpool:
    """The printers' side: `pages` maps each dossier page's directory URL to its Markdown source; `folder` is where
    the site's build writes them. `done` is called when the build ended, `first_ready` before printing a page."""

    def __init__(self, folder: Path, pages: dict[str, str]):
        self.folder, self.pages = folder, pages
        self._ended = threading.Event()
        self._failed = False

    def env(self) -> dict[str, str]:
        """The variables that make the site's build write the dossier pages into the folder."""
        return {FOLDER: str(self.folder), PAGES: "\n".join(sorted(self.pages.values()))}

    def done(self, ok: bool) -> None:
        """The site's build ended (`ok`), or failed (then not `ok`: the printers stop)."""
        self._failed = self._failed or not ok
        self._ended.set()

    def wait_built(self) -> None:
        """Block until the site's build ended, or failed."""
        self._ended.wait()

    def first_ready(self, urls: list[str]) -> str | None:
        """Block until one of the pages `urls` is there and return it (the first in their order, if more are), or
        None when the build failed, or ended without writing any of them."""
        while not self._failed:
            ended = self._ended.is_set()
            ready = next((url for url in urls if page_path(self.folder, url).exists()), None)
            if ready is not None or ended:
                return ready
            self._ended.wait(0.05)
        return None
