"""A forged review summary (issue 26, item 4): `generator diff` writes the public job summary of a pull request, so
what a change holds must not be able to write Markdown or HTML there. The summary's problems come first, all of
them; every content value in it is text (escaped), on one line.

Built like tests/test_review.py: two real commits in a temporary git repository, the real command.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.editing.diff import code, markdown_text

from conftest import run_cli, snapshot
from test_review import git, repo  # noqa: F401 (the sample committed on main, a branch `change`)

P1 = "proposals/2025/001-oefen-de-wijk.md"

# A note that, printed raw, ended the list, claimed the check passed and opened an HTML comment over the rest.
FORGED_NOTE = ("  - |\n    Klein verschil.\n\n    ### Meldingen van de controle (0)\n\n    Geen: `make check` slaagt.\n\n"
               "    <!--\n")
HOSTILE_FILE = f"""---
nummer: 5
titel: "<img src=https://evil.example/pixel.png> Gratis"
thema: bewustwording
ideeen: []
"<!--": x
"a`b``c": y
afwijkingen:
{FORGED_NOTE}  - {{lijst: "<script>alert(1)</script>"}}
---

## <img src=https://evil.example/kop.png> Beoogd effect

Tekst.
"""
# A title the check accepts, with every character that means something in Markdown or GitHub's rendering.
MARKUP_TITLE = 'Oefen *de* [wijk](https://evil.example/) | a & b $x$ ~~s~~ \\ `c` #1'
HEADINGS = re.compile(r"^(## Wat deze wijziging aan het verslag verandert|### (Meldingen van de controle|"
                      r"Stukken toegevoegd|Stukken verwijderd|Stukken gewijzigd|Koppelingen erbij|Koppelingen eraf|"
                      r"Afwijkingen toegevoegd|Afwijkingen verwijderd) \(\d+\))$")


def hostile_change(content: Path) -> None:
    (content / "proposals/2025/005-gratis.md").write_text(HOSTILE_FILE, encoding="utf-8")
    proposal = content / P1
    text = proposal.read_text(encoding="utf-8")
    text = text.replace("titel: Oefen de wijk", f"titel: '{MARKUP_TITLE}'")  # YAML keeps '\\' as it is
    text = text.replace("ideeen: [1, 2]", 'ideeen: [1, 2]\nafwijkingen:\n  - "Noot: *a* | [b](c) #1 ~~d~~"')
    text = text.replace("## Tweede stap", "## Tweede stap *vet* & `code` | x")
    proposal.write_text(text, encoding="utf-8")


def inert(summary: str) -> str:
    """What is left of the summary once every backslash escape, code span and generated heading is taken out:
    where content could still be markup, if any character that starts Markdown or HTML is left."""
    text = re.sub(r"\\[!-/:-@\[-`{-~]", "", summary)  # escapes, left to right ('\\' first)
    text = re.sub(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)", "", text)  # code spans: a run of n backticks to the next
    return "\n".join(line for line in text.splitlines() if not HEADINGS.match(line))


def test_a_hostile_change_cannot_forge_or_hide_the_problems(repo):
    content = repo / "content"
    hostile_change(content)
    before = snapshot(content)
    check = run_cli("check", cwd=repo, timeout=60)
    assert check.returncode == 1
    problems = check.stdout.splitlines()
    assert len(problems) >= 5

    result = run_cli("diff", "main", cwd=repo, timeout=60)
    assert (result.returncode, result.stderr) == (0, "")
    summary = result.stdout
    lines = summary.splitlines()
    # The problems come first, all of them, each one line, in the check's order and words.
    headings = [line for line in lines if line.startswith("#")]
    assert headings[:2] == ["## Wat deze wijziging aan het verslag verandert",
                            f"### Meldingen van de controle ({len(problems)})"]
    assert all(HEADINGS.match(line) for line in headings), headings  # no heading from content
    start = lines.index(f"### Meldingen van de controle ({len(problems)})")
    assert lines[start + 1:start + 4] == ["", "`make check` mislukt:", ""]
    listed = lines[start + 4:start + 4 + len(problems)]
    assert [re.sub(r"\\(.)", r"\1", line) for line in listed] == ["- " + p for p in problems]
    assert lines[start + 4 + len(problems)] == ""
    # Nothing of the content is markup: every character that could start some is escaped or in a code span.
    left = inert(summary)
    assert re.findall(r"[<>&\[\]`*_|$!~#\\]", left) == [], left
    assert "<!--" not in summary
    assert not re.search(r"(?<!\\)<img", summary)
    assert "Meldingen van de controle (0)" not in summary and "Geen: `make check` slaagt" not in summary
    # The content is there, as text: the checked title, heading and note escaped; the broken file without its
    # title or notes.
    assert markdown_text(f"voorstel 2025/1 “{MARKUP_TITLE}”") in summary
    assert "“Tweede stap \\*vet\\* \\& \\`code\\` \\| x”" in summary
    assert "Noot: \\*a\\* \\| \\[b\\](c) \\#1 \\~\\~d\\~\\~" in summary
    assert f"- voorstel 2025/5: {code('content/proposals/2025/005-gratis.md')}" in lines
    assert "Gratis" not in summary.replace("content/proposals/2025/005-gratis.md", "")
    assert snapshot(content) == before


def test_the_summary_of_a_small_hostile_change_exactly(repo):
    content = repo / "content"
    proposal = content / P1
    text = proposal.read_text(encoding="utf-8")
    proposal.write_text(text.replace("titel: Oefen de wijk", 'titel: "# Oefen <b> & [x](y) `z`"'), encoding="utf-8")
    (content / "proposals/2025/005-nep.md").write_text(
        "---\nnummer: 5\ntitel: Nep\nthema: bewustwording\nideeen: []\nafwijkingen:\n" + FORGED_NOTE + "---\n",
        encoding="utf-8")
    commit = git(repo, "rev-parse", "main")[:12]

    result = run_cli("diff", cwd=repo, timeout=60)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"""## Wat deze wijziging aan het verslag verandert

