"""`python -m generator diff BASE`: the pull-request summary, built from two real commits in a temporary git
repository and compared as exact text."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import SAMPLE, run_cli, snapshot
import shutil

GIT = ["git", "-c", "user.name=Redactie", "-c", "user.email=redactie@example.org", "-c", "commit.gpgsign=false"]


def git(repo: Path, *args: str) -> str:
    result = subprocess.run([*GIT, *args], cwd=repo, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The sample content committed on `main`, and a branch `change` checked out."""
    root = tmp_path / "repo"
    shutil.copytree(SAMPLE, root / "content")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "content")
    git(root, "commit", "-q", "-m", "sample")
    git(root, "checkout", "-q", "-b", "change")
    return root


def test_diff_summarises_what_a_change_does_to_the_record(repo):
    content = repo / "content"
    # Added: a proposal (linked to idea 1). Removed: idea 3. Changed: a title and a section, a link and a note.
    (content / "proposals/2025/004-buurtnoodplan.md").write_text(
        "---\nnummer: 4\ntitel: Buurtnoodplan\nthema: bewustwording\nideeen: [1]\n---\n\n## Beoogd effect\n\nJa.\n",
        encoding="utf-8")
    (content / "ideas/2025/003-zonder-voorstel.md").unlink()
    proposal = content / "proposals/2025/001-oefen-de-wijk.md"
    edit(proposal, "titel: Oefen de wijk", "titel: Oefen de straat")
    edit(proposal, "ideeen: [1, 2]", "ideeen: [1]")
    edit(proposal, "## Beoogd effect\n", "## Beoogd effect\n\nEen zin erbij.\n")
    noodpakket = content / "proposals/2025/002-noodpakket.md"
    edit(noodpakket, "  - Op de kaart staat geen nummer.", "  - Het nummer staat op de achterkant.")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "change")
    (content / "proposals/2025/005-kapot.md").write_text("---\nnummer: 5\ntitel: Kapot: half\n---\n", encoding="utf-8")
    commit = git(repo, "rev-parse", "main")[:12]
    before = snapshot(content)

    result = run_cli("diff", cwd=repo)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"""## What this change does to the record

Compared with `main` (commit `{commit}`).

### Problems found (1)

`make check` fails:

- content/proposals/2025/005-kapot.md:3: front matter is not valid YAML: the value contains a colon followed by a space; put the whole value between double quotes: titel: "Kapot: half" \\[yaml-syntax\\]

### Entries added (1)

- proposal 2025/4 “Buurtnoodplan”: `content/proposals/2025/004-buurtnoodplan.md`

### Entries removed (1)

- idea 2025/3 “Zonder voorstel”: `content/ideas/2025/003-zonder-voorstel.md`

### Entries changed (2)

- proposal 2025/1 “Oefen de straat”: `content/proposals/2025/001-oefen-de-wijk.md`; fields `ideeen`, `titel`; sections “Beoogd effect”
- proposal 2025/2 “Noodpakket”: `content/proposals/2025/002-noodpakket.md`; fields `afwijkingen`

### Links gained (1)

- proposal 2025/4 → idea 2025/1

### Links lost (1)

- proposal 2025/1 → idea 2025/2

### Discrepancy notes added (1)

- proposal 2025/2 “Noodpakket”: Het nummer staat op de achterkant.

### Discrepancy notes removed (1)

- proposal 2025/2 “Noodpakket”: Op de kaart staat geen nummer.
"""
    assert snapshot(content) == before


def test_diff_of_an_unchanged_tree_says_so_and_takes_any_ref(repo):
    git(repo, "tag", "v1", "main")
    result = run_cli("diff", "v1", cwd=repo)
    commit = git(repo, "rev-parse", "v1")[:12]
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (f"## What this change does to the record\n\nCompared with `v1` (commit `{commit}`).\n\n"
                             "### Problems found (0)\n\nNone: `make check` passes.\n\n"
                             "No entry, link or discrepancy note changed.\n")


def test_diff_explains_a_wrong_base_and_a_folder_without_git(repo, tmp_path):
    wrong = run_cli("diff", "mian", cwd=repo)
    assert (wrong.returncode, wrong.stdout) == (1, "")
    assert wrong.stderr == ("error: 'mian' is not a commit in this repository; name a branch, tag or commit, "
                            "e.g. .venv/bin/python -m generator diff main\n")
    plain = tmp_path / "plain"
    shutil.copytree(SAMPLE, plain / "content")
    outside = run_cli("diff", cwd=plain)
    assert (outside.returncode, outside.stdout) == (1, "")
    assert outside.stderr == "error: content is not in a git repository; 'diff' compares with a git commit\n"


def test_diff_help_has_an_example():
    result = run_cli("diff", "--help")
    assert result.returncode == 0
    assert "example:\n  .venv/bin/python -m generator diff\n" in result.stdout
