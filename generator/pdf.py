"""Category dossiers as PDF: each category page printed by headless Chromium (driven by Playwright), with the
site's print stylesheet and page numbers in the footer.

A dossier reads as a report: a title page with the date of the build, and a contents page whose page numbers are
where each heading really landed. Chromium knows that only after printing, so a dossier is printed, the page of
each heading read back from the PDF's named destinations (Chromium writes one per element id), the numbers written
into the contents, and printed again. The numbers take a fixed width, so writing them in moves nothing; the second
print is checked, and printed once more should it ever differ.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import time
from pathlib import Path
from urllib.parse import unquote

from .render import dutch_date

FOOTER = ('<div style="width:100%;font-size:8pt;color:#000;text-align:center;font-family:sans-serif">'
          '<span class="title"></span> · pagina <span class="pageNumber"></span> van '
          '<span class="totalPages"></span></div>')

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


def serve_from(site: Path, origin: str):
    """A Playwright route handler that answers `origin` from the files of `site` and refuses everything else, so
    printing makes no network request and the PDF's links carry the public address, not a local path."""

    def handle(route) -> None:
        url = route.request.url.split("#")[0].split("?")[0]
        if not url.startswith(origin):
            route.abort()
            return
        rel = unquote(url[len(origin):])
        if rel in NOT_PRINTED:
            route.fulfill(status=404, body="not needed for printing")
            return
        target = site / rel
        if target.is_dir():
            target = target / "index.html"
        if target.is_file():
            route.fulfill(path=str(target))
        else:
            route.fulfill(status=404, body="not found")

    return handle


# Writes the build date on the title page and the page numbers into the contents (generator/templates/category.md.j2);
# returns how many contents entries there are.
FILL_IN = """([built, numbers]) => {
  const stamp = document.querySelector(".dossier-built");
  if (stamp) stamp.textContent = built;
  const entries = document.querySelectorAll(".dossier-toc a[href^='#']");
  for (const a of entries) {
    let number = a.querySelector(".toc-page");
    if (!number) {
      number = document.createElement("span");
      number.className = "toc-page";
      a.append(number);
    }
    number.textContent = numbers[decodeURIComponent(a.hash.slice(1))] || "";
  }
  return entries.length;
}"""
PASSES = 3  # prints at most, per dossier; two suffice when the numbers move nothing


def heading_pages(data: bytes) -> dict[str, int]:
    """{element id: page number} from a PDF printed by Chromium."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return {name.lstrip("/"): reader.get_destination_page_number(dest) + 1
            for name, dest in reader.named_destinations.items()}


def _pdf(page) -> bytes:
    # Tagged (a structure tree for screen readers, from the page's headings, lists and tables) with an outline
    # (bookmarks from the headings); Chromium takes the title from <title>, the language from <html lang>.
    return page.pdf(format="A4", print_background=False, display_header_footer=True,
                    header_template="<div></div>", footer_template=FOOTER,
                    margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
                    tagged=True, outline=True)


def print_report(page, built: str) -> bytes:
    """Print the loaded page; if it has a contents list, fill in its page numbers and print until they hold."""
    numbers: dict[str, int] = {}
    entries = page.evaluate(FILL_IN, [built, numbers])
    data = _pdf(page)
    for _ in range(PASSES - 1):
        found = heading_pages(data) if entries else numbers
        if found == numbers:
            break
        numbers = found
        page.evaluate(FILL_IN, [built, numbers])
        data = _pdf(page)
    return data


def print_pages(site: Path, jobs: list[tuple[str, Path]], epoch: int, site_url: str = "") -> None:
    """Print each page of `site` (a directory URL such as 'categorieen/2025/bewustwording/') to its PDF."""
    from playwright.sync_api import sync_playwright

    origin = (site_url or LOCAL_ORIGIN).rstrip("/") + "/"
    built = "Gemaakt op " + dutch_date(time.strftime("%Y-%m-%d", time.gmtime(epoch)))
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page()
            page.route("**/*", serve_from(site, origin))
            for rel, pdf in jobs:
                page.goto(origin + rel, wait_until="load")
                pdf.parent.mkdir(parents=True, exist_ok=True)
                pdf.write_bytes(fix_dates(print_report(page, built), epoch))
        finally:
            browser.close()
