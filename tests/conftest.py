"""Shared fixtures: the sample content tree, a CLI runner, real MkDocs builds in temporary directories, and for
the browser tests (tests/browser.py) the real site (with its offline edition), one Chromium and a local web server."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dutch import assert_dutch

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "fixtures" / "sample" / "content"
# How the summary line on stderr ends, after "N fouten gevonden; " (the whole line is exact in assert_reported).
SUMMARY_END = "wat elke code betekent, staat in CONTRIBUTING.md onder 'De meldingen lezen'."
# What `check` prints last when the sample tree (or a variant it accepts) passes.
SAMPLE_PASSED = "In orde: 4 voorstellen, 4 ideeën, 2 workshops in 2 edities"
# The tests mirror generator/'s folders; a test module may read another's expectations by name (test_editing reads
# test_errors' EXPECTED), wherever it is collected from, so every folder of tests is importable.
sys.path[1:1] = [str(ROOT / "tests" / stage) for stage in ("content", "pages", "publish", "editing")]
# The sample tree with the 2026 outcomes (issue 28): four workshops, three with outcomes, proposals that name them.
OUTCOMES = ROOT / "tests" / "fixtures" / "outcomes" / "content"


def run_cli(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None,
            **options) -> subprocess.CompletedProcess:
    """Run `python -m generator` as an editor would, capturing exit code and exact output, which must be Dutch;
    `env` adds to the environment, `options` go to subprocess.run (e.g. a timeout)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    result = subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True,
                            text=True, **options)
    if "Traceback" not in result.stderr:  # (a traceback fails the test that ran it, with its own message)
        assert_dutch((result.stdout + result.stderr).splitlines())  # every editor reads Dutch (issue 29)
    return result


def snapshot(tree: Path) -> dict[str, str]:
    """Hash of every file below `tree`: proves a command changed nothing there."""
    return {p.relative_to(tree).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(tree.rglob("*")) if p.is_file()}


def assert_reported(content: Path, expected: list[str], **options) -> None:
    """`check` on a broken tree: exit 1, exactly these lines, the count on stderr, no traceback, and content/
    byte-identical afterwards."""
    before = snapshot(content)
    result = run_cli("check", cwd=content.parent, **options)
    assert result.returncode == 1
    assert result.stdout.splitlines() == expected
    count = len(expected)
    assert result.stderr == f"{count} fout{'en' if count != 1 else ''} gevonden; {SUMMARY_END}\n"
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(content) == before


def add_hook(root: Path, name: str, code: str, config: str = "mkdocs.yml") -> Path:
    """Write a hook of the test's into the site root and list it after the project's own hooks, in `config` (a copy
    of mkdocs.yml when it names another file). Returns the configuration file."""
    (root / name).write_text(code, encoding="utf-8")
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = "  - generator/mkdocs_hooks.py\n"
    assert hooks in text
    (root / config).write_text(text.replace(hooks, f"{hooks}  - {name}\n"), encoding="utf-8")
    return root / config


def site_root(tmp_path: Path, content: Path) -> Path:
    """A repository-shaped directory with the project's mkdocs.yml and generator, and the given content."""
    root = tmp_path / "repo"
    root.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "generator").symlink_to(ROOT / "generator")
    (root / "node_modules").symlink_to(ROOT / "node_modules")
    (root / "overrides").symlink_to(ROOT / "overrides")
    shutil.copytree(content, root / "content")
    return root


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A private copy of the sample content tree under tmp_path/content."""
    target = tmp_path / "content"
    shutil.copytree(SAMPLE, target)
    return target


@pytest.fixture
def outcomes(tmp_path: Path) -> Path:
    """A private copy of the outcomes sample tree under tmp_path/content."""
    target = tmp_path / "content"
    shutil.copytree(OUTCOMES, target)
    return target


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The sample tree built once with `python -m generator site` (real MkDocs, strict)."""
    root = site_root(tmp_path_factory.mktemp("sample"), SAMPLE)
    result = run_cli("site", "--root", str(root))
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


from browser import browser, offline, offline_tab, online_tab, real_site, server  # noqa: E402,F401  (shared fixtures)
