"""Dossier pages handed from the running MkDocs build to the printers, so that printing starts while MkDocs is
still writing the rest of the site instead of after it.

MkDocs renders every page's Markdown first and writes the pages last, after it has copied the theme's assets; a
dossier's page is among the first it writes, so Chromium can print it while MkDocs writes the 3,000 pages that
follow (at 2,000 proposals). `python -m generator site` names the pages it wants (`PRINT_PAGES`) and a folder
(`PRINT_SPOOL`); the MkDocs hook hands each wanted page over as MkDocs writes it (`hand_over`), in the same bytes;
the printers wait for it (`Handover.wait`). A plain `mkdocs build` sets neither variable and hands nothing over.
"""
from __future__ import annotations

import functools
import os
import threading
import time
from pathlib import Path

SPOOL, PAGES = "PRINT_SPOOL", "PRINT_PAGES"


@functools.lru_cache(maxsize=None)
def _wanted(pages: str) -> frozenset[str]:
    return frozenset(pages.split("\n"))


def hand_over(src_uri: str, html: str) -> None:
    """Called by the MkDocs hook for every page it writes: keep a copy of the pages the printers wait for."""
    folder = os.environ.get(SPOOL)
    if not folder or src_uri not in _wanted(os.environ.get(PAGES, "")):
        return
    target = Path(folder) / f"{src_uri}.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + ".tmp")
    temporary.write_bytes(html.encode("utf-8", errors="xmlcharrefreplace"))  # as MkDocs writes it
    temporary.replace(target)  # the printers never see half a page


class Handover:
    """The printers' side: `pages` maps each page's directory URL to its Markdown source in the build."""

    def __init__(self, folder: Path, pages: dict[str, str]):
        self.folder, self.pages = folder, pages
        self._done = threading.Event()
        self._failed = False

    def env(self) -> dict[str, str]:
        """The variables that make the MkDocs build hand the pages over."""
        return {SPOOL: str(self.folder), PAGES: "\n".join(sorted(self.pages.values()))}

    def finish(self, failed: bool = False) -> None:
        """The build is over: pages not handed over by now never will be; after a failure, stop printing."""
        self._failed = failed
        self._done.set()

    def wait(self, page: str, poll: float = 0.05) -> Path | None:
        """The page's HTML once MkDocs has written it; None if the build ended (or failed) without it."""
        path = self.folder / f"{self.pages[page]}.html"
        while not path.is_file() and not self._done.is_set():
            time.sleep(poll)
        return path if path.is_file() and not self._failed else None
