"""Dossiers as PDF: each category page, and each edition's workshops' dossier (render.py `dossiers`), printed by
headless Chromium (driven by Playwright), with the site's print stylesheet and page numbers in the footer.

A dossier reads as a report: a title page with the date of the build, and a contents page whose page numbers are
where each heading really landed. Chromium knows that only after printing, so a dossier is printed once with a
placeholder in each page-number slot (a box of fixed width, so the numbers move nothing), and the numbers are then
written into that PDF (generator/publish/pdfnumbers.py). Should that ever not be possible, the browser fills in the numbers
read from the first print and prints again, until they hold.

Printing is most of the cost of the whole publication: dossiers print on as many browsers as the machine has cores,
from the pages the site's build writes for them seconds after it starts (generator/publish/printspool.py), and a
dossier whose inputs did not change since the last build is taken from there (generator/publish/printcache.py).
"""
from __future__ import annotations

import os
import re
import shutil
import threading
import time
from pathlib import Path
from urllib.parse import unquote

from ..pages.render import dutch_date
from . import messages as M
from .background import Background
from .printspool import PrintSpool

# The footer of every printed page, in the page's bottom margin: "<title> · pagina N van M". A margin box of the
# page's own CSS, not Chromium's footer template (a small document laid out again for every page: 0.4 s on a
# dossier of 370 pages); it takes no room from the page's content, so the draft (without it) has the same layout.
FOOTER = r"""() => {
  if (document.getElementById("print-footer")) return;
  const title = '"' + document.title.replace(/[\\"]/g, "\\$&").replace(/\n/g, " ") + '"';
  const style = document.createElement("style");
  style.id = "print-footer";
  style.textContent = `@page { @bottom-center { content: ${title} " · pagina " counter(page) " van " counter(pages);
    font-family: sans-serif; font-size: 8pt; color: #000; } }`;
  document.head.append(style);
}"""

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def chromium_path() -> str | None:
    """Debian's chromium (or $CHROMIUM); None lets Playwright use a browser it installed itself."""
    for candidate in (os.environ.get("CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser"),
                      shutil.which("google-chrome")):
        if candidate:
            return candidate
    return None


def launch(playwright):
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)


PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}")


def fix_dates(data: bytes, epoch: int) -> bytes:
    """Chromium stamps the time of printing; use the build's fixed time instead, so equal sites give equal PDFs.
    Same length in, same length out: the PDF's cross-reference offsets stay valid."""
    stamp = time.strftime("%Y%m%d%H%M%S", time.gmtime(epoch)).encode()
    return PDF_DATE.sub(lambda m: b"/" + m[1] + b" (D:" + stamp, data)


LOCAL_ORIGIN = "http://symposium.localhost/"

# A printed page needs no search, but Material's search worker would fetch and index the whole site's search index
# for every page printed: seconds per page on a large site (the index grows with every entry, a dossier does not).
NOT_PRINTED = {"search/search_index.json"}


# A page loaded for printing is laid out for the browser's window first, and for paper again when it is printed;
# those first layouts (and the ones after the page numbers and footer are filled in) were about an eighth of the
# processor time of loading and printing a large dossier. So the printer gets the page with its whole document
# hidden by one extra style element, and takes that element out just before printing: the page is then exactly the
# published page, laid out once.
HIDDEN_ID = "print-hidden"
HIDDEN = b'<style id="' + HIDDEN_ID.encode() + b'">html{display:none!important}</style>'
SHOW = f"() => document.getElementById({HIDDEN_ID!r})?.remove()"


def hidden(page: bytes) -> bytes:
    """The HTML `page` with its document hidden until SHOW runs; as it is if it has no `</head>`."""
    head = page.find(b"</head>")
    return page if head < 0 else page[:head] + HIDDEN + page[head:]


