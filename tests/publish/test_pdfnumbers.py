"""The page numbers of a dossier's contents, written into its one print (generator/publish/pdfnumbers.py): the same PDF, to
the eye and to a text reader, as the one Chromium prints with the numbers filled in; when they cannot be written in,
the browser prints them."""
from __future__ import annotations

import html
import io
import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from pypdf import PdfReader

from generator.publish.pdf import FILL_IN, LOCAL_ORIGIN, _pdf, print_report, serve_from
from generator.publish.pdfnumbers import PLACEHOLDER, heading_pages, write_numbers


@pytest.fixture
def dossier(real_site, browser):
    """A dossier page of the real site, loaded as the printers load it; returns the page and its contents' targets."""
    page = browser.new_context(java_script_enabled=False).new_page()
    page.emulate_media(media="print")
    page.route("**/*", serve_from(real_site, LOCAL_ORIGIN))
    page.goto(LOCAL_ORIGIN + "categorieen/2025/bewustwording/", wait_until="load")
    targets = page.evaluate(FILL_IN, ["Gemaakt op 1 januari 2025", {}, PLACEHOLDER])
    yield page, targets
    page.context.close()


def _text(data: bytes, tmp_path: Path, name: str) -> str:
    (tmp_path / name).write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(tmp_path / name), "-"], capture_output=True, text=True,
                          check=True).stdout


# How far a word may sit from where the other PDF has it, in points (1/72 inch): the same layout gives the same
# boxes but for rounding; a digit or a line out of place moves by whole points.
POSITION_TOLERANCE = 0.1
WORD = re.compile(r'<word xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)">(.*?)</word>')


def _words(data: bytes, tmp_path: Path, name: str, page: int) -> list[tuple[str, tuple[float, ...]]]:
    """Every word of one page as a text reader gets it (pdftotext reads the fonts' ToUnicode maps), with its box."""
    (tmp_path / name).write_bytes(data)
    xhtml = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(tmp_path / name), "-"],
                           capture_output=True, text=True, check=True).stdout
    return [(html.unescape(word), tuple(float(value) for value in box))
            for *box, word in WORD.findall(xhtml)]


def _same_words(written: list, printed: list) -> bool:
    return [word for word, _ in written] == [word for word, _ in printed] and all(
        abs(a - b) <= POSITION_TOLERANCE for (_, box_a), (_, box_b) in zip(written, printed)
        for a, b in zip(box_a, box_b))


def _image(data: bytes, tmp_path: Path, name: str, page: int) -> Image.Image:
    (tmp_path / name).write_bytes(data)
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-f", str(page), "-l", str(page), str(tmp_path / name),
                    str(tmp_path / name)], check=True)
    with Image.open(next(tmp_path.glob(f"{name}-*{page}.pgm"))) as image:
        return image.copy()


# Pixels that are ink in one image and paper in the other (more than this many of 255 grey levels apart). Two
# Chromium builds may anti-alias a glyph's edge differently (Debian's 156 moved 1,224 pixels of a contents page by
# at most 64 levels against our written numbers, the same to the eye); a digit or an underline drawn in another
# place turns whole strokes from paper to ink: one contents number printed one higher made 72 such pixels (measured
# with Chromium 156, where the two prints had none; words of the two stood at most 0.0015 pt apart).
INK_APART = 160
INK_PIXELS_ALLOWED = 40


def _ink_apart(a: Image.Image, b: Image.Image) -> int:
    assert a.size == b.size
    histogram = ImageChops.difference(a, b).histogram()
    return sum(histogram[INK_APART + 1:])


