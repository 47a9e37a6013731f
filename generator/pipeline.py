"""The stages in order: load → validate → link, then render → write. Problems of the first three stages are
collected and raised together, so an editor sees every problem in one run."""
from __future__ import annotations

from pathlib import Path, PurePosixPath

from .export import export
from .gitrefs import established_files
from .link import link
from .load import _place, content_root_problem, load_tree
from .model import Catalog, ContentError, Location, Problem, Ref
from .parties import attach, load_register
from .render import OFFLINE_ZIP, Renderer, address_problems, dossiers
from .validate import validate
from .write import write_tree


def check_content(content: Path, established=None) -> tuple[Catalog, list[Problem]]:
    """Load, validate and link `content/` and match the party lines: the catalog of what is valid and every problem. `established` (which
    files the main branch has) defaults to asking git, and only when two entries share a number."""
    refused = content_root_problem(content)  # a link: nothing below it is opened
    if refused is not None:
        return Catalog(), [refused]
    if not content.is_dir():
        return Catalog(), [Problem(Location(str(content)), "content directory not found; run from the repository "
                                   "root or pass --content", "no-content")]
    files, problems = load_tree(content)
    validated = validate(files)
    catalog, link_problems = link(validated.editions, validated.entries, validated.broken | refused_refs(problems),
                                  established or (lambda: established_files(content)))
    parties, register_problems = load_register(content)
    problems += validated.problems + link_problems + register_problems \
        + attach(catalog, parties, content.parent, checked=not register_problems) + address_problems(catalog)
    return catalog, sorted(set(problems))  # a bad register file is seen by the loader and the register alike


def refused_refs(problems: list[Problem]) -> set[Ref]:
    """The entries and editions the loader refused once their path had named them (YAML that does not parse, a
    number too long, …): like a file that fails validation, a link to one is not dead and the entries of such an
    edition are not undeclared; their own problem says what to fix."""
    refs = set()
    for problem in problems:
        path = problem.location.path
        where = _place(path, PurePosixPath(path).parts[1:])
        if isinstance(where, tuple):
            refs.add(Ref(where[1], where[0], where[2]))
    return refs


def load_catalog(content: Path) -> Catalog:
    """Load, validate and link `content/`, and match the party lines; raise ContentError with every problem if
    there is an error (warnings alone are kept in `catalog.warnings`)."""
    catalog, problems = check_content(content)
    if any(p.is_error for p in problems):
        raise ContentError(problems)
    catalog.warnings = sorted(problems)
    return catalog


ASSETS = Path(__file__).parent / "assets"


PLACEHOLDER = "Placeholder: `python -m generator site` replaces this file after the MkDocs build.\n"


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
