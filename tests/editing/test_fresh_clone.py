"""The guide's local route on a fresh clone, with no virtual environment activated: every command the project
prints or documents works exactly as printed (issue 17).

The clone is `git clone` of this repository's HEAD (commit first to test a change here). Its first `make check`
creates `.venv`, as CONTRIBUTING.md says: that costs about a minute, once for this module.
"""
from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SUMMARY_END

GIT_USER = ["-c", "user.name=Redactie", "-c", "user.email=redactie@example.org", "-c", "commit.gpgsign=false"]


def clean_env(tmp: Path) -> dict[str, str]:
    """The environment of an editor's new terminal: no venv on the PATH or activated, no PYTHONPATH."""
    venv_bin = str(Path(sys.executable).parent)
    path = [p for p in os.environ.get("PATH", "").split(os.pathsep) if p and p != venv_bin and "/.venv/" not in p]
    # Nor the variables of a `make test` that runs this suite: a nested make would print "Entering directory".
    dropped = ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    return {**env, "PATH": os.pathsep.join(path), "PRE_COMMIT_HOME": str(tmp / "pre-commit-home")}


def sh(command: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run a command line exactly as printed, through the shell, in a clean environment."""
    result = subprocess.run(command, shell=True, cwd=cwd, env=clean_env(cwd.parent), capture_output=True, text=True)
    assert "Traceback" not in result.stdout + result.stderr, f"$ {command}\n{result.stdout}{result.stderr}"
    return result


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fresh") / "symposium"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(root)], check=True)
    assert not (root / ".venv").exists()
    first = sh("make check", root)  # the guide's first step: creates .venv
    assert first.returncode == 0, first.stdout + first.stderr
    assert first.stdout.splitlines()[-1].startswith("In orde: ") and (root / ".venv/bin/python").is_file()
    return root


@pytest.fixture
def fresh(clone: Path) -> Path:
    """The clone with its content as committed (each test starts from the clone's HEAD)."""
    subprocess.run(["git", "checkout", "--quiet", "--", "content"], cwd=clone, check=True)
    subprocess.run(["git", "clean", "-fdq", "--", "content"], cwd=clone, check=True)
    return clone


def test_every_printed_hint_and_help_example_works_as_printed(fresh):
    # `new` ends with the command to run next; run it as printed: it checks (and finds the empty keys).
    new = sh('.venv/bin/python -m generator new idea --edition 2025 --title "Nieuw idee"', fresh)
    hint = new.stdout.strip().split("draai daarna: ", 1)[1]
    checked = sh(hint, fresh)  # (with the system's python, `python -m generator check` was a traceback)
    assert hint == "make check" and checked.returncode != 0
    assert ("content/ideas/2025/038-nieuw-idee.md:5: de sleutel 'categorie' is leeg, maar verplicht: vul hem in, "
            "bijv. 'categorie: bewustwording'; mogelijk zijn: 'bewustwording', 'oefenen-en-simuleren', 'voorbereiden', "
            "'beleidsmaatregelen'. [empty-value]") in checked.stdout.splitlines()
    assert SUMMARY_END in checked.stderr
    assert (fresh / "CONTRIBUTING.md").is_file()
    (fresh / "content/ideas/2025/038-nieuw-idee.md").unlink()

    help_text = sh(".venv/bin/python -m generator --help", fresh)  # as the README prints it
    examples = help_text.stdout.split("voorbeelden, één per opdracht:\n", 1)[1].splitlines()
    commands = [shlex.split(line)[3] for line in examples]
    assert commands == ["check", "build", "site", "new", "diff"]
    for command in commands:
        sub_help = sh(f".venv/bin/python -m generator {command} --help", fresh).stdout
        for example in re.split(r"\nvoorbeeld(?:en)?:\n", sub_help, maxsplit=1)[1].strip().splitlines():
            example = example.strip()
            if example.endswith(" site"):
                continue  # `make site` runs exactly this line; the route below covers it
            result = sh(example, fresh)
            assert result.returncode == 0, f"$ {example}\n{result.stdout}{result.stderr}"


def test_the_pre_commit_hook_runs_the_check_through_the_project_environment(fresh):
    passed = sh(".venv/bin/pre-commit run --all-files", fresh)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"^content check \(make check\)\.+Passed$", passed.stdout, re.M), passed.stdout
    assert sh(".venv/bin/pre-commit install", fresh).returncode == 0
    card = next((fresh / "content/proposals/2025").glob("001-*.md"))
    text = card.read_text(encoding="utf-8")
    card.write_text(re.sub(r"^titel: .*$", "titel: Het spel: gaat beginnen", text, count=1, flags=re.M),
                    encoding="utf-8")
    sh(f"git add {card.relative_to(fresh)}", fresh)
    blocked = sh(f"git {' '.join(GIT_USER)} commit -m 'Titel'", fresh)
    assert blocked.returncode == 1
    assert (f"{card.relative_to(fresh).as_posix()}:3: de waarde bevat een dubbele punt met een spatie erna: zet de "
            'hele waarde tussen dubbele aanhalingstekens, zo: titel: "Het spel: gaat beginnen" '
            "[yaml-syntax]") in (blocked.stdout + blocked.stderr).splitlines()  # git shows hook output on stderr
    card.write_text(re.sub(r"^titel: .*$", 'titel: "Het spel: gaat beginnen"', text, count=1, flags=re.M),
                    encoding="utf-8")
    sh(f"git add {card.relative_to(fresh)}", fresh)
    committed = sh(f"git {' '.join(GIT_USER)} commit -q -m 'Titel'", fresh)
    assert committed.returncode == 0, committed.stdout + committed.stderr
    sh("git reset --quiet --hard HEAD~1 && .venv/bin/pre-commit uninstall", fresh)


def test_the_local_route_end_to_end(fresh):
    """CONTRIBUTING.md's route: `new`, fill in, the printed check, `pre-commit run --all-files`, `make site`."""
    started = time.monotonic()
    new = sh('.venv/bin/python -m generator new proposal --edition 2025 --title "Buurtnoodplan: samen klaar"', fresh)
    assert new.returncode == 0, new.stderr
    path = fresh / new.stdout.split()[1].rstrip(";")
    assert path.name == "053-buurtnoodplan-samen-klaar.md"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^samenvatting:\n", "", text, flags=re.M)  # optional: removed
    text = text.replace("thema:\n", "thema: bewustwording\n").replace("groep:\n", "groep: 2\n")
    text = text.replace("vrijwilligers:\n", "vrijwilligers: 4\n").replace("ideeen: []", "ideeen: [14]")
    path.write_text(text.replace("## Beoogd effect\n", "## Beoogd effect\n\nElke buurt een plan.\n"), encoding="utf-8")
    checked = sh(new.stdout.strip().split("draai daarna: ", 1)[1], fresh)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.splitlines()[-1] == "In orde: 53 voorstellen, 37 ideeën, 15 workshops in 2 edities"
    hook = sh(".venv/bin/pre-commit run --all-files", fresh)
    assert hook.returncode == 0, hook.stdout + hook.stderr
    site = sh("make site", fresh)
    assert site.returncode == 0, site.stdout + site.stderr
    page = fresh / "site/voorstellen/2025/053-buurtnoodplan-samen-klaar/index.html"
    assert "Elke buurt een plan." in page.read_text(encoding="utf-8")
    print(f"local route after the first make check: {time.monotonic() - started:.1f} s")


# Three mistakes a new editor makes (issue 29): each gets one Dutch line on the card that says what to type, and typing
# it, exactly as the line quotes it, fixes the card. (The real content's one warning, on 008, is another card's.)
MISTAKES = {
    "an empty required key": ("thema: bewustwording", "thema:", r"bijv\. '([^']+)'"),
    "a misspelt heading": ("## Eerste stap", "## Eerst stap", r"Verander de regel dan in '([^']+)'"),
    "a colon in a title": ("titel: Het spel gaat beginnen", "titel: Het spel: gaat beginnen",
                           r"zo: (.+) \[yaml-syntax\]$"),
}


@pytest.mark.parametrize("mistake", sorted(MISTAKES))
def test_a_common_mistake_gets_one_dutch_line_that_fixes_the_card(fresh, mistake):
    from dutch import assert_dutch

    good, bad, fix = MISTAKES[mistake]
    card = next((fresh / "content/proposals/2025").glob("001-*.md"))
    text = card.read_text(encoding="utf-8")
    assert text.count(f"\n{good}\n") == 1
    card.write_text(text.replace(f"\n{good}\n", f"\n{bad}\n"), encoding="utf-8")
    checked = sh("make check", fresh)
    assert checked.returncode != 0
    lines = [line for line in checked.stdout.splitlines() if line.startswith(card.relative_to(fresh).as_posix())]
    assert len(lines) == 1, checked.stdout
    ours = [line for line in checked.stderr.splitlines() if not line.startswith("make: ")]  # (make's own "Error 1")
    assert_dutch(lines + ours)
    typed = re.search(fix, lines[0])[1]
    card.write_text(text.replace(f"\n{good}\n", f"\n{typed}\n"), encoding="utf-8")
    fixed = sh("make check", fresh)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert fixed.stdout.splitlines()[-1].startswith("In orde: 52 voorstellen")