def serve_from(site: Path, origin: str):
    """A Playwright route handler that answers `origin` from the files of `site` and refuses everything else, so
    printing makes no network request and the PDF's links carry the public address, not a local path. The page
    itself comes hidden until it is printed (HIDDEN)."""

    def handle(route) -> None:
        url = route.request.url.split("#")[0].split("?")[0]
        if not url.startswith(origin):
            route.abort()
            return
        rel = unquote(url[len(origin):])
        if rel in NOT_PRINTED:
            route.fulfill(status=404, body="not needed for printing")
            return
        target = page_file(site, rel)
        if not target.is_file():
            route.fulfill(status=404, body="not found")
        elif route.request.resource_type == "document":
            route.fulfill(body=hidden(target.read_bytes()), content_type="text/html; charset=utf-8")
        else:
            route.fulfill(path=str(target))

    return handle


def page_file(site: Path, rel: str) -> Path:
    target = site / rel
    return target / "index.html" if target.is_dir() else target


# Writes the build date on the title page and the text of the page numbers into the contents
# (generator/pages/templates/category.md.j2, workshops_dossier.md.j2), `placeholder` where a number is not given; returns the id each contents entry
# points at, in the order of the page.
FILL_IN = """([built, numbers, placeholder]) => {
  const stamp = document.querySelector(".dossier-built");
  if (stamp) stamp.textContent = built;
  const targets = [];
  for (const a of document.querySelectorAll(".dossier-toc a[href^='#']")) {
    let number = a.querySelector(".toc-page");
    if (!number) {
      number = document.createElement("span");
      number.className = "toc-page";
      a.append(number);
    }
    const target = decodeURIComponent(a.hash.slice(1));
    number.textContent = numbers[target] ?? placeholder;
    targets.push(target);
  }
  return targets;
}"""
REPRINTS = 2  # at most, when the numbers cannot be written into the first print; one suffices when they move nothing
MARGIN = {"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"}


def _pdf(page) -> bytes:
    # Tagged (a structure tree for screen readers, from the page's headings, lists and tables) with an outline
    # (bookmarks from the headings); Chromium takes the title from <title>, the language from <html lang>.
    page.evaluate(FOOTER)
    page.evaluate(SHOW)
    return page.pdf(format="A4", print_background=False, margin=MARGIN, tagged=True, outline=True)


def print_report(page, built: str) -> bytes:
    """Print the loaded page; if it has a contents list, with the page numbers of its entries."""
    from . import pdfnumbers  # only where dossiers are printed: pikepdf is not needed to check or build

    targets = page.evaluate(FILL_IN, [built, {}, pdfnumbers.PLACEHOLDER])
    data = _pdf(page)
    if not targets:
        return data
    numbered = pdfnumbers.write_numbers(data, targets)
    if numbered is not None:
        return numbered
    numbers = pdfnumbers.heading_pages(data)
    for _ in range(REPRINTS):
        page.evaluate(FILL_IN, [built, {target: str(numbers.get(target, "")) for target in targets}, ""])
        data = _pdf(page)
        found = pdfnumbers.heading_pages(data)
        if found == numbers:
            break
        numbers = found
    return data


class Printed:
    """What `print_pages` did: the PDFs it printed and the ones it took unchanged from the last build. While it
    prints, another thread can wait for one PDF (`wait_for`) and use it before the others are done."""

    def __init__(self) -> None:
        self.printed: list[Path] = []
        self.reused: list[Path] = []
        self._changed = threading.Condition()
        self._finished = False

    def add(self, pdf: Path, reused: bool) -> None:
        with self._changed:
            (self.reused if reused else self.printed).append(pdf)
            self._changed.notify_all()

    def finish(self) -> None:
        with self._changed:
            self._finished = True
            self._changed.notify_all()

    def wait_for(self, pdf: Path) -> bool:
        """Whether `pdf` was written; waits until it is, or until printing ended (done, or stopped by an error)."""
        written = lambda: pdf in self.printed or pdf in self.reused  # noqa: E731
        with self._changed:
            self._changed.wait_for(lambda: written() or self._finished)
            return written()

    def __str__(self) -> str:
        return M.dossiers(len(self.printed), len(self.reused))


class PrintError(Exception):
    pass


