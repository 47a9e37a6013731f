"""Editing through pull requests: the `new` command, the guide, the automation files, the "edit" links."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from generator.editing import new as new_module
from generator.content.model import CODES
from generator.editing.new import NewEntryError, new_entry
from generator.content.schema import SCHEMAS
from generator.content.validate import THEMED_PROPOSAL

from broken_cases import CASES
from dutch import assert_dutch
from conftest import ROOT, run_cli, site_root, snapshot
from test_hostile_input import EXPECTED as HOSTILE_INPUT, UNREADABLE
from test_hostile_check import EXPECTED as HOSTILE_MARKUP
from test_hostile_paths import EXPECTED as HOSTILE_PATHS
from test_hostile_markup import EXPECTED as HOSTILE_REFERENCES
from test_hostile_bounds import EXPECTED as HOSTILE_BOUNDS
from test_errors import EXPECTED, WARNINGS
from test_outcomes_check import EXPECTED as OUTCOMES

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
BIN = Path(__import__("sys").executable).parent


def test_new_proposal_is_ready_to_fill_in(content):
    result = run_cli("new", "proposal", "--edition", "2026", "--title", "Buurtnoodplan: samen klaar", cwd=content.parent)
    assert result.returncode == 0, result.stderr
    path = "content/proposals/2026/002-buurtnoodplan-samen-klaar.md"
    assert result.stdout == f"Geschreven: {path}; vul het bestand in en draai daarna: make check\n"
    assert_dutch(result.stdout.splitlines())
    text = (content.parent / path).read_text(encoding="utf-8")
    assert text.startswith('---\nnummer: 2\ntitel: "Buurtnoodplan: samen klaar"\n')
    assert "# verplicht: vul dit in. Het thema, één van: algemeen\nthema:\n" in text
    assert re.findall(r"^## (.+)$", text, re.M) == ["Beoogd effect", "Waar uit zich het effect",
                                                     "Bijdrage aan weerbaarheid", "Eerste stap", "Randvoorwaarden",
                                                     "Partijen benodigd bij uitvoering", "Partijen die kunnen helpen"]
    check = run_cli("check", cwd=content.parent)
    assert check.returncode == 1
    assert check.stdout.splitlines() == [  # issue 17: a required key is never "remove the line"
        f"{path}:5: de sleutel 'samenvatting' is leeg: vul hem in, bijv. 'samenvatting: \"Elke wijk oefent een keer "
        "per jaar\"', of haal de regel weg [empty-value]",
        f"{path}:7: de sleutel 'thema' is leeg, maar verplicht: vul hem in, bijv. 'thema: algemeen' [empty-value]",
        # issue 28: the 2026 workshops are entries, so the proposal names its workshop, not a group
        f"{path}:9: de sleutel 'workshop' is leeg: vul hem in, bijv. 'workshop: 1', of haal de regel weg [empty-value]",
        f"{path}:11: de sleutel 'vrijwilligers' is leeg: vul hem in, bijv. 'vrijwilligers: 5', of haal de regel weg "
        "[empty-value]",
    ]


@pytest.mark.parametrize("kind,folder,number", [("idea", "ideas/2025", 4), ("workshop", "workshops/2026", 3)])
def test_new_idea_and_workshop_take_the_next_number(content, kind, folder, number):
    result = run_cli("new", kind, "--edition", folder[-4:], "--title", "Nieuw", cwd=content.parent)
    assert result.returncode == 0, result.stderr
    assert (content / folder / f"{number:03d}-nieuw.md").is_file()


def test_new_refuses_an_unknown_edition_and_changes_nothing(content):
    before = snapshot(content)
    result = run_cli("new", "proposal", "--edition", "2030", "--title", "x", cwd=content.parent)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == ("fout: editie 2030 bestaat nog niet (er zijn edities van 2025 en 2026): maak eerst "
                             "content/editions/2030.md (zie CONTRIBUTING.md), of kies een jaar dat er al is\n")
    assert_dutch(result.stderr.splitlines())
    assert snapshot(content) == before


def test_new_never_overwrites(content, monkeypatch):
    existing = content / "proposals/2025/001-oefen-de-wijk.md"
    before = existing.read_bytes()
    monkeypatch.setattr(new_module, "next_number", lambda *args: 1)
    with pytest.raises(NewEntryError, match="bestaat al, dus er is niets geschreven"):
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
    assert run_cli("check", cwd=content.parent).stdout == "In orde: 5 voorstellen, 4 ideeën, 2 workshops in 2 edities\n"
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
    exercised = {line.rsplit("[", 1)[1].rstrip("]")
                 for expected in (EXPECTED, WARNINGS, HOSTILE_INPUT, UNREADABLE, HOSTILE_MARKUP, HOSTILE_PATHS,
                                  HOSTILE_REFERENCES, HOSTILE_BOUNDS, OUTCOMES)
                 for lines in expected.values()
                 for line in lines}
    assert sorted(set(CODES) - exercised) == ["no-content"]  # a missing content/ folder is tested below
    assert len(CASES) >= 40


def test_missing_content_folder_is_reported(tmp_path):
    result = run_cli("check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ("content:1: deze map met de inhoud bestaat niet: start de opdracht in de hoofdmap van "
                             "het project, of geef met `--content` aan waar de inhoud staat [no-content]\n")


def test_workflows_are_valid_and_run_the_contract():
    workflows = sorted((ROOT / ".github/workflows").glob("*.yml"))
    lint = subprocess.run([BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", *map(str, workflows)],
                          capture_output=True, text=True)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    check = yaml.safe_load((ROOT / ".github/workflows/check.yml").read_text(encoding="utf-8"))
    assert "pull_request" in check[True]  # YAML 1.1 reads the key `on` as True
    steps = check["jobs"]["check"]["steps"]
    runs = [s["run"] for s in steps if "run" in s]
    summary = '.venv/bin/python -m generator diff "origin/$GITHUB_BASE_REF" >> "$GITHUB_STEP_SUMMARY"'
    assert runs == ["make check", summary, "make site", "make test"]
    # The reviewer's summary (issue 17): `generator diff` against the base branch, into the job summary; after the
    # check (issue 26), also when the check failed, never in its place.
    check_step = next(s for s in steps if s.get("run") == "make check")
    summary_step = next(s for s in steps if s.get("run") == summary)
    assert steps.index(check_step) < steps.index(summary_step)
    assert summary_step["if"] == ("!cancelled() && github.event_name == 'pull_request' && "
                                  f"steps.{check_step['id']}.outcome != 'skipped'")
    assert steps[0] == {"uses": "actions/checkout@v4", "with": {"fetch-depth": 0}}
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/downloads/symposium-offline.zip"
    assert upload["if"] == "github.event_name == 'pull_request'"
    publish = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    assert publish[True]["push"]["branches"] == ["main"]
    assert any(s.get("with", {}).get("path") == "site" for s in publish["jobs"]["build"]["steps"])
    # Both builds keep the printed dossiers (build/pdf-cache/, keyed inside by their inputs) for the next run.
    for workflow, job in ((check, "check"), (publish, "build")):
        names = [s.get("uses", "") for s in workflow["jobs"][job]["steps"]]
        cache = workflow["jobs"][job]["steps"][names.index("actions/cache@v4")]
        assert cache["with"]["path"] == "build/pdf-cache"
        assert names.index("actions/cache@v4") < [s.get("run") for s in workflow["jobs"][job]["steps"]].index("make site")


def test_pre_commit_config_is_valid_and_runs_the_check():
    result = subprocess.run([BIN / "pre-commit", "validate-config", str(ROOT / ".pre-commit-config.yaml")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())["repos"][0]["hooks"]
    assert (hooks[0]["entry"], hooks[0]["language"]) == ("make check", "system")  # the project's .venv, not PATH


def test_edit_links_point_at_the_content_file_or_the_guide(sample_site):
    proposal = (sample_site / "voorstellen/2025/001-oefen-de-wijk/index.html").read_text(encoding="utf-8")
    assert re.search(r'href="[^"]*/edit/main/content/proposals/2025/001-oefen-de-wijk\.md"', proposal)
    index = (sample_site / "voorstellen/index.html").read_text(encoding="utf-8")
    assert re.search(r'href="[^"]*/edit/main/CONTRIBUTING\.md"', index)
    assert re.search(r'<a href="[^"]*/blob/main/CONTRIBUTING\.md">handleiding voor redacteuren</a>', index)
    assert "handleiding voor redacteuren" not in proposal
    assert "build/docs" not in proposal and "build/docs" not in index


# Issue 17: every hint works as printed, the scaffold, duplicates, the documentation.

GIT = ["git", "-c", "user.name=Redactie", "-c", "user.email=redactie@example.org", "-c", "commit.gpgsign=false"]


def _git(repo: Path, *args: str) -> None:
    result = subprocess.run([*GIT, *args], cwd=repo, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.fixture
def repo(content) -> Path:
    """The sample content committed on `main` of a fresh git repository."""
    _git(content.parent, "init", "-q", "-b", "main")
    _git(content.parent, "add", "content")
    _git(content.parent, "commit", "-q", "-m", "sample")
    return content.parent


COPY_MESSAGE = ("content/proposals/2025/002-kopie.md:2: nummer 2 wordt ook gebruikt door "
                "content/proposals/2025/002-noodpakket.md, dat al in 'main' staat: geef dit nieuwe bestand het "
                "eerstvolgende vrije nummer 4 (in de bestandsnaam en bij 'nummer') [duplicate-number]")


def test_a_copied_entry_is_told_to_renumber_not_the_published_one(repo):
    copy = repo / "content/proposals/2025/002-kopie.md"
    copy.write_bytes((repo / "content/proposals/2025/002-noodpakket.md").read_bytes())
    untracked = run_cli("check", cwd=repo)
    assert (untracked.returncode, untracked.stdout) == (1, COPY_MESSAGE + "\n")
    # Committed on a branch, it is still not on main: still the copy is named.
    _git(repo, "checkout", "-q", "-b", "kopie")
    _git(repo, "add", "content")
    _git(repo, "commit", "-q", "-m", "copy")
    committed = run_cli("check", cwd=repo)
    assert (committed.returncode, committed.stdout) == (1, COPY_MESSAGE + "\n")


def test_two_new_entries_with_one_number_are_both_named(repo):
    for name in ("005-een.md", "005-twee.md"):
        (repo / "content/proposals/2025" / name).write_text(
            "---\nnummer: 5\ntitel: Nieuw\nthema: bewustwording\nideeen: []\n---\n", encoding="utf-8")
    result = run_cli("check", cwd=repo)
    assert result.stdout.splitlines() == [
        f"content/proposals/2025/005-{a}.md:2: nummer 5 wordt ook gebruikt door content/proposals/2025/005-{b}.md: "
        "houd het nummer van het bestand dat al gepubliceerd is (het webadres hangt ervan af), en geef het nieuwe het "
        "eerstvolgende vrije nummer 6 (in de bestandsnaam en bij 'nummer') [duplicate-number]"
        for a, b in (("een", "twee"), ("twee", "een"))]


@pytest.mark.parametrize("kind", ["proposal", "idea", "workshop"])
def test_the_scaffold_marks_exactly_the_required_keys(content, kind):
    folder = {"proposal": "proposals/2026", "idea": "ideas/2025", "workshop": "workshops/2026"}[kind]
    assert run_cli("new", kind, "--edition", folder[-4:], "--title", "Nieuw", cwd=content.parent).returncode == 0
    text = next((content / folder).glob("*-nieuw.md")).read_text(encoding="utf-8")
    schema = SCHEMAS[folder.split("/")[0]]
    if kind == "proposal":  # the sample's 2026 edition declares themes: there `thema` is required (issue 28)
        schema = THEMED_PROPOSAL.schema
    marked = re.findall(r"^# verplicht: vul dit in.*\n(?:#.*\n)*(\w+):", text, re.M)
    optional = re.findall(r"^# optioneel: .*\n(?:#.*\n)*(\w+):", text, re.M)
    required = [k for k in schema["required"] if k not in ("nummer", "titel")]  # these two are filled in by `new`
    assert sorted(marked) == sorted(required)
    assert not set(optional) & set(schema["required"])
    assert sorted(optional + marked) == sorted(set(re.findall(r"^(\w+):", text, re.M)) - {"nummer", "titel"}
                                               - ({"subcategorie"} if kind == "idea" else set()))


def test_slugs_are_cut_after_a_whole_word():
    assert new_module.make_slug("Een heel lang woord: hoogwaterbeschermingsprogrammaorganisatieonderdelen en meer") \
        == "een-heel-lang-woord"
    long = "Iedereen een tweede publieksfunctie: Elke Nederlander reservist voor een taak in tijden van crisis"
    # python-slugify's own word_boundary gave "…-elke-nederlander-voor-in": it skipped "reservist" and went on.
    assert new_module.make_slug(long) == "iedereen-een-tweede-publieksfunctie-elke-nederlander"
    assert new_module.make_slug("x" * 70) == "x" * 60


def test_top_level_help_lists_every_command_with_an_example():
    result = run_cli("--help")
    commands = re.findall(r"^    (\w+) {2,}", result.stdout, re.M)
    assert commands == ["check", "build", "site", "new", "diff"]
    examples = result.stdout.split("voorbeelden, één per opdracht:\n", 1)[1]
    assert [line.split()[3] for line in examples.splitlines()] == commands
    assert all(line.startswith("  .venv/bin/python -m generator ") for line in examples.splitlines())


def test_documented_example_files_exist():
    documents = {name: (ROOT / name).read_text(encoding="utf-8") for name in ("README.md", "CONTRIBUTING.md")}
    named = {(name, path) for name, text in documents.items()
             for path in re.findall(r"((?:content/)?(?:proposals|ideas|workshops|editions)/[0-9]{4}[/.][\w./-]*)", text)
             if path.endswith(".md")}
    missing = sorted((name, path) for name, path in named
                     if not (ROOT / path).exists() and not (ROOT / "content" / path).exists())
    # A bare file name given as an example must exist too ("mijn-…" names are placeholders in advice).
    bare = {(name, file) for name, text in documents.items() for file in re.findall(r"`([0-9]{3}-[a-z0-9-]+\.md)`", text)
            if "mijn-" not in file}
    missing += sorted((name, file) for name, file in bare if not any((ROOT / "content").rglob(file)))
    assert missing == [] and len(named) >= 4 and bare


def test_the_guide_says_what_to_install_for_the_local_route():
    local = GUIDE.split("## Op een eigen computer", 1)[1].split("\n## ", 1)[0]
    for needed in ("git", "make", "Python 3.11", "make check", ".venv", "Windows", "WSL",
                   ".venv/bin/pre-commit install", ".venv/bin/python -m generator diff"):
        assert needed in local, needed


# Issue 29: the help and argparse's own words in Dutch, and the command line's common mistakes told in Dutch.

COMMANDS = ["check", "build", "site", "new", "diff"]
# What a help or usage line holds besides its sentences: the options, the names of their values, the commands.
SYNTAX = re.compile(r"--?[a-z][\w-]*|\b[A-Z]{3,}\b|^\s+\.venv/bin/python -m generator .*$|^gebruik: .*$")


def sentences(text: str) -> list[str]:
    return [SYNTAX.sub(" ", line) for line in text.splitlines()]


@pytest.mark.parametrize("command", [[], *([name] for name in COMMANDS)], ids=["top", *COMMANDS])
def test_the_help_of_every_command_is_dutch(command):
    result = run_cli(*command, "--help")
    assert (result.returncode, result.stderr) == (0, "")
    text = result.stdout
    assert text.startswith(f"gebruik: .venv/bin/python -m generator {' '.join(command)}".rstrip() + " [-h]")
    assert "  -h, --help  " in text and "toon deze hulp en stop" in text
    for english in ("usage:", "positional arguments", "options:", "show this help", "example"):
        assert english not in text
    assert re.findall(r"^(\w+):$", text, re.M) == (["opties", "opdrachten"] if not command else
                                                    ["argumenten"] * (command[0] in ("new", "diff")) +
                                                    ["opties", "voorbeeld" if command[0] in ("build", "site", "new")
                                                     else "voorbeelden"])
    assert ("\nvoorbeelden, één per opdracht:\n" in text) == (not command)
    assert_dutch(sentences(text))


def test_the_help_of_new_exactly():
    assert run_cli("new", "--help").stdout == """gebruik: .venv/bin/python -m generator new [-h] SOORT --edition JAAR --title TITEL [--content MAP]