def test_numbers_written_in_are_what_chromium_prints_with_them(dossier, tmp_path):
    page, targets = dossier
    assert len(targets) > 10
    placeholders = _pdf(page)
    written = write_numbers(placeholders, targets)
    assert written is not None
    numbers = heading_pages(placeholders)
    page.evaluate(FILL_IN, ["Gemaakt op 1 januari 2025", {target: str(numbers[target]) for target in targets}, ""])
    printed = _pdf(page)
    assert heading_pages(printed) == numbers  # the numbers moved nothing
    # To a text reader (pdftotext reads the fonts' ToUnicode maps) and to the eye, page for page.
    assert _text(written, tmp_path, "written.pdf") == _text(printed, tmp_path, "printed.pdf")
    assert PLACEHOLDER not in _text(written, tmp_path, "written.pdf").split("Voorstellen voluit")[0]
    contents = range(2, min(numbers[target] for target in targets))
    assert list(contents)
    for number in contents:
        # The same words in the same places: what the numbers are and where they stand, exactly as Chromium would
        # print them; and to the eye the same page (within anti-aliasing, which changes with every Chromium build).
        assert _same_words(_words(written, tmp_path, "written.pdf", number),
                           _words(printed, tmp_path, "printed.pdf", number))
        apart = _ink_apart(_image(written, tmp_path, "written.pdf", number),
                           _image(printed, tmp_path, "printed.pdf", number))
        assert apart <= INK_PIXELS_ALLOWED, f"page {number}: {apart} pixels are ink in one print and paper in the other"
    # An update appended to the print: the print itself, with its structure tree, outline and destinations, intact.
    assert written.startswith(placeholders)
    reader = PdfReader(io.BytesIO(written))
    assert "/StructTreeRoot" in reader.trailer["/Root"] and reader.outline
    assert heading_pages(written) == numbers
    # pikepdf's reading of the destinations (heading_pages) agrees with a second reader's.
    assert {name.lstrip("/"): reader.get_destination_page_number(dest) + 1
            for name, dest in reader.named_destinations.items()} == numbers


def test_a_print_not_as_expected_is_left_alone(dossier):
    page, targets = dossier
    placeholders = _pdf(page)
    assert write_numbers(placeholders, targets + targets[:1]) is None  # more entries than slots
    assert write_numbers(placeholders, targets[:-1]) is None  # more slots than entries
    assert write_numbers(placeholders, targets[:-1] + ["nergens"]) is None  # a target that is not in the PDF
    page.evaluate(FILL_IN, ["Gemaakt op 1 januari 2025", {target: "7" for target in targets}, ""])
    assert write_numbers(_pdf(page), targets) is None  # no placeholders
    assert write_numbers(placeholders[:len(placeholders) // 2], targets) is None  # cut off
    assert write_numbers(b"%PDF-1.4\nkapot", targets) is None  # not a PDF one can read


PAGE = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Proef</title>
<style>h2 { break-before: page; }</style></head><body>
<div class="dossier-toc"><p><a href="#eerste">Eerste deel</a></p><p><a href="#tweede">Tweede deel</a></p>
<p><a href="#bestaat-niet">Nergens</a></p></div>
<h2 id="eerste">Eerste deel</h2><p>Tekst.</p><h2 id="tweede">Tweede deel</h2><p>Tekst.</p></body></html>"""


def test_contents_that_cannot_be_written_in_are_numbered_by_the_browser(browser, tmp_path):
    """An entry whose target is not in the page has no number to write in: the browser prints all of them."""
    (tmp_path / "site").mkdir()
    (tmp_path / "site/index.html").write_text(PAGE, encoding="utf-8")
    page = browser.new_context(java_script_enabled=False).new_page()
    try:
        page.route("**/*", serve_from(tmp_path / "site", LOCAL_ORIGIN))
        page.goto(LOCAL_ORIGIN, wait_until="load")
        text = _text(print_report(page, "vandaag"), tmp_path, "proef.pdf")
    finally:
        page.context.close()
    lines = [" ".join(line.split()) for line in text.split("\f")[0].splitlines() if line.strip()]
    assert lines[:3] == ["Eerste deel2", "Tweede deel3", "Nergens"]
