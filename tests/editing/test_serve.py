"""`make serve`: the live preview regenerates when a content file changes, with a single rebuild per edit.

`make serve DIRTY=1` (`mkdocs serve --dirty`) rebuilds only the pages whose generated Markdown changed; listings
that show the edited entry are among them, because the generator rewrites exactly the files whose text changed."""
from __future__ import annotations

import html
import os
import queue
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from conftest import SAMPLE, run_cli, site_root
from dutch import assert_dutch


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(lines: queue.Queue, marker: str, seen: list[str], timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            continue
        seen.append(line)
        if marker in line:
            return
    raise AssertionError(f"no '{marker}' from mkdocs serve; it printed:\n{''.join(seen[-10:])}")


@pytest.mark.parametrize("flags", [[], ["--dirty", "--no-strict"]], ids=["full", "dirty"])
def test_serve_regenerates_after_a_content_edit(tmp_path, flags):
    root = site_root(tmp_path, SAMPLE)
    assert run_cli("build", "--content", str(root / "content"), "--out", str(root / "build/docs")).returncode == 0
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", *flags],
                               cwd=root,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stderr], daemon=True).start()
    seen: list[str] = []
    try:
        _wait(lines, "Serving on", seen)
        url = f"http://127.0.0.1:{port}/voorstellen/2025/001-oefen-de-wijk/"
        listing = f"http://127.0.0.1:{port}/voorstellen/"
        assert "Oefen de wijk" in urllib.request.urlopen(url).read().decode()
        assert "Oefen het dorp" not in urllib.request.urlopen(listing).read().decode()
        card = root / "content/proposals/2025/001-oefen-de-wijk.md"
        card.write_text(card.read_text(encoding="utf-8").replace("titel: Oefen de wijk", "titel: Oefen het dorp"),
                        encoding="utf-8")
        seen.clear()
        # Not "Documentation built in": MkDocs drops a log message identical to an earlier one (same duration).
        _wait(lines, "Reloading browsers", seen)
        regenerated = [line for line in seen if line.startswith("Inhoud bijgewerkt: ")]
        assert len(regenerated) == 1 and re.fullmatch(r"Inhoud bijgewerkt: \d+ gemaakte bestanden veranderd\n",
                                                      regenerated[0]), "".join(seen)
        assert "Oefen het dorp" in urllib.request.urlopen(url).read().decode()
        assert "Oefen het dorp" in urllib.request.urlopen(listing).read().decode()
        time.sleep(3)  # a second rebuild, triggered by the regenerated pages, would start within this time
        while not lines.empty():
            seen.append(lines.get())
        assert sum("Building documentation" in line for line in seen) == 1, "".join(seen)
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.mark.parametrize("flags", [[], ["--dirty", "--no-strict"]], ids=["full", "dirty"])
def test_serve_is_quiet_and_shows_a_banner_while_the_check_fails(tmp_path, flags):
    """Issue 17: no line per page left out of the navigation; a broken edit puts a banner naming each problem
    `file:line` on every page of the preview (which keeps the last good pages), and fixing it removes the banner."""
    root = site_root(tmp_path, SAMPLE)
    assert run_cli("build", "--content", str(root / "content"), "--out", str(root / "build/docs")).returncode == 0
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", *flags],
                               cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stderr=subprocess.PIPE,
                               text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stderr], daemon=True).start()
    seen: list[str] = []
    pages = [f"http://127.0.0.1:{port}/{path}" for path in
             ("", "voorstellen/", "voorstellen/2025/001-oefen-de-wijk/", "ideeen/2025/002-voorraden/",
              "workshops/2026/001-burgerreserve/")]

    def banners() -> list[str]:
        found = []
        for url in pages:
            html = urllib.request.urlopen(url).read().decode()
            found += re.findall(r'<div id="content-problems".*?</div>', html, re.S)[:1] or [None]
        return found

    try:
        _wait(lines, "Serving on", seen)
        startup = "".join(seen)
        assert "not included in the nav" not in startup
        assert len(seen) <= 6, startup  # building, cleaning, built, watching, serving
        assert banners() == [None] * len(pages)
        card = root / "content/proposals/2025/001-oefen-de-wijk.md"
        good = card.read_text(encoding="utf-8")
        card.write_text(good.replace("ideeen: [1, 2]", "ideeen: [14"), encoding="utf-8")
        seen.clear()
        _wait(lines, "Reloading browsers", seen)
        problem = ("content/proposals/2025/001-oefen-de-wijk.md:8: de lijst die op deze regel met '[' begint, sluit "
                   "niet: zet ']' aan het eind van dezelfde regel, bijv. ideeen: [4, 16] [yaml-syntax]")
        heading = ("De controle vond 1 fout in content/; de preview toont de laatste goede versie, met de meldingen "
                   "bovenaan elke pagina, tot ze zijn opgelost:")
        assert f"{heading}\n" in seen and f"  {problem}\n" in seen, "".join(seen)
        assert_dutch([heading, problem])
        shown = banners()
        assert len(set(shown)) == 1 and shown[0] is not None
        assert html_text(shown[0]) == ("De controle vond 1 fout in content/; deze preview toont de laatste goede "
                                       "versie. Los het op en sla het bestand op:" + problem)
        assert_dutch([html_text(shown[0])])
        # The last good page is still served under the banner.
        assert "Oefen de wijk" in urllib.request.urlopen(pages[2]).read().decode()
        card.write_text(good.replace("titel: Oefen de wijk", "titel: Oefen het dorp"), encoding="utf-8")
        seen.clear()
        _wait(lines, "Reloading browsers", seen)
        assert banners() == [None] * len(pages)
        assert "Oefen het dorp" in urllib.request.urlopen(pages[2]).read().decode()
        assert not [line for line in seen if "not included in the nav" in line]
    finally:
        process.terminate()
        process.wait(timeout=20)


def html_text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))
