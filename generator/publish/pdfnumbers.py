"""The page numbers of a dossier's contents, written into the PDF after its one print.

Where each heading lands is known only once Chromium has laid the dossier out for print, and a print with its
structure tree costs about three times the layout alone (2.7 s against 0.9 s for the largest dossier at 2,000
proposals). So a dossier is printed once with a placeholder in every page-number
slot of its contents (PLACEHOLDER: digits, so the slot has the width and the glyphs of a number, in a box of fixed
width); the pages of the headings are read from that PDF's named destinations, and each placeholder in the contents'
pages is replaced by its number: the glyph codes of the digits (from the font's own ToUnicode map), the start of the
line moved so that the number stays right-aligned, and its underline shortened to match. The new page contents are
appended as an incremental update (PDF 1.7, 7.5.6): nothing else in the file moves, the structure tree and its
marked content are untouched.

This reads the PDF the way Skia (Chromium's PDF writer) writes it. When the PDF is not as expected (a slot not found,
a digit not in the font, a page's contents in more than one stream, …), `write_numbers` returns None and the caller
prints the dossier again with the numbers filled in by the browser, as before: slower, never wrong.
"""
from __future__ import annotations

import io
import re
import zlib

import pikepdf

PLACEHOLDER = "000"

RUN = re.compile(rb"(?:(?P<rect>(?P<rx>[-\d.]+) (?P<ry>[-\d.]+) (?P<rw>[-\d.]+) (?P<rh>[-\d.]+) re\nf\n))?"
                 rb"BT\n(?P<body>(?:(?!ET\n).)*?)ET\n", re.S)
OPERATION = re.compile(rb"\s*(?:/(?P<font>\S+) (?P<size>[\d.]+) Tf|(?P<matrix>(?:[-\d.]+ ){4})(?P<x>[-\d.]+) "
                       rb"(?P<y>[-\d.]+) Tm|(?P<dx>[-\d.]+) (?P<dy>[-\d.]+) Td|<(?P<glyphs>[0-9A-Fa-f]*)> Tj)")
CMAP_CHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
CMAP_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
TRAILER = re.compile(rb"trailer\s*<<.*?>>\s*startxref\s*(\d+)\s*%%EOF\s*$", re.S)


def heading_pages(data: bytes) -> dict[str, int]:
    """{element id: page number} from a PDF printed by Chromium."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return _heading_pages(pdf)


def _heading_pages(pdf: pikepdf.Pdf) -> dict[str, int]:
    """The pages of the named destinations, in the catalogue's /Dests (where Chromium writes them) or /Names tree."""
    number = {page.objgen: n for n, page in enumerate(pdf.pages, start=1)}
    root = pdf.Root
    if "/Dests" in root:
        named = ((str(name), dest) for name, dest in root.Dests.items())
    elif "/Names" in root and "/Dests" in root.Names:
        named = pikepdf.NameTree(root.Names.Dests).items()
    else:
        named = ()
    pages = {}
    for name, dest in named:
        if isinstance(dest, pikepdf.Dictionary):
            dest = dest.D
        if dest[0].objgen in number:
            pages[name.lstrip("/")] = number[dest[0].objgen]
    return pages


def write_numbers(data: bytes, targets: list[str]) -> bytes | None:
    """`data`: a PDF printed with PLACEHOLDER in each page-number slot of the contents, `targets`: the id each slot
    points at, in the order of the document. Returns the PDF with each slot showing the page its target landed on,
    or None when that cannot be done safely (see the module's docstring)."""
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            return _write_numbers(pdf, data, targets)
    except (pikepdf.PdfError, KeyError, IndexError, TypeError, ValueError, AttributeError):
        return None  # a PDF not as this reads it


def _write_numbers(pdf: pikepdf.Pdf, data: bytes, targets: list[str]) -> bytes | None:
    pages = _heading_pages(pdf)
    numbers = [str(pages.get(target, "")) for target in targets]
    if not all(len(n) in range(1, len(PLACEHOLDER) + 1) for n in numbers) or not TRAILER.search(data[-1024:]):
        return None
    changed: dict[int, bytes] = {}
    slots = _Slots(numbers)
    for page in pdf.pages[:min(pages[t] for t in targets) - 1]:  # the contents come before its first target
        contents = page.obj.get("/Contents")
        if not isinstance(contents, pikepdf.Stream) or not contents.is_indirect or contents.objgen[1] != 0:
            return None
        slots.on(page.obj)
        text = contents.read_bytes()
        new = RUN.sub(slots.write, text)
        if new != text:
            changed[contents.objgen[0]] = new
    if not slots.all_written():
        return None
    return _updated(data, changed, pdf.trailer)


