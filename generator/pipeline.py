"""The stages in order: load → validate → link, then render → write. Problems of the first three stages are
collected and raised together, so an editor sees every problem in one run."""
from __future__ import annotations

from pathlib import Path

from .export import export
from .link import link
from .load import load_tree
from .model import Catalog, ContentError, Location, Problem
from .render import Renderer
from .validate import validate
from .write import write_tree


def load_catalog(content: Path) -> Catalog:
    """Load, validate and link `content/`; raise ContentError with every problem if there is any."""
    if not content.is_dir():
        raise ContentError([Problem(Location(str(content)), "content directory not found; run from the repository "
                                    "root or pass --content", "no-content")])
    files, problems = load_tree(content)
    validated = validate(files)
    catalog, link_problems = link(validated.editions, validated.entries, validated.broken)
    problems += validated.problems + link_problems
    if problems:
        raise ContentError(problems)
    return catalog


ASSETS = Path(__file__).parent / "assets"


def generate(catalog: Catalog) -> dict[str, str]:
    """Every generated file of the docs directory: pages, open data and the site's own static assets."""
    assets = {f"assets/{p.relative_to(ASSETS).as_posix()}": p.read_text(encoding="utf-8")
              for p in sorted(ASSETS.rglob("*")) if p.is_file()}
    return {**Renderer(catalog).render(), **export(catalog), **assets}


def build_docs(content: Path, out: Path) -> int:
    """Check, then write the docs directory for MkDocs; returns how many files changed."""
    return write_tree(generate(load_catalog(content)), out, content)
