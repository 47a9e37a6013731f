"""`python -m generator diff BASE`: the pull-request summary, built from two real commits in a temporary git
repository and compared as exact text."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import SAMPLE, run_cli, snapshot
from dutch import assert_dutch
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
    assert result.stdout == f"""## Wat deze wijziging aan het verslag verandert

Vergeleken met `main` (commit `{commit}`).

### Meldingen van de controle (1)

`make check` mislukt:

- content/proposals/2025/005-kapot.md:3: de waarde bevat een dubbele punt met een spatie erna: zet de hele waarde tussen dubbele aanhalingstekens, zo: titel: "Kapot: half" \\[yaml-syntax\\]

### Stukken toegevoegd (1)

- voorstel 2025/4 “Buurtnoodplan”: `content/proposals/2025/004-buurtnoodplan.md`

### Stukken verwijderd (1)

- idee 2025/3 “Zonder voorstel”: `content/ideas/2025/003-zonder-voorstel.md`

### Stukken gewijzigd (2)

- voorstel 2025/1 “Oefen de straat”: `content/proposals/2025/001-oefen-de-wijk.md`; sleutels `ideeen`, `titel`; sectie “Beoogd effect”
- voorstel 2025/2 “Noodpakket”: `content/proposals/2025/002-noodpakket.md`; sleutel `afwijkingen`

### Koppelingen erbij (1)

- voorstel 2025/4 → idee 2025/1

### Koppelingen eraf (1)

- voorstel 2025/1 → idee 2025/2

### Afwijkingen toegevoegd (1)

- voorstel 2025/2 “Noodpakket”: “Het nummer staat op de achterkant.”

### Afwijkingen verwijderd (1)

- voorstel 2025/2 “Noodpakket”: “Op de kaart staat geen nummer.”
"""
    assert_dutch(result.stdout.splitlines())
    assert snapshot(content) == before


def test_diff_of_an_unchanged_tree_says_so_and_takes_any_ref(repo):
    git(repo, "tag", "v1", "main")
    result = run_cli("diff", "v1", cwd=repo)
    commit = git(repo, "rev-parse", "v1")[:12]
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (f"## Wat deze wijziging aan het verslag verandert\n\nVergeleken met `v1` (commit `{commit}`).\n\n"
                             "### Meldingen van de controle (0)\n\nGeen: `make check` slaagt.\n\n"
                             "Er veranderde geen stuk, koppeling of afwijking.\n")
    assert_dutch(result.stdout.splitlines())


def test_diff_explains_a_wrong_base_and_a_folder_without_git(repo, tmp_path):
    wrong = run_cli("diff", "mian", cwd=repo)
    assert (wrong.returncode, wrong.stdout) == (1, "")
    assert wrong.stderr == ("fout: 'mian' is geen commit in deze repository: noem een branch, tag of commit, "
                            "bijv. '.venv/bin/python -m generator diff main'\n")
    plain = tmp_path / "plain"
    shutil.copytree(SAMPLE, plain / "content")
    outside = run_cli("diff", cwd=plain)
    assert (outside.returncode, outside.stdout) == (1, "")
    assert outside.stderr == ("fout: de map content staat niet in een git-repository, en 'diff' vergelijkt met een "
                              "commit: draai het in een map die u met 'git clone' hebt opgehaald\n")
    assert_dutch(wrong.stderr.splitlines() + outside.stderr.splitlines())


def test_diff_help_has_an_example():
    result = run_cli("diff", "--help")
    assert result.returncode == 0
    assert "voorbeelden:\n  .venv/bin/python -m generator diff\n" in result.stdout


def test_diff_of_a_change_with_only_warnings_and_a_rename(repo):
    """The summary in Dutch from start to end: a check that passes with warnings, a renamed file, one field."""
    from broken_cases import WARNED
    from generator.editing.diff import markdown_text

    content = repo / "content"
    WARNED["party-line-typo"](content)
    (content / "proposals/2025/002-noodpakket.md").rename(content / "proposals/2025/002-noodpakket-thuis.md")
    warning = run_cli("check", cwd=repo).stdout.splitlines()[0]
    commit = git(repo, "rev-parse", "main")[:12]

    result = run_cli("diff", "main", cwd=repo)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"""## Wat deze wijziging aan het verslag verandert

Vergeleken met `main` (commit `{commit}`).

### Meldingen van de controle (1)

`make check` slaagt, met deze waarschuwingen:

- {markdown_text(warning)}

### Stukken gewijzigd (2)

- voorstel 2025/1 “Oefen de wijk”: `content/proposals/2025/001-oefen-de-wijk.md`; sectie “Partijen benodigd bij uitvoering”
- voorstel 2025/2 “Noodpakket”: `content/proposals/2025/002-noodpakket-thuis.md`; hernoemd van `content/proposals/2025/002-noodpakket.md`
"""
    assert_dutch(line for line in result.stdout.splitlines() if line != f"- {markdown_text(warning)}")
