"""Hostile pull requests, numbers, names, addresses and links (issue 26, items 3, 5 and 6): whatever number, name,
slug or link a pull request holds, `check` answers with coded lines (exit 1, exact text, no traceback, content/
byte-identical), and nothing outside content/ is ever opened, however it is reached.

The cases are mutations of the sample tree, like broken_cases.py; links are made for real.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.pages.generate import generate, load_catalog
from generator.pages.render import MAX_PATH_PART, address_problems
from generator.content.validate import number_text

from broken_cases import E25, I1, P1, P2, REGISTER, W1, both, rename, replace
from conftest import ROOT, SAMPLE_PASSED, assert_reported, run_cli, site_root, snapshot

I3 = "ideas/2025/003-zonder-voorstel.md"
E26 = "editions/2026.md"
HUGE = "9" * 5000
# Refused by the loader at any length over 20 characters; 4,000 digits was a number Python still reads (the build
# then failed on a page name 'groep-999…' too long for the file system).
DIGITS_4000 = "9" * 4000
NUMBER_REFUSED = ("hier staat een getal van {} tekens; een getal in de inhoud heeft er hoogstens 20: schrijf het getal "
                  "zoals het in de bron staat (bedoelt u tekst, zet die dan tussen aanhalingstekens) [wrong-type]")


def refused_number(where: str, characters: str) -> str:
    return f"content/{where}: " + NUMBER_REFUSED.format(characters)


def long_name(number: str, length: int) -> str:
    """A valid entry file name of exactly `length` characters: the number, whole words, '.md'."""
    slug = "-".join(["weerbaarheid"] * 30)[: length - len(number) - 4]
    slug = slug[:-1] + "x" if slug.endswith("-") else slug
    name = f"{number}-{slug}.md"
    assert len(name) == length
    return name


def insert_after(rel: str, anchor: str, lines: str):
    return replace(rel, anchor, anchor + lines)


SUGGESTED = "weerbaarheid-weerbaarheid-weerbaarheid-weerbaarheid"  # the slug cut after its last whole word in 60
LONG_SLUG = "a" * 101


def too_long_name(rel: str, length: int, number: str) -> str:
    return (f"content/{rel}: de bestandsnaam is {length} tekens lang; een naam mag hoogstens 100 tekens hebben, want hij "
            "wordt ook het webadres van de pagina en de naam van bestanden van de site: hernoem het bestand, bijv. "
            f"naar {number}-{SUGGESTED}.md [bad-file-name]")


def too_long_slug(where: str, key: str, length: str) -> str:
    return (f"content/{where}: '{key}' is {length} tekens lang, meer dan de 100 die hier mogen; een slug wordt een "
            "deel van een webadres en van bestandsnamen van de site: kies een kortere slug [wrong-type]")


def above(where: str, key: str, value: str, maximum: str) -> str:
    return (f"content/{where}: '{key}' is {value}, meer dan {maximum}, het hoogste getal dat hier kan: schrijf het "
            "getal zoals het in de bron staat [wrong-type]")


P1_LONG = f"proposals/2025/{long_name('001', 101)}"
I3_LONG = f"ideas/2025/{long_name('003', 140)}"
W1_LONG = f"workshops/2026/{long_name('001', 200)}"
P2_255 = f"proposals/2025/{long_name('002', 255)}"

CASES = {
    # Item 3: numbers. Too many characters for a number, anywhere: refused while the YAML is parsed, at its line.
    "huge-group": replace(P1, "groep: 2", f"groep: {HUGE}"),
    "group-of-4000-digits": replace(P1, "groep: 2", f"groep: {DIGITS_4000}"),
    "huge-negative-group": replace(P1, "groep: 2", f"groep: -{HUGE}"),
    "huge-group-with-underscores": replace(P1, "groep: 2", "groep: " + "1_" * 3000 + "0"),
    "huge-group-hexadecimal": replace(P1, "groep: 2", "groep: 0x" + "f" * 5000),
    "huge-group-sexagesimal": replace(P1, "groep: 2", "groep: 1" + ":00" * 3000),
    "group-of-21-digits": replace(P1, "groep: 2", "groep: 123456789012345678901"),
    "huge-volunteers": replace(P1, "vrijwilligers: 3", f"vrijwilligers: {HUGE}"),
    "huge-number": replace(P1, "nummer: 1", f"nummer: {HUGE}"),
    "huge-title": replace(P1, "titel: Oefen de wijk", f"titel: {HUGE}"),
    # (A key of more than 1,024 characters is no key for YAML: a syntax error; 1,000 digits are a key.)
    "huge-key": replace(P1, "groep: 2", f"groep: 2\n{'9' * 1000}: x"),
    "huge-idea-reference": replace(P1, "ideeen: [1, 2]", f"ideeen: [1, {HUGE}]"),
    "huge-related-idea": replace(W1, 'verwante_ideeen: ["2025/1", "2025/2"]', f"verwante_ideeen: [{HUGE}]"),
    "huge-leader-name": replace(W1, "  - naam: Ada Voorbeeld", f"  - naam: {HUGE}"),
    "huge-edition-source": replace(E25, "  - Een voorbeeldbron.", f"  - {HUGE}"),
    "huge-register-spelling": replace(REGISTER, "[Gemeente]", f"[Gemeente, {HUGE}]"),
    "huge-register-key": replace(REGISTER, "    soort: overheid\n", f"    soort: overheid\n    {'9' * 1000}: x\n"),
    # Numbers a file can hold, outside their range.
    "group-above-maximum": replace(P1, "groep: 2", "groep: 1000"),
    "group-zero": replace(P1, "groep: 2", "groep: 0"),
    "group-negative": replace(P1, "groep: 2", "groep: -5"),
    "group-of-20-digits": replace(P1, "groep: 2", "groep: 12345678901234567890"),
    "number-above-maximum": replace(P1, "nummer: 1", "nummer: 10000"),
    "number-zero": replace(P1, "nummer: 1", "nummer: 0"),
    "volunteers-above-maximum": replace(P1, "vrijwilligers: 3", "vrijwilligers: 10001"),
    "idea-reference-above-maximum": replace(P1, "ideeen: [1, 2]", "ideeen: [1, 10000]"),
    "related-idea-above-maximum": replace(W1, '"2025/2"', '"2025/10000"'),
    "title-a-number-of-20-digits": replace(P1, "titel: Oefen de wijk", "titel: 12345678901234567890"),
    # Item 3: names. A file name longer than 100 characters, in each kind's folder, up to the 255 bytes a file
    # system allows; a slug longer than 100, in each place a slug becomes a path.
    "long-name-proposal": rename(P1, P1_LONG),
    "long-name-idea": rename(I3, I3_LONG),
    "long-name-workshop": rename(W1, W1_LONG),
    "name-of-255-bytes": rename(P2, P2_255),
    "long-category-slug": both(replace(E25, "slug: oefenen", f"slug: {LONG_SLUG}"),
                               replace(I1, "categorie: oefenen", f"categorie: {LONG_SLUG}"),
                               replace(I3, "categorie: oefenen", f"categorie: {LONG_SLUG}")),
    "long-theme-slug": replace(E25, "slug: bewustwording", f"slug: {'b' * 5000}"),
    "long-subcategory-slug": replace(E25, "slug: lokaal", f"slug: {LONG_SLUG}"),
    "long-party-slug": replace(REGISTER, "slug: tno", f"slug: {LONG_SLUG}"),
    # Item 5: a page may not take another's address.
    "party-slug-index": replace(REGISTER, "slug: tno", "slug: index"),
    "theme-slug-index": both(replace(E25, "slug: vitale-processen", "slug: index"),
                             replace(P2, "thema: vitale-processen", "thema: index")),
    "category-slug-index": both(replace(E25, "slug: oefenen", "slug: index"),
                                replace(I1, "categorie: oefenen", "categorie: index"),
                                replace(I3, "categorie: oefenen", "categorie: index")),
    "category-and-theme-index-in-2026": both(replace(E26, "  - slug: algemeen\n    naam: Algemeen\ncategorieen:",
                                                     "  - slug: index\n    naam: Algemeen\ncategorieen:"),
                                             replace(E26, "categorieen:\n  - slug: algemeen",
                                                     "categorieen:\n  - slug: index"),
                                             replace("ideas/2026/001-verder.md", "categorie: algemeen",
                                                     "categorie: index"),
                                             replace("proposals/2026/001-nieuw-voorstel.md", "thema: algemeen",
                                                     "thema: index")),
    "duplicate-theme-slug": insert_after(E25, "themas:\n", "  - slug: vitale-processen\n    naam: Nog een thema\n"),
    "duplicate-category-slug": insert_after(E25, '        naam: "1. Lokaal voorbereiden"\n',
                                            "  - slug: voorbereiden\n    naam: Later\n"),
    "category-slug-three-times": insert_after(E25, "categorieen:\n", "  - slug: oefenen\n    naam: Een\n"
                                              "  - slug: oefenen\n    naam: Twee\n"),
}

EXPECTED = {
    "huge-group": [refused_number("proposals/2025/001-oefen-de-wijk.md:6", "5.000")],
    "group-of-4000-digits": [refused_number("proposals/2025/001-oefen-de-wijk.md:6", "4.000")],
    "huge-negative-group": [refused_number("proposals/2025/001-oefen-de-wijk.md:6", "5.001")],
    "huge-group-with-underscores": [refused_number("proposals/2025/001-oefen-de-wijk.md:6", "6.001")],
    "huge-group-hexadecimal": [refused_number("proposals/2025/001-oefen-de-wijk.md:6", "5.002")],
    "huge-group-sexagesimal": [refused_number("proposals/2025/001-oefen-de-wijk.md:6", "9.001")],
    "group-of-21-digits": [refused_number("proposals/2025/001-oefen-de-wijk.md:6", "21")],
    "huge-volunteers": [refused_number("proposals/2025/001-oefen-de-wijk.md:7", "5.000")],
    "huge-number": [refused_number("proposals/2025/001-oefen-de-wijk.md:2", "5.000")],
    "huge-title": [refused_number("proposals/2025/001-oefen-de-wijk.md:3", "5.000")],
    "huge-key": [refused_number("proposals/2025/001-oefen-de-wijk.md:7", "1.000")],
    "huge-idea-reference": [refused_number("proposals/2025/001-oefen-de-wijk.md:8", "5.000")],
    "huge-related-idea": [refused_number("workshops/2026/001-burgerreserve.md:9", "5.000")],
    "huge-leader-name": [refused_number("workshops/2026/001-burgerreserve.md:5", "5.000")],
    "huge-edition-source": [refused_number("editions/2025.md:5", "5.000")],
    "huge-register-spelling": [refused_number("partijen.yml:7", "5.000")],
    "huge-register-key": [refused_number("partijen.yml:7", "1.000")],
    "group-above-maximum": [above("proposals/2025/001-oefen-de-wijk.md:6", "groep", "1000", "999")],
    "group-zero": ["content/proposals/2025/001-oefen-de-wijk.md:6: 'groep' is 0; hier hoort een heel getal van 1 "
                   "of meer, bijv. 'groep: 2' [wrong-type]"],
    "group-negative": ["content/proposals/2025/001-oefen-de-wijk.md:6: 'groep' is -5; hier hoort een heel getal van "
                       "1 of meer, bijv. 'groep: 2' [wrong-type]"],
    "group-of-20-digits": [above("proposals/2025/001-oefen-de-wijk.md:6", "groep", "12345678901234567890", "999")],
    "number-above-maximum": [
        above("proposals/2025/001-oefen-de-wijk.md:2", "nummer", "10000", "9.999"),
        "content/proposals/2025/001-oefen-de-wijk.md:2: de bestandsnaam heeft nummer 1, maar 'nummer' is 10000: "
        "verander de regel in 'nummer: 1' [number-mismatch]",
    ],
    "number-zero": [
        "content/proposals/2025/001-oefen-de-wijk.md:2: 'nummer' is 0; hier hoort een heel getal van 1 of meer, "
        "bijv. 'nummer: 1' [wrong-type]",
        "content/proposals/2025/001-oefen-de-wijk.md:2: de bestandsnaam heeft nummer 1, maar 'nummer' is 0: "
        "verander de regel in 'nummer: 1' [number-mismatch]",
    ],
    "volunteers-above-maximum": [above("proposals/2025/001-oefen-de-wijk.md:7", "vrijwilligers", "10001", "10.000")],
    "idea-reference-above-maximum": [above("proposals/2025/001-oefen-de-wijk.md:8", "ideeen[1]", "10000", "9.999")],
    "related-idea-above-maximum": [
        "content/workshops/2026/001-burgerreserve.md:9: 'verwante_ideeen[1]' is '2025/10000'; hier hoort een "
        "nummer (bijv. 14) of 'jaar/nummer' (bijv. '2025/14') [wrong-type]",
    ],
    "title-a-number-of-20-digits": [
        "content/proposals/2025/001-oefen-de-wijk.md:3: 'titel' is 12345678901234567890; hier hoort tekst: zet de "
        "waarde tussen dubbele aanhalingstekens, bijv. 'titel: \"12345678901234567890\"' [wrong-type]",
    ],
    "long-name-proposal": [too_long_name(f"{P1_LONG}:1", 101, "001")],
    "long-name-idea": [too_long_name(f"{I3_LONG}:1", 140, "003")],
    "long-name-workshop": [too_long_name(f"{W1_LONG}:1", 200, "001")],
    "name-of-255-bytes": [too_long_name(f"{P2_255}:1", 255, "002")],
    "long-category-slug": [too_long_slug("editions/2025.md:14", "categorieen[0].slug", "101")],
    "long-theme-slug": [too_long_slug("editions/2025.md:9", "themas[0].slug", "5.000")],
    "long-subcategory-slug": [too_long_slug("editions/2025.md:19", "categorieen[1].subcategorieen[0].slug", "101")],
    "long-party-slug": [too_long_slug("partijen.yml:15", "partijen[3].slug", "101")],
    "party-slug-index": [
        "content/partijen.yml:15: de partij met slug 'index' krijgt het webadres /partijen/, maar dat is het adres "
        "van het overzicht van de partijen, een pagina die de site zelf maakt: kies een andere slug [duplicate-address]",
    ],
    "theme-slug-index": [
        "content/editions/2025.md:11: het thema met slug 'index' van 2025 krijgt het webadres /themas/2025/, maar dat "
        "is het adres van de map zelf ('index' is de naam van de pagina van een map): kies een andere slug "
        "[duplicate-address]",
    ],
    "category-slug-index": [
        "content/editions/2025.md:14: de categorie met slug 'index' van 2025 krijgt het webadres /categorieen/2025/, "
        "maar dat is het adres van de map zelf ('index' is de naam van de pagina van een map): kies een andere slug "
        "[duplicate-address]",
    ],
    "category-and-theme-index-in-2026": [
        "content/editions/2026.md:5: het thema met slug 'index' van 2026 krijgt het webadres /themas/2026/, maar dat "
        "is het adres van de map zelf ('index' is de naam van de pagina van een map): kies een andere slug "
        "[duplicate-address]",
        "content/editions/2026.md:8: de categorie met slug 'index' van 2026 krijgt het webadres /categorieen/2026/, "
        "maar dat is het adres van de map zelf ('index' is de naam van de pagina van een map): kies een andere slug "
        "[duplicate-address]",
    ],
    "duplicate-theme-slug": [
        "content/editions/2025.md:13: het thema met slug 'vitale-processen' van 2025 krijgt het webadres "
        "/themas/2025/vitale-processen/, net als het thema met slug 'vitale-processen' van 2025 "
        "(content/editions/2025.md:9); twee pagina's kunnen niet één adres hebben: kies een andere slug "
        "[duplicate-address]",
    ],
    "duplicate-category-slug": [
        "content/editions/2025.md:21: de categorie met slug 'voorbereiden' van 2025 krijgt het webadres "
        "/categorieen/2025/voorbereiden/, net als de categorie met slug 'voorbereiden' van 2025 "
        "(content/editions/2025.md:16); twee pagina's kunnen niet één adres hebben: kies een andere slug "
        "[duplicate-address]",
    ],
    "category-slug-three-times": [
        "content/editions/2025.md:16: de categorie met slug 'oefenen' van 2025 krijgt het webadres "
        "/categorieen/2025/oefenen/, net als de categorie met slug 'oefenen' van 2025 (content/editions/2025.md:14); "
        "twee pagina's kunnen niet één adres hebben: kies een andere slug [duplicate-address]",
        "content/editions/2025.md:18: de categorie met slug 'oefenen' van 2025 krijgt het webadres "
        "/categorieen/2025/oefenen/, net als de categorie met slug 'oefenen' van 2025 (content/editions/2025.md:14); "
        "twee pagina's kunnen niet één adres hebben: kies een andere slug [duplicate-address]",
    ],
}

ACCEPTED = {
    "name-of-100-characters": rename(P1, f"proposals/2025/{long_name('001', 100)}"),
    "party-slug-of-100-characters": replace(REGISTER, "slug: tno", f"slug: {'t' * 100}"),
    "largest-numbers": both(replace(P1, "groep: 2", "groep: 999"), replace(P1, "vrijwilligers: 3", "vrijwilligers: 10000")),
    "no-volunteers": replace(P1, "vrijwilligers: 3", "vrijwilligers: 0"),
    "same-category-slug-in-two-editions": both(replace(E26, "categorieen:\n  - slug: algemeen", "categorieen:\n  - slug: oefenen"),
                                               replace("ideas/2026/001-verder.md", "categorie: algemeen",
                                                       "categorie: oefenen")),
    "index-in-a-name-or-title": both(replace(REGISTER, "slug: tno", "slug: index-tno"),
                                     replace(P1, "titel: Oefen de wijk", "titel: index")),
}


def test_every_case_has_an_expectation():
    assert sorted(EXPECTED) == sorted(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_numbers_names_and_addresses_are_reported_exactly(name, content):
    CASES[name](content)
    assert_reported(content, EXPECTED[name], timeout=60)


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_accepted_variants_pass(name, content):
    ACCEPTED[name](content)
    before = snapshot(content)
    result = run_cli("check", cwd=content.parent, timeout=60)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.endswith(SAMPLE_PASSED + "\n")
    assert snapshot(content) == before


@pytest.mark.parametrize("name", ["huge-group", "group-of-4000-digits", "name-of-255-bytes", "party-slug-index"])
def test_what_crashed_the_build_fails_it_cleanly_and_keeps_the_previous_docs(name, content):
    out = content.parent / "docs"
    assert run_cli("build", "--out", str(out), cwd=content.parent, timeout=60).returncode == 0
    previous = snapshot(out)
    CASES[name](content)
    result = run_cli("build", "--out", str(out), cwd=content.parent, timeout=60)
    assert (result.returncode, result.stdout.splitlines()) == (1, EXPECTED[name])
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(out) == previous


def test_diff_of_a_huge_number_reports_it_without_a_traceback(content):
    """`generator diff` read every value too: a 5,000-digit number crashed it as it crashed the check."""
    repo = content.parent
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
    subprocess.run(["git", "add", "content"], cwd=repo, check=True)
    subprocess.run(["git", "-c", "user.name=R", "-c", "user.email=r@example.org", "commit", "-q", "-m", "x"], cwd=repo,
                   check=True)
    CASES["huge-group"](content)
    result = run_cli("diff", cwd=repo, timeout=60)
    assert (result.returncode, result.stderr) == (0, "")
    assert "- " + EXPECTED["huge-group"][0].replace("[", "\\[").replace("]", "\\]") in result.stdout.splitlines()


def test_the_longest_names_the_check_accepts_build_a_site(tmp_path):
    """The limits are safe: a 100-character file name in each kind's folder and 100-character slugs for a party,
    a theme and a category (its dossier PDF too) build the whole publication, online and offline."""
    root = site_root(tmp_path, ROOT / "tests/fixtures/sample/content")
    content = root / "content"
    rename(P1, f"proposals/2025/{long_name('001', 100)}")(content)
    rename(I3, f"ideas/2025/{long_name('003', 100)}")(content)
    rename(W1, f"workshops/2026/{long_name('001', 100)}")(content)
    replace(REGISTER, "slug: tno", f"slug: {'t' * 100}")(content)
    replace(E25, "slug: vitale-processen", f"slug: {'v' * 100}")(content)
    replace(P2, "thema: vitale-processen", f"thema: {'v' * 100}")(content)
    replace(E25, "slug: oefenen", f"slug: {'o' * 100}")(content)
    replace(I1, "categorie: oefenen", f"categorie: {'o' * 100}")(content)
    replace(f"ideas/2025/{long_name('003', 100)}", "categorie: oefenen", f"categorie: {'o' * 100}")(content)
    result = run_cli("site", "--root", str(root), timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    site = root / "site"
    assert (site / f"categorieen/2025/{'o' * 100}/index.html").is_file()
    assert (site / f"downloads/pdf/2025-{'o' * 100}.pdf").is_file()
    assert (site / f"partijen/{'t' * 100}/index.html").is_file()
    assert (site / f"voorstellen/2025/{long_name('001', 100)[:-3]}/index.html").is_file()


def test_the_page_plan_refuses_a_path_part_no_file_system_takes():
    """Behind the schemas: whatever slug reaches the page plan, no part of a page's path is longer than
    MAX_PATH_PART (here a party slug the schema would have refused, set on the checked catalog)."""
    catalog = load_catalog(ROOT / "tests/fixtures/sample/content")
    party = next(p for p in catalog.parties if p.slug == "tno")
    party.slug = "t" * 300
    assert [str(p) for p in address_problems(catalog)] == [
        f"content/partijen.yml:15: de partij met slug '{'t' * 300}' krijgt een webadres met een deel van 303 tekens, "
        f"meer dan de {MAX_PATH_PART} die een pagina mag hebben: kies een kortere slug [wrong-type]"]


def test_no_two_generated_files_share_a_path():
    """The renderer writes each path once; with the check bypassed, a collision raises instead of replacing a
    page (the Partijen index by a party's page)."""
    catalog = load_catalog(ROOT / "tests/fixtures/sample/content")
    assert address_problems(catalog) == []
    next(p for p in catalog.parties if p.slug == "tno").slug = "index"
    with pytest.raises(ValueError, match="two pages at partijen/index.md: de partij met slug 'index'"):
        generate(catalog)


def test_number_text_never_turns_a_huge_int_into_text():
    """Python refuses str() of an int of more than 4,300 digits; a message shows how many digits it has."""
    assert number_text(12345678901234567890) == "12345678901234567890"
    assert number_text(10**20) == "een getal van 21 cijfers"
    assert number_text(-(10**5000)) == "een getal van 5.001 cijfers"
    assert number_text(10**4999 * 9) == "een getal van 5.000 cijfers"


# Item 6: links out of content/. The file outside holds a secret that must appear nowhere, and is never opened.
SECRET = "GEHEIM-7f3a9c"
SECRET_REGISTER = (f"partijen:\n  - slug: gemeenten\n    naam: {SECRET}\n    soort: overheid\n"
                   f"    sleutel-{SECRET}: \"{SECRET}\"\n")
SECRET_ENTRY = f"---\nnummer: 5\ntitel: {SECRET}\nthema: bewustwording\nideeen: []\n{SECRET}: x\n---\n\n{SECRET}\n"
OUTSIDE = ("dit is een koppeling (symlink) naar een plek buiten content/: zet het bestand zelf in content/, in plaats "
           "van de koppeling [bad-path]")
# Every open() and os.open() of the command, written to a file: the proof that nothing outside content/ is read.
AUDITED = """
import os, sys
opened = []
sys.addaudithook(lambda event, args: opened.append(os.path.abspath(os.fsdecode(args[0]))) if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)) else None)
from generator.cli import main
code = main(sys.argv[1:])
with open(os.environ["OPENED"], "w", encoding="utf-8") as log:
    log.write("\\n".join(opened))
sys.exit(code)
"""


def secret_outside(content: Path, name: str, text: str) -> Path:
    secret = content.parent / "buiten" / name
    secret.parent.mkdir(exist_ok=True)
    secret.write_text(text, encoding="utf-8")
    return secret


def link(path: Path, target) -> None:
    path.unlink(missing_ok=True)
    path.symlink_to(target)


def register_absolute(content: Path) -> None:
    link(content / REGISTER, secret_outside(content, "partijen.yml", SECRET_REGISTER))


def register_relative(content: Path) -> None:
    secret_outside(content, "partijen.yml", SECRET_REGISTER)
    link(content / REGISTER, "../buiten/partijen.yml")


def register_through_a_link_inside(content: Path) -> None:
    secret_outside(content, "partijen.yml", SECRET_REGISTER)
    link(content / "editions/tussen.yml", "../../buiten/partijen.yml")
    link(content / REGISTER, "editions/tussen.yml")


def entry_outside(content: Path) -> None:
    link(content / "proposals/2025/005-geheim.md", secret_outside(content, "005-geheim.md", SECRET_ENTRY))


def entry_replaced_by_a_link(content: Path) -> None:
    link(content / P2, secret_outside(content, "002-noodpakket.md", SECRET_ENTRY.replace("nummer: 5", "nummer: 2")))


def edition_through_dot_dot(content: Path) -> None:
    secret_outside(content, "2027.md", SECRET_ENTRY)
    link(content / "editions/2027.md", "../proposals/../../buiten/2027.md")


def content_is_a_link(content: Path) -> None:
    """content/ itself replaced by a link to a folder outside, holding a register and an entry with the secret."""
    elsewhere = content.parent / "elders"
    content.rename(elsewhere)
    (elsewhere / REGISTER).write_text(SECRET_REGISTER, encoding="utf-8")
    (elsewhere / "proposals/2025/005-geheim.md").write_text(SECRET_ENTRY, encoding="utf-8")
    content.symlink_to(elsewhere)


def register_is_a_fifo(content: Path) -> None:
    (content / REGISTER).unlink()
    os.mkfifo(content / REGISTER)


def register_is_a_folder(content: Path) -> None:
    (content / REGISTER).unlink()
    (content / REGISTER).mkdir()


NOT_A_FILE = ("geen gewoon bestand; in content/ staan alleen gewone bestanden en mappen: zet hier het echte bestand of "
              "de echte map neer, of haal dit weg")
LINKS = {
    "register-is-a-fifo": (register_is_a_fifo, [f"content/partijen.yml:1: dit is een FIFO (een 'named pipe'), "
                                                f"{NOT_A_FILE} [not-a-file]"]),
    "register-is-a-folder": (register_is_a_folder, [f"content/partijen.yml:1: dit is een map, {NOT_A_FILE} "
                                                    "[not-a-file]"]),
    "register-absolute": (register_absolute, [f"content/partijen.yml:1: {OUTSIDE}"]),
    "register-relative": (register_relative, [f"content/partijen.yml:1: {OUTSIDE}"]),
    "register-through-a-link-inside": (register_through_a_link_inside, [
        f"content/editions/tussen.yml:1: {OUTSIDE}", f"content/partijen.yml:1: {OUTSIDE}"]),
    "entry-outside": (entry_outside, [f"content/proposals/2025/005-geheim.md:1: {OUTSIDE}"]),
    "entry-replaced-by-a-link": (entry_replaced_by_a_link, [f"content/proposals/2025/002-noodpakket.md:1: {OUTSIDE}"]),
    "edition-through-dot-dot": (edition_through_dot_dot, [f"content/editions/2027.md:1: {OUTSIDE}"]),
    "content-is-a-link": (content_is_a_link, [
        "content:1: content/ is een koppeling (symlink) naar een andere plek; de inhoud moet in een gewone map staan: "
        "zet de bestanden zelf in content/ en verwijder de koppeling [bad-path]"]),
}


def run_audited(*args: str, cwd: Path, log: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OPENED": str(log)}
    return subprocess.run([sys.executable, "-c", AUDITED, *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=60)


def opened_outside(log: Path, tree: Path, content: Path) -> list[str]:
    """The files below `tree` (the test's folder) that the command opened and that are not inside content/.
    (Folders are left out: removing the diff's temporary export opens each of its folders by a name relative to
    its parent, which the hook cannot tell from one relative to the working directory.)"""
    real_content = os.path.realpath(content)
    found = []
    for path in log.read_text(encoding="utf-8").splitlines():
        real = os.path.realpath(path)
        if real.startswith(str(tree.resolve()) + os.sep) and not real.startswith(real_content + os.sep) \
                and real != str(log.resolve()) and os.path.isfile(real):
            found.append(real)
    return found


def opened_refused(log: Path, root: Path, expected: list[str]) -> list[str]:
    """The refused paths (as the problems name them, relative to `root`) that the command opened all the same
    (but for folders, as above: content/ as a link is refused and never walked)."""
    refused = {str(root / line.split(":", 1)[0]) for line in expected}
    return [path for path in log.read_text(encoding="utf-8").splitlines() if path in refused and not os.path.isdir(path)]


@pytest.mark.parametrize("name", sorted(LINKS))
def test_a_link_out_of_content_is_refused_and_never_read(name, content, tmp_path):
    make, expected = LINKS[name]
    make(content)
    before = snapshot(content)
    log = tmp_path / "opened.txt"
    result = run_audited("check", cwd=content.parent, log=log)
    assert (result.returncode, result.stdout.splitlines()) == (1, expected)
    assert "Traceback" not in result.stdout + result.stderr and SECRET not in result.stdout + result.stderr
    assert opened_outside(log, tmp_path, content if name != "content-is-a-link" else tmp_path / "nowhere") == []
    assert opened_refused(log, content.parent, expected) == []
    assert snapshot(content) == before


@pytest.mark.parametrize("name", sorted(LINKS))
def test_the_review_summary_of_a_link_out_shows_no_secret(name, content, tmp_path):
    """The public job summary: the base is the sample, the change adds the link; `diff` reports the problem and
    opens nothing outside content/ (nor does its export of the base)."""
    repo = content.parent
    git = ["git", "-c", "user.name=R", "-c", "user.email=r@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q", "-b", "main"], cwd=repo, check=True)
    subprocess.run([*git, "add", "content"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "sample"], cwd=repo, check=True)
    make, expected = LINKS[name]
    make(content)
    log = tmp_path / "opened.txt"
    result = run_audited("diff", "main", cwd=repo, log=log)
    assert (result.returncode, result.stderr) == (0, "")
    assert SECRET not in result.stdout
    lines = result.stdout.splitlines()
    problems = lines[lines.index(f"### Meldingen van de controle ({len(expected)})") + 4:][:len(expected)]
    assert problems == ["- " + line.replace("[", "\\[").replace("]", "\\]") for line in expected]
    assert opened_outside(log, tmp_path, content if name != "content-is-a-link" else tmp_path / "nowhere") == []
    assert opened_refused(log, repo, expected) == []


def test_a_link_committed_on_the_base_branch_is_not_followed_by_the_export(content, tmp_path):
    """The base ref itself holds a link out (as if merged before this rule): `diff` exports the base's content
    without it, so the summary's base side never reads the secret either."""
    repo = content.parent
    git = ["git", "-c", "user.name=R", "-c", "user.email=r@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q", "-b", "main"], cwd=repo, check=True)
    register_absolute(content)
    subprocess.run([*git, "add", "content"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "base with a link"], cwd=repo, check=True)
    log = tmp_path / "opened.txt"
    result = run_audited("diff", "main", cwd=repo, log=log)
    assert (result.returncode, result.stderr) == (0, "")
    assert SECRET not in result.stdout
    assert f"- content/partijen.yml:1: {OUTSIDE}".replace("[", "\\[").replace("]", "\\]") in result.stdout.splitlines()
    assert opened_outside(log, tmp_path, content) == []
