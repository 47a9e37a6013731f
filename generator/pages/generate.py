"""The whole check and the page-making stages in order: render → export → write, over the catalog that
generator/content/ reads. The check ends here because the last of its questions is the pages': whether two pages
would take one address (render.plan lists every page)."""
from __future__ import annotations

from pathlib import Path

from ..content.check import read_content
from ..content.model import Catalog, ContentError, Problem, capped
from . import messages as M
from .export import export
from .render import OFFLINE_ZIP, Renderer, address_problems, dossiers
from .write import write_tree


def check_content(content: Path, established=None) -> tuple[Catalog, list[Problem]]:
    """Every problem of `content/` (generator/content/check.py, then the pages' addresses) and the catalog of what
    is valid. At most LIMIT problems per file and code; a bad register file is seen by the loader and the register
    alike, so duplicates go."""
    catalog, problems = read_content(content, established)
    return catalog, capped(set(problems + address_problems(catalog)))


def load_catalog(content: Path) -> Catalog:
    """Check `content/`; raise ContentError with every problem if there is an error (warnings alone are kept in
    `catalog.warnings`)."""
    catalog, problems = check_content(content)
    if any(p.is_error for p in problems):
        raise ContentError(problems)
    catalog.warnings = sorted(problems)
    return catalog


ASSETS = Path(__file__).parent / "assets"


PLACEHOLDER = M.PLACEHOLDER


def downloads(catalog: Catalog, offline: bool) -> list[str]:
    """The files the publish step adds after MkDocs (PDFs, the zip). The generator writes placeholders at their
    paths, so that MkDocs' strict link check covers the links to them too."""
    pdfs = list(dossiers(catalog))
    return pdfs if offline else pdfs + [OFFLINE_ZIP]


def generate(catalog: Catalog, offline: bool = False, site_url: str = "") -> dict[str, str]:
    """Every generated file of the docs directory: pages, open data, static assets and download placeholders."""
    assets = {f"assets/{p.relative_to(ASSETS).as_posix()}": p.read_text(encoding="utf-8")
              for p in sorted(ASSETS.rglob("*")) if p.is_file()}
    placeholders = {path: PLACEHOLDER for path in downloads(catalog, offline)}
    return {**Renderer(catalog, offline, site_url).render(), **export(catalog), **assets, **placeholders}


def build_docs(content: Path, out: Path, offline: bool = False, site_url: str = "") -> int:
    """Check, then write the docs directory for MkDocs; returns how many files changed."""
    return write_tree(generate(load_catalog(content), offline, site_url), out, content)
