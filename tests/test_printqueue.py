"""Dossier pages handed from the running MkDocs build to the printers (generator/printqueue.py): the page the
printers get is byte for byte the page MkDocs writes, only the wanted pages are handed over, a plain build hands
nothing over, and printers never wait for a build that ended."""
from __future__ import annotations

import os
import subprocess
import sys
import time

from generator.printqueue import PAGES, SPOOL, Handover

from conftest import SAMPLE, run_cli, site_root

WANTED = ["categorieen/2025/voorbereiden.md", "categorieen/2026/algemeen.md"]


def mkdocs_build(root, **env: str) -> None:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], cwd=root,
                            env=environment, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_handed_over_pages_are_the_pages_mkdocs_writes(tmp_path):
    root = site_root(tmp_path, SAMPLE)
    assert run_cli("build", "--content", str(root / "content"), "--out", str(root / "build/docs")).returncode == 0
    spool = tmp_path / "spool"
    mkdocs_build(root, **{SPOOL: str(spool), PAGES: "\n".join(WANTED)})
    handed = sorted(p.relative_to(spool).as_posix() for p in spool.rglob("*") if p.is_file())
    assert handed == [f"{page}.html" for page in WANTED]
    for page in WANTED:
        built = root / "site" / page.removesuffix(".md") / "index.html"
        assert (spool / f"{page}.html").read_bytes() == built.read_bytes()


def test_a_plain_build_hands_nothing_over(tmp_path):
    root = site_root(tmp_path, SAMPLE)
    assert run_cli("build", "--content", str(root / "content"), "--out", str(root / "build/docs")).returncode == 0
    spool = tmp_path / "spool"
    mkdocs_build(root, **{PAGES: "\n".join(WANTED)})  # no folder named: nowhere to hand over to
    assert not spool.exists()


def test_printers_wait_for_a_page_until_the_build_ends(tmp_path):
    handover = Handover(tmp_path, {"categorieen/2025/voorbereiden/": WANTED[0], "categorieen/2026/algemeen/": WANTED[1]})
    page = tmp_path / f"{WANTED[0]}.html"
    page.parent.mkdir(parents=True)
    page.write_text("<html></html>", encoding="utf-8")
    assert handover.wait("categorieen/2025/voorbereiden/") == page
    handover.finish()
    started = time.monotonic()
    assert handover.wait("categorieen/2026/algemeen/") is None  # never handed over: the printer gives up at once
    assert time.monotonic() - started < 1


def test_after_a_failed_build_printers_stop(tmp_path):
    handover = Handover(tmp_path, {"categorieen/2025/voorbereiden/": WANTED[0]})
    page = tmp_path / f"{WANTED[0]}.html"
    page.parent.mkdir(parents=True)
    page.write_text("<html></html>", encoding="utf-8")
    handover.finish(failed=True)
    assert handover.wait("categorieen/2025/voorbereiden/") is None
