"""The dossier pages for the printers, from a second, small MkDocs build that runs beside the site's own, so that
printing starts seconds into the publication instead of when the site's build is nearly done.

A MkDocs build renders every page's Markdown before it writes the first page: at 2,000 proposals the dossiers' pages
came out 26 s into a 36 s build, and Chromium printed for a minute after. The print build is the same MkDocs build
(same configuration, hooks and Markdown) limited to the dossier pages (`PRINT_PAGES`, read by the hook: MkDocs'
`--dirty` renders and writes only the pages marked as changed), into a folder of its own; it is done in seconds,
with the theme's assets beside the pages, and the printers print from it while the site's build goes on. A page
MkDocs writes depends only on the configuration, the navigation and the page itself, so the print build's pages are
the site's, byte for byte; `python -m generator site` checks that for every dossier before it publishes.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

PAGES = "PRINT_PAGES"


def pages_to_build() -> frozenset[str] | None:
    """For the hook: the pages (Markdown sources) a print build renders, or None in any other build."""
    pages = os.environ.get(PAGES)
    return frozenset(pages.split("\n")) if pages else None


class PrintBuild:
    """The printers' side of the print build: `pages` maps each dossier page's directory URL to its Markdown source;
    `folder` is where the build writes them. `done` is called when the build ended, `wait` before printing."""

    def __init__(self, folder: Path, pages: dict[str, str]):
        self.folder, self.pages = folder, pages
        self._done = threading.Event()
        self._ok = False

    def env(self) -> dict[str, str]:
        """The variable that limits the build to the dossier pages."""
        return {PAGES: "\n".join(sorted(self.pages.values()))}

    def done(self, ok: bool) -> None:
        """The print build ended (`ok`: it wrote the pages), or the site's build failed (then not `ok`: stop)."""
        self._ok = ok and not self._done.is_set()  # a second call only ever takes the pages back
        self._done.set()

    def wait(self) -> bool:
        """Block until the print build ended; whether its pages are there to print."""
        self._done.wait()
        return self._ok