Maakt een nieuw voorstel, idee of workshop met het volgende vrije nummer, de juiste bestandsnaam en
alle sleutels en koppen; overschrijft nooit een bestand.

argumenten:
  SOORT           wat u maakt: 'proposal' (een voorstel), 'idea' (een idee) of
                  'workshop'

opties:
  -h, --help      toon deze hulp en stop
  --edition JAAR  het jaar van de editie, bijv. 2026
  --title TITEL   de titel; de bestandsnaam wordt eruit gemaakt
  --content MAP   de map met de inhoud (standaard: content)

voorbeeld:
  .venv/bin/python -m generator new proposal --edition 2026 --title "Buurtnoodplan"
"""


PY = ".venv/bin/python -m generator"
NEW_USAGE = f"gebruik: {PY} new [-h] SOORT --edition JAAR --title TITEL [--content MAP]"
CHECK_USAGE = f"gebruik: {PY} check [-h] [--content MAP] [--parties]"
TOP_USAGE = f"gebruik: {PY} [-h] OPDRACHT ..."


@pytest.mark.parametrize("argv, usage, error", [
    ([], TOP_USAGE, f"{PY}: fout: geef een opdracht: 'check', 'build', 'site', 'new' of 'diff'; bijv. '{PY} check'"),
    (["chek"], TOP_USAGE, f"{PY}: fout: onbekende opdracht 'chek': kies 'check', 'build', 'site', 'new' of 'diff'; "
                          "bedoelt u 'check'?"),
    (["--parties"], TOP_USAGE, f"{PY}: fout: onbekende optie '--parties': zet eerst de opdracht en daarna de opties, "
                               f"bijv. '{PY} check --parties'"),
    (["check", "--partys"], CHECK_USAGE, f"{PY} check: fout: onbekende optie '--partys' bij 'check': alle opties staan "
                                         f"in '{PY} check --help'; bedoelt u '--parties'?"),
    (["check", "content"], CHECK_USAGE, f"{PY} check: fout: 'content' hoort niet bij 'check': zet een tekst met "
                                        "spaties tussen aanhalingstekens; alles wat 'check' kent, staat in "
                                        f"'{PY} check --help'"),
    (["new"], NEW_USAGE, f"{PY} new: fout: zeg wat u wilt maken: 'proposal', 'idea' of 'workshop'; bijv. '{PY} new "
                         'proposal --edition 2026 --title "Buurtnoodplan"\''),
    (["new", "voorstel", "--edition", "2026", "--title", "x"], NEW_USAGE,
     f"{PY} new: fout: onbekende soort 'voorstel': kies 'proposal', 'idea' of 'workshop'; bedoelt u 'proposal'?"),
    (["new", "proposal", "--title", "x"], NEW_USAGE,
     f"{PY} new: fout: de optie '--edition' ontbreekt: geef het jaar van de editie, bijv. '--edition 2026'"),
    (["new", "proposal", "--edition", "2026"], NEW_USAGE,
     f"{PY} new: fout: de optie '--title' ontbreekt: geef de titel van het nieuwe stuk, bijv. "
     "'--title \"Buurtnoodplan\"'"),
    (["new", "proposal", "--edition", "twintig", "--title", "x"], NEW_USAGE,
     f"{PY} new: fout: 'twintig' is geen jaar: geef het jaar van de editie als getal, bijv. '--edition 2026'"),
    (["new", "proposal", "--edition", "2026", "--title"], NEW_USAGE,
     f"{PY} new: fout: de optie '--title' heeft een waarde nodig: zet die direct erachter, bijv. "
     "'--title \"Buurtnoodplan\"'"),
    (["new", "proposal", "--editon", "2026", "--title", "x"], NEW_USAGE,
     f"{PY} new: fout: onbekende optie '--editon' bij 'new': alle opties staan in '{PY} new --help'; bedoelt u "
     "'--edition'?"),
    (["check", "--help=ja"], CHECK_USAGE, f"{PY} check: fout: deze opdracht is niet te lezen: schrijf elke optie "
                                          f"voluit, met haar waarde erachter; zie '{PY} check --help'"),
], ids=["no-command", "unknown-command", "option-first", "unknown-option", "extra-word", "no-kind", "unknown-kind",
        "no-edition", "no-title", "not-a-year", "no-value", "misspelt-option", "anything-else"])
def test_a_mistake_on_the_command_line_is_told_in_dutch(content, argv, usage, error):
    before = snapshot(content)
    result = run_cli(*argv, cwd=content.parent)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [usage, error]
    assert_dutch(sentences(result.stderr))
    assert snapshot(content) == before