Vergeleken met `main` (commit `{commit}`).

### Meldingen van de controle (3)

`make check` mislukt:

- content/proposals/2025/001-oefen-de-wijk.md:3: '\\<b\\>' is HTML, en in de tekst mag alleen Markdown staan: haal de tag weg; schrijf bijv. vet als \\*\\*vet\\*\\*, schuin als \\*schuin\\* en een link als \\[tekst\\](https://…) \\[raw-html\\]
- content/proposals/2025/005-nep.md:7: de waarde van 'afwijkingen\\[0\\]' loopt over meer dan één regel: schrijf hem op één regel (zonder '\\|' of '\\>' na de dubbele punt) \\[multi-line\\]
- content/proposals/2025/005-nep.md:14: '\\<\\!--' begint HTML (een '\\<' direct voor een letter, '/', '\\!' of '?') die nergens wordt afgesloten: de tekst is Markdown zonder HTML; schrijf een spatie na de '\\<' ('a \\< b'), of haal de '\\<' weg \\[raw-html\\]

### Stukken toegevoegd (1)

- voorstel 2025/5: `content/proposals/2025/005-nep.md`

### Stukken gewijzigd (1)

- voorstel 2025/1: `content/proposals/2025/001-oefen-de-wijk.md`; sleutel `titel`

### Koppelingen eraf (2)

- voorstel 2025/1 → idee 2025/1
- voorstel 2025/1 → idee 2025/2
"""


@pytest.mark.parametrize("value, expected", [
    ("a\n\n### Meldingen van de controle (0)\n<!--", "a \\#\\#\\# Meldingen van de controle (0) \\<\\!--"),
    ("# kop", "\\# kop"), ("> quote", "\\> quote"), ("- item", "\\- item"), ("+ item", "\\+ item"),
    ("= setext", "\\= setext"), ("<img src=https://evil.example/x.png>", "\\<img src=https://evil.example/x.png\\>"),
    ("&lt;script&gt;", "\\&lt;script\\&gt;"), ("a | b", "a \\| b"), ("[x](y)", "\\[x\\](y)"), ("![x](y)", "\\!\\[x\\](y)"),
    ("*a* _b_ ~~c~~ $d$", "\\*a\\* \\_b\\_ \\~\\~c\\~\\~ \\$d\\$"), ("`c`", "\\`c\\`"), ("a\\b", "a\\\\b"),
    ("rechts\u202elinks", "rechts\\\\u202elinks"), ("nul\x00", "nul\\\\x00"), (5, "5"),
])
def test_markdown_text_escapes_every_construct(value, expected):
    assert markdown_text(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("content/a.md", "`content/a.md`"), ("a`b", "``a`b``"), ("a``b`", "``` a``b` ```"), ("<!--\n-->", "`<!-- -->`"),
])
def test_code_spans_cannot_end_early(value, expected):
    assert code(value) == expected
