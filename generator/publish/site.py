"""`python -m generator site`: the whole publication, built next to the live `site/` and swapped in at the end.

One MkDocs build (a subprocess, so this core module never imports MkDocs) makes the online site. It writes the
dossier pages for the printers as soon as it has rendered them, seconds after it starts (generator/publish/printspool.py),
and Chromium prints from them while the site's build runs and while the offline edition is derived from that
(generator/publish/offline.py): they share the machine's cores; the PDFs join the zip last. A failure at any step leaves the
previous `site/` untouched and exits non-zero.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from itertools import chain
from pathlib import Path

from ..pages.generate import generate, load_catalog
from ..pages.render import OFFLINE_ZIP, dossiers
from ..pages.write import write_tree
from .background import Background
from . import messages as M
from .offline import derive, pack
from .pdf import Printed, print_pages
from .printspool import PrintSpool, page_path
from .searchindex import BUILT_BY_CALLER, store_lunr_index


class BuildError(Exception):
    pass


def source_date_epoch(root: Path) -> str:
    """A fixed build time, so that two builds of the same commit are byte-identical (sitemap dates, zip times)."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, check=True)
        return out.stdout.strip() or "315532800"
    except (OSError, subprocess.CalledProcessError):
        return "315532800"  # 1980-01-01, the earliest time a zip file can hold


def mkdocs_build(root: Path, site_dir: Path, *options: str, **env: str) -> None:
    """`mkdocs build` into `site_dir`: strict, unless `options` say otherwise."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": source_date_epoch(root), **env}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", *(options or ["--strict"]), "--quiet",
                             "--site-dir", str(site_dir)], cwd=root, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(M.MKDOCS_FAILED(output=f"{result.stdout}{result.stderr}"))


def build_site(root: Path, site: Path | None = None, site_url: str = "") -> tuple[Path, Printed]:
    """Check, generate and build the online site, the PDFs and the offline edition into a fresh directory, then
    move it into place as `site/`. Returns where it is and which dossiers were printed (unchanged ones are taken
    from the last build's, kept in build/pdf-cache/)."""
    site = site or root / "site"
    work = root / "build"
    fresh, old = work / "site.new", work / "site.old"
    for path in (fresh, old, work / "offline", work / "docs-offline", work / "print-site"):  # last 3: older versions
        shutil.rmtree(path, ignore_errors=True)
    catalog = load_catalog(root / "content")
    site_url = site_url or os.environ.get("SITE_URL", "")
    write_tree(generate(catalog, offline=False, site_url=site_url), work / "docs", root / "content")
    pdfs = dossiers(catalog)
    pages = {source.removesuffix(".md") + "/": source for source in pdfs.values()}
    epoch = int(source_date_epoch(root))
    source = PrintSpool(work / "print-spool", pages)
    shutil.rmtree(source.folder, ignore_errors=True)
    try:
        printed = publish(root, fresh, work, pdfs, epoch, site_url, source)
    finally:
        shutil.rmtree(source.folder, ignore_errors=True)
    if site.exists():
        site.rename(old)
    fresh.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    return site, printed


def publish(root: Path, fresh: Path, work: Path, pdfs: dict[str, str], epoch: int, site_url: str,
            source: PrintSpool) -> Printed:
    """The MkDocs build into `fresh`, the dossiers `pdfs` (PDF → dossier page) printed and the offline edition
    derived from it, all at once: Chromium prints from the pages the build writes into `source` as it goes
    (generator/publish/printspool.py), the largest dossier first, and Node builds the search index while the offline pages
    are rewritten and zipped one by one; the search script and each PDF join the zip as soon as they are there.
    The PDFs are written beside the pages they are printed from, not into `fresh`, where MkDocs copies the
    placeholders it links to (`build/docs/downloads/pdf/`) whenever it gets there, and replace those at the end."""
    docs = work / "docs"
    jobs = sorted(((page, source.folder / pdf) for pdf, page in zip(pdfs, source.pages)),
                  key=lambda job: -(docs / source.pages[job[0]]).stat().st_size)
    printed = Printed()
    printing = Background(print_pages, source.folder, jobs, epoch, site_url, cache=work / "pdf-cache", source=source,
                          done=printed)
    try:
        mkdocs_build(root, fresh, **source.env(), **{BUILT_BY_CALLER: "1"})
        source.done(ok=True)
        same_pages(source, fresh)
    except BaseException:
        source.done(ok=False)  # the printers stop
        with contextlib.suppress(Exception):  # the first error is the one to report
            printing.result()
        raise
    indexing = Background(store_lunr_index, fresh)

    def printed_pdfs():
        """Each PDF as soon as it is printed, in a fixed order (the zip's bytes must not depend on timing)."""
        for pdf in sorted(pdfs):
            if not printed.wait_for(source.folder / pdf):
                printing.result()  # raises what stopped the printing
                raise BuildError(M.NOT_PRINTED(pdf=pdf))
            yield pdf, source.folder / pdf

    try:
        pack(chain(derive(root, fresh, docs, leave_out=[OFFLINE_ZIP, *pdfs], index_ready=indexing.result),
                   printed_pdfs()), fresh / OFFLINE_ZIP, epoch)
    finally:
        indexing.result()
        printing.result()
    for pdf in pdfs:
        (source.folder / pdf).replace(fresh / pdf)
    return printed


def same_pages(source: PrintSpool, site: Path) -> None:
    """The PDFs are printed from the pages the site's build wrote for the printers: they must be the pages it
    published."""
    for page in source.pages:
        printed, published = page_path(source.folder, page), page_path(site, page)
        if printed.read_bytes() != published.read_bytes():
            raise BuildError(M.PRINTED_FROM_OTHER_PAGE(page=page, printed_from=printed, published=published))
