"""`python -m generator site`: the whole publication, built next to the live `site/` and swapped in at the end.

MkDocs (and later the offline edition and the PDFs) run as subprocesses, so this core module never imports MkDocs.
A failure at any step leaves the previous `site/` untouched and exits non-zero.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .offline import pack, prepare
from .pdf import print_pages
from .pipeline import generate, load_catalog
from .render import OFFLINE_ZIP, category_page, dossier_pdf
from .write import write_tree


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


def mkdocs_build(root: Path, site_dir: Path, **env: str) -> None:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": source_date_epoch(root), **env}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir",
                             str(site_dir)], cwd=root, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"mkdocs build failed:\n{result.stdout}{result.stderr}")


def build_site(root: Path, site: Path | None = None, site_url: str = "") -> Path:
    """Check, generate and build the online site, the PDFs and the offline edition into a fresh directory, then
    move it into place as `site/`."""
    site = site or root / "site"
    work = root / "build"
    fresh, old, offline = work / "site.new", work / "site.old", work / "offline"
    for path in (fresh, old, offline):
        shutil.rmtree(path, ignore_errors=True)
    catalog = load_catalog(root / "content")
    site_url = site_url or os.environ.get("SITE_URL", "")
    write_tree(generate(catalog, offline=False, site_url=site_url), work / "docs", root / "content")
    write_tree(generate(catalog, offline=True, site_url=site_url), work / "docs-offline", root / "content")
    mkdocs_build(root, fresh)
    pdfs = [(category_page(e, c.slug).removesuffix(".md") + "/", dossier_pdf(e, c.slug))
            for e in catalog.editions for c in e.categories]
    epoch = int(source_date_epoch(root))
    print_pages(fresh, [(page, fresh / pdf) for page, pdf in pdfs], epoch, site_url)
    mkdocs_build(root, offline, OFFLINE="true", DOCS_DIR=str(work / "docs-offline"))
    prepare(root, offline)
    for _, pdf in pdfs:
        shutil.copyfile(fresh / pdf, offline / pdf)
    pack(offline, fresh / OFFLINE_ZIP, epoch)
    if site.exists():
        site.rename(old)
    fresh.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    return site
