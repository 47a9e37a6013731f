"""The print build (generator/printbuild.py): the same MkDocs build limited to the dossier pages, whose pages are
byte for byte the site's, and the printers' side of it (they wait for it, and stop when the site's build fails)."""
from __future__ import annotations

import threading

from generator.printbuild import PAGES, PrintBuild
from generator.site import mkdocs_build

from conftest import SAMPLE, run_cli, site_root

WANTED = ["categorieen/2025/voorbereiden.md", "categorieen/2026/algemeen.md"]


def pages(site) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))


def test_the_print_build_writes_only_the_dossier_pages_and_writes_them_as_the_site_does(tmp_path):
    root = site_root(tmp_path, SAMPLE)
    assert run_cli("build", "--content", str(root / "content"), "--out", str(root / "build/docs")).returncode == 0
    mkdocs_build(root, root / "site", "--strict")
    mkdocs_build(root, root / "print", "--dirty", "--no-strict", **{PAGES: "\n".join(WANTED)})
    wanted = [page.removesuffix(".md") + "/index.html" for page in WANTED]
    assert pages(root / "print") == wanted
    assert len(pages(root / "site")) > 30
    for page in wanted:
        assert (root / "print" / page).read_bytes() == (root / "site" / page).read_bytes()
    # what the printers load beside the page
    assert sorted(p.name for p in (root / "print/assets").iterdir()) == sorted(
        p.name for p in (root / "site/assets").iterdir())


def test_printers_wait_for_the_print_build():
    source = PrintBuild(None, {})
    answers = []
    printer = threading.Thread(target=lambda: answers.append(source.wait()))
    printer.start()
    printer.join(0.2)
    assert printer.is_alive() and answers == []
    source.done(ok=True)
    printer.join(5)
    assert answers == [True]


def test_printers_stop_when_a_build_fails():
    failed_print_build = PrintBuild(None, {})
    failed_print_build.done(ok=False)
    assert failed_print_build.wait() is False
    failed_site_build = PrintBuild(None, {})
    failed_site_build.done(ok=True)
    failed_site_build.done(ok=False)  # the site's build failed after the print build was done
    assert failed_site_build.wait() is False


def test_a_printed_page_that_differs_from_the_published_one_stops_the_publication(tmp_path):
    from generator.site import BuildError, same_pages

    source = PrintBuild(tmp_path / "print", {"categorieen/2025/voorbereiden/": WANTED[0]})
    for folder, text in ((source.folder, "<p>printed</p>"), (tmp_path / "site", "<p>published</p>")):
        (folder / "categorieen/2025/voorbereiden").mkdir(parents=True)
        (folder / "categorieen/2025/voorbereiden/index.html").write_text(text, encoding="utf-8")
    try:
        same_pages(source, tmp_path / "site")
    except BuildError as error:
        assert str(error) == (
            f"categorieen/2025/voorbereiden/: the page the dossier was printed from differs from the published page "
            f"(compare {source.folder}/categorieen/2025/voorbereiden/index.html with "
            f"{tmp_path}/site/categorieen/2025/voorbereiden/index.html); this is a bug in the generator, please "
            "report it")
    else:
        raise AssertionError("no error")
    (source.folder / "categorieen/2025/voorbereiden/index.html").write_text("<p>published</p>", encoding="utf-8")
    same_pages(source, tmp_path / "site")  # the same bytes: no error
