"""No English sentence reaches an editor (issue 29).

Three nets: every message template of generator/content/messages.py; the check itself, run over every broken,
warned and hostile mutation of the sample tree; and every expected line of the exact-message tests, which those tests
prove is what the check prints for their cases (paths, links, outcomes, bounds, privacy: trees the mutations here do
not build). Besides, `run_cli` (tests/conftest.py) holds every editor command the suite runs to the same rule."""
from __future__ import annotations

import contextlib
import io
import shutil

import pytest

import broken_cases
import hostile_cases
import test_errors
import test_hostile_bounds
import test_hostile_check
import test_hostile_input
import test_hostile_markup
import test_hostile_paths
import test_hostile_privacy
import test_outcomes_check
from conftest import SAMPLE
from dutch import assert_dutch, english_words
from generator import cli
from generator.content import messages as M
from generator.editing import messages as editing
from generator.pages import messages as pages
from generator.publish import messages as publish

# What the check printed before issue 29, one of each kind: the detector must catch every one of them.
OLD_ENGLISH = [
    "content/proposals/2025/001-oefen-de-wijk.md:3: key 'titel' has no value; it is required: fill it in [empty-value]",
    "content/proposals/2025/001-oefen-de-wijk.md:8: unknown key 'ideen'. Did you mean 'ideeen'? [unknown-key]",
    "content/proposals/2025/001-oefen-de-wijk.md:3: front matter is not valid YAML: the value contains a colon "
    "followed by a space; put the whole value between double quotes: titel: \"Oefen de wijk: samen klaar\" "
    "[yaml-syntax]",
    "content/proposals/2025/008-x.md:41: warning: party line 'Publieke voorbeelden' names no party of the register; "
    "bedoelt u 'Publiek'? If so, add this spelling to that party's 'schrijfwijzen' in content/partijen.yml "
    "[unknown-party]",
    "content/proposals/2025/001-oefen-de-wijk.md:12: raw HTML <b> is not allowed [raw-html]",
    "2 problems found; see CONTRIBUTING.md for what each code means.",
    "OK: 4 proposals, 4 ideas, 2 workshops in 2 editions",
    "Wrote content/proposals/2026/001-buurtnoodplan.md; fill it in, then run: make check",
    "## What this change does to the record",
]


@pytest.mark.parametrize("line", OLD_ENGLISH)
def test_the_detector_catches_english(line):
    assert english_words(line)


def test_the_detector_lets_dutch_and_quoted_text_pass():
    assert_dutch([
        "content/proposals/2025/001-oefen-de-wijk.md:3: de waarde bevat een dubbele punt met een spatie erna: zet de "
        "hele waarde tussen dubbele aanhalingstekens, zo: titel: \"Oefen de wijk: samen klaar\" [yaml-syntax]",
        "content/proposals/2025/001-x.md:8: onbekende sleutel 'the file'; bedoelt u `make check`? [unknown-key]",
    ])


@pytest.mark.parametrize("module", [M, editing, pages, publish, cli], ids=lambda module: module.__name__)
def test_every_text_of_every_messages_module_is_dutch(module):
    """The check's messages and the texts of `new`, the banner, the review summary, `build` and `make site`: as
    CONTRIBUTING.md quotes them (fields as ‹descriptions›), and the plain texts beside them."""
    texts = [value.quoted() if isinstance(value, M.Phrase) else value for name, value in vars(module).items()
             if name.isupper() and name not in ("ERROR", "WARNING") and isinstance(value, (M.Phrase, str))]
    assert len(texts) >= 3
    assert_dutch(texts)


def check(content) -> list[str]:
    """`generator check` in this process, as the command prints it: stdout and stderr, line by line."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        cli.main(["check", "--content", str(content)])
    return out.getvalue().splitlines() + err.getvalue().splitlines()


MUTATIONS = {**{f"broken/{k}": v for k, v in {**broken_cases.CASES, **broken_cases.WARNED}.items()},
             **{f"hostile/{k}": v for k, v in {**hostile_cases.CASES, **hostile_cases.ACCEPTED}.items()}}


def test_the_check_speaks_dutch_over_every_broken_and_hostile_case(tmp_path, monkeypatch):
    """One tree per case, the check run on each; the paths it prints are relative, so it runs from the tree's root."""
    printed = {}
    for number, (name, mutate) in enumerate(sorted(MUTATIONS.items())):
        root = tmp_path / str(number)
        shutil.copytree(SAMPLE, root / "content")
        mutate(root / "content")
        monkeypatch.chdir(root)
        printed[name] = check("content")
        assert len(printed[name]) >= 1, name
    assert len(printed) >= 60
    assert_dutch(line for lines in printed.values() for line in lines)


EXPECTATIONS = {
    "test_errors": [*test_errors.EXPECTED.values(), *test_errors.WARNINGS.values()],
    "test_hostile_bounds": test_hostile_bounds.EXPECTED.values(),
    "test_hostile_check": test_hostile_check.EXPECTED.values(),
    "test_hostile_input": test_hostile_input.EXPECTED.values(),
    "test_hostile_markup": test_hostile_markup.EXPECTED.values(),
    "test_hostile_paths": test_hostile_paths.EXPECTED.values(),
    "test_hostile_privacy": [lines for cases in (test_hostile_privacy.CONTACT_CASES,
                                                 test_hostile_privacy.INVISIBLE_CASES,
                                                 test_hostile_privacy.LOOK_ALIKE_CASES)
                             for lines in cases.values()],
    "test_outcomes_check": test_outcomes_check.EXPECTED.values(),
}


@pytest.mark.parametrize("module", sorted(EXPECTATIONS))
def test_every_expected_message_is_dutch(module):
    lines = [line for lines in EXPECTATIONS[module] for line in _lines(lines)]
    assert lines
    assert_dutch(lines)


def _lines(expectation) -> list[str]:
    """The message lines of one expectation, whatever shape the module gives it (a list of lines; a tuple of a
    mutation and its lines; a dict)."""
    if isinstance(expectation, str):
        return [expectation]
    if isinstance(expectation, dict):
        return [line for value in expectation.values() for line in _lines(value)]
    if isinstance(expectation, (list, tuple)):
        return [line for value in expectation if not callable(value) for line in _lines(value)]
    return []
