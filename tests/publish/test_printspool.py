"""The dossier pages for the printers (generator/publish/printspool.py): the site's own build writes them as soon as it has
rendered them, byte for byte as it publishes them, with the assets they load; the printers' side waits for them,
and stops when the build fails."""
from __future__ import annotations

import threading
from pathlib import Path

from generator.publish.pdf import Printed
from generator.publish.printspool import FOLDER, PAGES, PrintSpool, write_page
from generator.publish.site import mkdocs_build

from conftest import SAMPLE, run_cli, site_root

WANTED = ["categorieen/2025/voorbereiden.md", "categorieen/2026/algemeen.md", "workshops/2026/dossier.md"]


def pages(site) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))


def test_the_site_build_writes_the_dossier_pages_for_the_printers_as_it_publishes_them(tmp_path):
    root = site_root(tmp_path, SAMPLE)
    assert run_cli("build", "--content", str(root / "content"), "--out", str(root / "build/docs")).returncode == 0
    mkdocs_build(root, root / "site", "--strict", **{FOLDER: str(root / "spool"), PAGES: "\n".join(WANTED)})
    wanted = [page.removesuffix(".md") + "/index.html" for page in WANTED]
    assert pages(root / "spool") == wanted
    assert len(pages(root / "site")) > 30
    for page in wanted:
        assert (root / "spool" / page).read_bytes() == (root / "site" / page).read_bytes()
    # what the printers load beside the page: the site's assets
    assets = sorted(p.relative_to(root / "site").as_posix() for p in (root / "site/assets").rglob("*") if p.is_file())
    assert sorted(p.relative_to(root / "spool").as_posix() for p in (root / "spool/assets").rglob("*")
                  if p.is_file()) == assets
    assert "assets/site.css" in assets
    # the search index has each dossier once, as in a build without the spool
    mkdocs_build(root, root / "plain", "--strict")
    assert (root / "site/search/search_index.json").read_bytes() == (root / "plain/search/search_index.json").read_bytes()


def _waiting(call) -> tuple[threading.Thread, list]:
    answers = []
    thread = threading.Thread(target=lambda: answers.append(call()))
    thread.start()
    thread.join(0.2)
    return thread, answers


def test_a_printer_takes_the_first_page_written_in_its_order(tmp_path):
    spool = PrintSpool(tmp_path, {})
    printer, answers = _waiting(lambda: spool.first_ready(["a/", "b/"]))
    assert printer.is_alive() and answers == []
    write_page(tmp_path, "b/", b"<p>b</p>")
    printer.join(5)
    assert answers == ["b/"]
    write_page(tmp_path, "a/", b"<p>a</p>")
    assert spool.first_ready(["a/", "b/"]) == "a/"  # both there: the first in the order asked


def test_printers_stop_when_the_build_fails(tmp_path):
    spool = PrintSpool(tmp_path, {})
    printer, answers = _waiting(lambda: spool.first_ready(["a/"]))
    spool.done(ok=False)
    printer.join(5)
    assert answers == [None]
    write_page(tmp_path, "a/", b"<p>a</p>")
    assert spool.first_ready(["a/"]) is None  # written before the build failed after all: not printed
    ended = PrintSpool(tmp_path / "leeg", {})
    ended.done(ok=True)
    assert ended.first_ready(["a/"]) is None  # the build ended without writing it


def test_the_last_printer_waits_for_the_build(tmp_path):
    spool = PrintSpool(tmp_path, {})
    printer, answers = _waiting(spool.wait_built)
    assert printer.is_alive()
    spool.done(ok=True)
    printer.join(5)
    assert answers == [None] and not printer.is_alive()


def test_a_printed_page_that_differs_from_the_published_one_stops_the_publication(tmp_path):
    from generator.publish.site import BuildError, same_pages

    source = PrintSpool(tmp_path / "print", {"categorieen/2025/voorbereiden/": WANTED[0]})
    for folder, text in ((source.folder, "<p>printed</p>"), (tmp_path / "site", "<p>published</p>")):
        (folder / "categorieen/2025/voorbereiden").mkdir(parents=True)
        (folder / "categorieen/2025/voorbereiden/index.html").write_text(text, encoding="utf-8")
    try:
        same_pages(source, tmp_path / "site")
    except BuildError as error:
        assert str(error) == (
            f"categorieen/2025/voorbereiden/: de pagina waarvan het dossier is gedrukt, verschilt van de "
            f"gepubliceerde pagina (vergelijk {source.folder}/categorieen/2025/voorbereiden/index.html met "
            f"{tmp_path}/site/categorieen/2025/voorbereiden/index.html): dit is een fout in de generator; meld het "
            "aan de beheerders")
    else:
        raise AssertionError("no error")
    (source.folder / "categorieen/2025/voorbereiden/index.html").write_text("<p>published</p>", encoding="utf-8")
    same_pages(source, tmp_path / "site")  # the same bytes: no error


def test_the_zip_waits_for_each_pdf_and_never_for_one_that_will_not_come():
    """The offline zip takes each PDF as soon as it is printed (`Printed.wait_for`), and stops waiting when printing
    ended without it (a printer failed: the caller then reports why)."""
    printed, first, second = Printed(), Path("a.pdf"), Path("b.pdf")
    threading.Timer(0.2, printed.add, (first, False)).start()
    assert printed.wait_for(first) is True
    threading.Timer(0.2, printed.finish).start()
    assert printed.wait_for(second) is False
    assert printed.wait_for(first) is True