def first_line(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def print_pages(site: Path, jobs: list[tuple[str, Path]], epoch: int, site_url: str = "",
                cache: Path | None = None, workers: int | None = None, source: PrintSpool | None = None,
                done: Printed | None = None) -> Printed:
    """Print each page of `site` (a directory URL such as 'categorieen/2025/bewustwording/') to its PDF, on as many
    browsers as the machine has cores. With `cache` (a folder), a page whose inputs did not change since the last
    build is not printed again (generator/publish/printcache.py). With `source`, `site` is the folder the site's build,
    still running, writes the pages into (generator/publish/printspool.py): a page is printed as soon as it is there, by one
    printer fewer than there are cores until the build is done, and printing stops if the build fails. `done`, if
    given, is what is returned, so that the caller can wait for each PDF while the others print."""
    from .printcache import PrintCache, browser_version

    origin = (site_url or LOCAL_ORIGIN).rstrip("/") + "/"
    built = "Gemaakt op " + dutch_date(time.strftime("%Y-%m-%d", time.gmtime(epoch)))
    store = PrintCache(cache, site, f"{browser_version(chromium_path())}\0{origin}\0{built}" if cache else "")
    done, pending, lock = done or Printed(), list(jobs), threading.Lock()

    def next_job() -> tuple[str, Path, Path] | None:
        """The largest dossier whose page is there; with `source`, the first the site's build writes, if none is."""
        while True:
            with lock:
                if not pending:
                    return None
                urls = [rel for rel, _ in pending]
            rel = urls[0] if source is None else source.first_ready(urls)
            if rel is None:
                raise PrintError(M.BUILD_FAILED_FIRST(pages=", ".join(urls)))
            with lock:
                job = next((job for job in pending if job[0] == rel), None)
                if job is not None:  # else another printer took it first
                    pending.remove(job)
                    return rel, job[1], page_file(site, rel)

    printers = min(len(jobs), workers or os.cpu_count() or 1)

    def printer(number: int) -> None:
        from playwright.sync_api import Error as ChromiumError, sync_playwright

        playwright = browser = page = None

        def open_page():
            nonlocal playwright, browser
            playwright = sync_playwright().start()  # one per thread: its objects belong to it
            try:
                browser = launch(playwright)
            except ChromiumError as error:
                raise PrintError(M.BROWSER_DID_NOT_START(browser=chromium_path() or M.BROWSER_FROM_PLAYWRIGHT,
                                                         error=first_line(error))) from None
            # The site's scripts change nothing on paper (search, navigation, filters) and cost about 0.4 s per
            # load of a large dossier; Playwright's own scripts (print_report) still run.
            opened = browser.new_context(java_script_enabled=False).new_page()
            # Laid out for print from the start, not first for a screen: 0.4 s less to load a large dossier (its
            # navigation is not laid out), the same PDF.
            opened.emulate_media(media="print")
            opened.route("**/*", serve_from(site, origin))
            return opened

        try:
            # A browser only for a printer that has something to print; started at once when that is certain (the
            # cache holds fewer PDFs than there are dossiers), so that it is ready when the first page is, or when
            # the build is done.
            if len(jobs) - store.count() > number:
                page = open_page()
            # The site's build keeps a core busy while it runs, and the publication waits for it: one printer
            # fewer than there are cores until it is done (at 2,000 proposals on two cores, the whole publication
            # took 56 to 64 s with one printer beside the build, 64 to 78 s with two).
            if source is not None and number == printers - 1 > 0:
                source.wait_built()
            while job := next_job():
                rel, pdf, html = job
                key = store.key(rel, html.read_bytes())
                data = store.get(key)
                if data is None:
                    page = page or open_page()
                    try:
                        page.goto(origin + rel, wait_until="load")
                        data = fix_dates(print_report(page, built), epoch)
                    except ChromiumError as error:
                        raise PrintError(M.PAGE_NOT_PRINTED(page=rel, error=first_line(error))) from None
                    store.put(key, data)
                    reused = False
                else:
                    data = fix_dates(data, epoch)
                    reused = True
                pdf.parent.mkdir(parents=True, exist_ok=True)
                pdf.write_bytes(data)
                done.add(pdf, reused)
        finally:
            if browser is not None:
                browser.close()
            if playwright is not None:
                playwright.stop()

    try:
        for thread in [Background(printer, number) for number in range(printers)]:
            thread.result()
    finally:
        done.finish()
    store.prune()
    return done
