"""Editing through pull requests: the `new` command, the guide, the automation files, the "edit" links."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from generator import new as new_module
from generator.model import CODES
from generator.new import NewEntryError, new_entry
from generator.schema import SCHEMAS

from broken_cases import CASES
from conftest import ROOT, run_cli, site_root, snapshot
from test_errors import EXPECTED, WARNINGS

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
BIN = Path(__import__("sys").executable).parent


def test_new_proposal_is_ready_to_fill_in(content):
    result = run_cli("new", "proposal", "--edition", "2026", "--title", "Buurtnoodplan: samen klaar", cwd=content.parent)
    assert result.returncode == 0, result.stderr
    path = "content/proposals/2026/002-buurtnoodplan-samen-klaar.md"
    assert result.stdout == f"Wrote {path}; fill it in, then run: python -m generator check\n"
    text = (content.parent / path).read_text(encoding="utf-8")
    assert text.startswith('---\nnummer: 2\ntitel: "Buurtnoodplan: samen klaar"\n')
    assert "# Het thema, één van: algemeen\nthema:\n" in text
    assert re.findall(r"^## (.+)$", text, re.M) == ["Beoogd effect", "Waar uit zich het effect",
                                                     "Bijdrage aan weerbaarheid", "Eerste stap", "Randvoorwaarden",
                                                     "Partijen benodigd bij uitvoering", "Partijen die kunnen helpen"]
    check = run_cli("check", cwd=content.parent)
    assert check.returncode == 1 and f"{path}:7: key 'thema' has no value" in check.stdout


@pytest.mark.parametrize("kind,folder,number", [("idea", "ideas/2025", 4), ("workshop", "workshops/2026", 3)])
def test_new_idea_and_workshop_take_the_next_number(content, kind, folder, number):
    result = run_cli("new", kind, "--edition", folder[-4:], "--title", "Nieuw", cwd=content.parent)
    assert result.returncode == 0, result.stderr
    assert (content / folder / f"{number:03d}-nieuw.md").is_file()


def test_new_refuses_an_unknown_edition_and_changes_nothing(content):
    before = snapshot(content)
    result = run_cli("new", "proposal", "--edition", "2030", "--title", "x", cwd=content.parent)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == ("error: edition 2030 is not declared (declared: 2025, 2026); add "
                             "content/editions/2030.md first (see CONTRIBUTING.md)\n")
    assert snapshot(content) == before


def test_new_never_overwrites(content, monkeypatch):
    existing = content / "proposals/2025/001-oefen-de-wijk.md"
    before = existing.read_bytes()
    monkeypatch.setattr(new_module, "next_number", lambda *args: 1)
    with pytest.raises(NewEntryError, match="exists already; nothing was written"):
        new_entry(content, "proposals", 2025, "Oefen de wijk")
    assert existing.read_bytes() == before


def test_a_new_proposal_appears_on_every_page_it_belongs_on(tmp_path, content):
    """Issue 5's 'done when': made with `new`, filled in, checked, built."""
    assert run_cli("new", "proposal", "--edition", "2025", "--title", "Buurtnoodplan", cwd=content.parent).returncode == 0
    path = content / "proposals/2025/004-buurtnoodplan.md"
    text = path.read_text(encoding="utf-8")
    for empty, filled in (("samenvatting:\n", "samenvatting: Elke buurt een plan\n"),
                          ("thema:\n", "thema: vitale-processen\n"), ("groep:\n", "groep: 2\n"),
                          ("vrijwilligers:\n", "vrijwilligers: 4\n"), ("ideeen: []\n", "ideeen: [2]\n"),
                          ("## Beoogd effect\n", "## Beoogd effect\n\nElke buurt weet wat te doen.\n")):
        text = text.replace(empty, filled, 1)
    path.write_text(text, encoding="utf-8")
    assert run_cli("check", cwd=content.parent).stdout == "OK: 5 proposals, 4 ideas, 2 workshops in 2 editions\n"
    root = site_root(tmp_path / "built", content)
    assert run_cli("site", "--root", str(root)).returncode == 0
    site = root / "site"
    pages = ["voorstellen/2025/004-buurtnoodplan/index.html", "voorstellen/index.html",
             "ideeen/2025/002-voorraden/index.html", "categorieen/2025/voorbereiden/index.html",
             "themas/2025/vitale-processen/index.html", "groepen/2025/groep-2/index.html", "matrix/2025/index.html"]
    missing = [p for p in pages if "Buurtnoodplan" not in (site / p).read_text(encoding="utf-8")]
    assert missing == []
    assert '"title": "Buurtnoodplan"' in (site / "data/proposals.json").read_text(encoding="utf-8")
    assert "Elke buurt weet wat te doen." in (site / "search/search_index.json").read_text(encoding="utf-8")


def test_every_key_is_documented_in_the_guide():
    def keys(schema):
        for key, sub in schema.get("properties", {}).items():
            yield key
            yield from keys(sub)
            yield from keys(sub.get("items", {}))
    undocumented = sorted({k for schema in SCHEMAS.values() for k in keys(schema) if f"`{k}`" not in GUIDE})
    assert undocumented == []


def test_every_code_is_explained_and_exercised():
    assert [c for c in CODES if f"| `{c}` |" not in GUIDE] == []
    exercised = {line.rsplit("[", 1)[1].rstrip("]") for lines in [*EXPECTED.values(), *WARNINGS.values()]
                 for line in lines}
    assert sorted(set(CODES) - exercised) == ["no-content"]  # a missing content/ folder is tested below
    assert len(CASES) >= 40


def test_missing_content_folder_is_reported(tmp_path):
    result = run_cli("check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ("content:1: content directory not found; run from the repository root or pass "
                             "--content [no-content]\n")


def test_workflows_are_valid_and_run_the_contract():
    workflows = sorted((ROOT / ".github/workflows").glob("*.yml"))
    lint = subprocess.run([BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", *map(str, workflows)],
                          capture_output=True, text=True)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    check = yaml.safe_load((ROOT / ".github/workflows/check.yml").read_text(encoding="utf-8"))
    assert "pull_request" in check[True]  # YAML 1.1 reads the key `on` as True
    steps = [s.get("run") for s in check["jobs"]["check"]["steps"]]
    assert ["make check", "make site", "make test"] == [s for s in steps if s]
    publish = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    assert publish[True]["push"]["branches"] == ["main"]
    assert any(s.get("with", {}).get("path") == "site" for s in publish["jobs"]["build"]["steps"])


def test_pre_commit_config_is_valid_and_runs_the_check():
    result = subprocess.run([BIN / "pre-commit", "validate-config", str(ROOT / ".pre-commit-config.yaml")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())["repos"][0]["hooks"]
    assert hooks[0]["entry"] == "python -m generator check"


def test_edit_links_point_at_the_content_file_or_the_guide(sample_site):
    proposal = (sample_site / "voorstellen/2025/001-oefen-de-wijk/index.html").read_text(encoding="utf-8")
    assert re.search(r'href="[^"]*/edit/main/content/proposals/2025/001-oefen-de-wijk\.md"', proposal)
    index = (sample_site / "voorstellen/index.html").read_text(encoding="utf-8")
    assert re.search(r'href="[^"]*/edit/main/CONTRIBUTING\.md"', index)
    assert re.search(r'<a href="[^"]*/blob/main/CONTRIBUTING\.md">handleiding voor redacteuren</a>', index)
    assert "handleiding voor redacteuren" not in proposal
    assert "build/docs" not in proposal and "build/docs" not in index
