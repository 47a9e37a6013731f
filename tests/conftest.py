"""Shared fixtures: the sample content tree, a CLI runner, and real MkDocs builds in temporary directories."""
from __future__ import annotations

import functools
import hashlib
import http.server
import os
import shutil
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from generator.pdf import launch

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "fixtures" / "sample" / "content"


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run `python -m generator` as an editor would, capturing exit code and exact output."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True, text=True)


def snapshot(tree: Path) -> dict[str, str]:
    """Hash of every file below `tree`: proves a command changed nothing there."""
    return {p.relative_to(tree).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(tree.rglob("*")) if p.is_file()}


def site_root(tmp_path: Path, content: Path) -> Path:
    """A repository-shaped directory with the project's mkdocs.yml and generator, and the given content."""
    root = tmp_path / "repo"
    root.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "generator").symlink_to(ROOT / "generator")
    (root / "node_modules").symlink_to(ROOT / "node_modules")
    shutil.copytree(content, root / "content")
    return root


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A private copy of the sample content tree under tmp_path/content."""
    target = tmp_path / "content"
    shutil.copytree(SAMPLE, target)
    return target


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The sample tree built once with `python -m generator site` (real MkDocs, strict)."""
    root = site_root(tmp_path_factory.mktemp("sample"), SAMPLE)
    result = run_cli("site", "--root", str(root))
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


# --- the real site, its offline edition, Chromium and a local server: built or started once per test session and
# shared by every browser test module (test_browser.py, test_reader.py) ---------------------------------------

@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    root = site_root(tmp_path_factory.mktemp("real"), ROOT / "content")
    result = run_cli("site", "--root", str(root))
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def offline(real_site, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(real_site / "downloads/symposium-offline.zip") as archive:
        archive.extractall(target)
    return target / "symposium-offline"


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        instance = launch(playwright)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def server(real_site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(real_site))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