class _Slots:
    """The numbers still to write, one per slot in the order of the document, and the fonts of the current page."""

    def __init__(self, numbers: list[str]):
        self.numbers, self.written, self.failed = numbers, 0, False
        self.page, self.fonts = None, {}

    def on(self, page) -> None:
        """The slots that follow are on `page` (whose font names are its own)."""
        self.page, self.fonts = page, {}

    def font(self, name: str) -> _Font:
        if name not in self.fonts:
            self.fonts[name] = _Font(self.page.Resources.Font[f"/{name}"])
        return self.fonts[name]

    def next(self) -> str | None:
        if self.written == len(self.numbers):
            self.failed = True  # more slots than entries
            return None
        self.written += 1
        return self.numbers[self.written - 1]

    def all_written(self) -> bool:
        return not self.failed and self.written == len(self.numbers)

    def write(self, run: re.Match) -> bytes:
        return _numbered(run, self) or run[0]


class _Font:
    def __init__(self, font):
        self.text: dict[bytes, str] = {}
        if "/ToUnicode" in font:
            cmap = font.ToUnicode.read_bytes()
            for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
                for lo, hi, first in CMAP_RANGE.findall(block):
                    for offset in range(int(hi, 16) - int(lo, 16) + 1):
                        self.text[b"%04X" % (int(lo, 16) + offset)] = chr(int(first, 16) + offset)
            for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
                for code, char in CMAP_CHAR.findall(block):
                    self.text[code.upper()] = bytes.fromhex(char.decode()).decode("utf-16-be")
        self.code = {char: code for code, char in self.text.items()}
        descendants = font.get("/DescendantFonts")
        self.widths = _widths(descendants[0]) if descendants is not None else {}

    def read(self, glyphs: bytes) -> str:
        return "".join(self.text.get(glyphs[i:i + 4].upper(), "\0") for i in range(0, len(glyphs), 4))

    def width(self, text: str, size: float) -> float | None:
        codes = [self.code.get(char) for char in text]
        if None in codes or any(int(code, 16) not in self.widths for code in codes):
            return None
        return sum(self.widths[int(code, 16)] for code in codes) * size / 1000


def _widths(cid_font) -> dict[int, float]:
    """A CIDFont's /W: `c [w1 w2 …]` (widths from code c on) or `c_first c_last w`."""
    widths, items = {}, list(cid_font.get("/W", []))
    while items:
        first = int(items.pop(0))
        if isinstance(items[0], pikepdf.Array):
            widths.update({first + i: float(w) for i, w in enumerate(items.pop(0))})
        else:
            last, width = int(items.pop(0)), float(items.pop(0))
            widths.update({code: width for code in range(first, last + 1)})
    return widths


def _numbered(run: re.Match, slots: _Slots) -> bytes | None:
    """A text run that shows PLACEHOLDER, showing the next number instead (its underline too); None for others."""
    ops = list(OPERATION.finditer(run["body"]))
    if b"".join(op[0] for op in ops).strip() != run["body"].strip():
        return None  # an operator this does not read: not a slot
    font = next((op for op in ops if op["font"]), None)
    start = next((op for op in ops if op["matrix"]), None)
    if font is None or start is None:
        return None
    face = slots.font(font["font"].decode())
    if face.read(b"".join(op["glyphs"] for op in ops if op["glyphs"] is not None)) != PLACEHOLDER:
        return None
    number, size = slots.next(), float(font["size"])
    old, new = face.width(PLACEHOLDER, size), face.width(number or "", size)
    if number is None or old is None or new is None:
        slots.failed = True
        return None
    x = float(start["x"]) + old - new
    underline = b""
    if run["rect"] and abs(float(run["rx"]) - float(start["x"])) < 0.01 and abs(float(run["rw"]) - old) < 0.5:
        underline = b"%s %s %s %s re\nf\n" % (_num(x), run["ry"], _num(new), run["rh"])
    elif run["rect"]:
        underline = run["rect"]
    glyphs = b"".join(face.code[char] for char in number)
    return (underline + b"BT\n/%s %s Tf\n%s%s %s Tm\n<%s> Tj\nET\n"
            % (font["font"], font["size"], start["matrix"], _num(x), start["y"], glyphs))


def _num(value: float) -> bytes:
    return (b"%.5f" % value).rstrip(b"0").rstrip(b".")


def _updated(data: bytes, streams: dict[int, bytes], trailer) -> bytes:
    """`data` with new contents for the stream objects `streams`, as an incremental update."""
    previous = int(TRAILER.search(data[-1024:])[1])
    out = bytearray(data if data.endswith(b"\n") else data + b"\n")
    offsets = {}
    for number in sorted(streams):
        body = zlib.compress(streams[number])
        offsets[number] = len(out)
        out += b"%d 0 obj\n<</Filter /FlateDecode\n/Length %d>> stream\n%s\nendstream\nendobj\n" % (
            number, len(body), body)
    xref = len(out)
    out += b"xref\n" + b"".join(b"%d 1\n%010d 00000 n \n" % (n, offsets[n]) for n in sorted(streams))
    refs = b"".join(b"/%s %d 0 R\n" % (key.encode(), trailer[f"/{key}"].objgen[0])
                    for key in ("Root", "Info") if f"/{key}" in trailer)
    out += b"trailer\n<</Size %d\n%s/Prev %d>>\nstartxref\n%d\n%%%%EOF\n" % (int(trailer.Size), refs, previous, xref)
    return bytes(out)
