"""Dossiers whose inputs did not change are not printed again.

Printing is most of the cost of the whole publication (at 2,000 proposals: 16 dossiers of up to 370 pages), and
most builds change one entry or none: an editor's rebuild, CI on a merge. A dossier's PDF depends only on what
Chromium is given, so its key is a hash of exactly that: the page's HTML, every file the theme serves it (`assets/`),
the code that prints (this package's pdf.py and pdfnumbers.py), the Chromium that prints, the public address and the
build date printed on the title page. Equal key, equal PDF; the cached copy only gets this build's time stamps
(`fix_dates`, as a fresh print would).

The cache lives in `build/pdf-cache/` (never committed, never under `content/`); each build keeps only the entries
it used, so it holds at most one build's PDFs. Remove the folder to print everything again.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import threading
from pathlib import Path


def _digest(*parts: bytes) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(len(part).to_bytes(8, "big"))
        hasher.update(part)
    return hasher.hexdigest()


def browser_version(executable: str | None) -> str:
    """What `chromium --version` says; a different Chromium may break pages elsewhere, so it is part of the key."""
    if executable is None:
        return "playwright's own chromium"
    try:
        return subprocess.run([executable, "--version"], capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return executable


class PrintCache:
    """PDFs by the hash of their inputs, in `folder`; with no folder, a cache that keeps nothing."""

    def __init__(self, folder: Path | None, site: Path, salt: str):
        self.folder, self.site, self.salt = folder, site, salt
        self._base: str | None = None
        self._lock = threading.Lock()
        self._used: set[str] = set()

    def _theme(self) -> str:
        """The salt, the printing code and the theme's assets: hashed once, when the first page asks (the assets
        are in place by then, even while MkDocs still writes pages)."""
        with self._lock:
            if self._base is None:
                code = [(Path(__file__).parent / name).read_bytes() for name in ("pdf.py", "pdfnumbers.py")]
                assets = sorted(p for p in (self.site / "assets").rglob("*") if p.is_file())
                self._base = _digest(self.salt.encode(), *code, *(b"%s\0%s" % (
                    p.relative_to(self.site).as_posix().encode(), p.read_bytes()) for p in assets))
            return self._base

    def key(self, page: str, html: bytes) -> str:
        """The key of the page at directory URL `page` ('categorieen/2025/bewustwording/') with this HTML."""
        return _digest(self._theme().encode(), page.encode(), html) if self.folder else ""

    def get(self, key: str) -> bytes | None:
        if not self.folder:
            return None
        self._used.add(key)
        path = self.folder / f"{key}.pdf"
        return path.read_bytes() if path.is_file() else None

    def count(self) -> int:
        """How many PDFs the cache holds (each can stand in for at most one dossier)."""
        return sum(1 for _ in self.folder.glob("*.pdf")) if self.folder and self.folder.is_dir() else 0

    def put(self, key: str, data: bytes) -> None:
        if not self.folder:
            return
        self._used.add(key)
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = self.folder / f".{key}.{os.getpid()}.tmp"
        temporary.write_bytes(data)
        temporary.replace(self.folder / f"{key}.pdf")  # a build stopped halfway leaves no half PDF under a key

    def prune(self) -> None:
        """Forget what this build did not use."""
        if self.folder and self.folder.is_dir():
            for path in self.folder.iterdir():
                if path.stem not in self._used:
                    path.unlink()
