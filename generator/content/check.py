"""The reading stages in order: load → validate → link, and the register of parties. Their problems are collected
and reported together, so an editor sees every problem in one run (generator/pages/generate.py adds the check of
the pages' addresses)."""
from __future__ import annotations

from pathlib import Path, PurePosixPath

from . import messages as M
from .gitrefs import established_files
from .link import link
from .load import _place, content_root_problem, load_tree
from .model import Catalog, Location, Problem, Ref
from .parties import attach, load_register
from .validate import validate


def read_content(content: Path, established=None) -> tuple[Catalog, list[Problem]]:
    """Load, validate and link `content/` and match the party lines: the catalog of what is valid and every problem
    of these stages. `established` (which files the main branch has) defaults to asking git, and only when two
    entries share a number."""
    refused = content_root_problem(content)  # a link: nothing below it is opened
    if refused is not None:
        return Catalog(), [refused]
    if not content.is_dir():
        return Catalog(), [M.NO_CONTENT.at(Location(str(content)))]
    files, problems = load_tree(content)
    validated = validate(files)
    catalog, link_problems = link(validated.editions, validated.entries, validated.broken | refused_refs(problems),
                                  established or (lambda: established_files(content)))
    parties, register_problems = load_register(content)
    problems += validated.problems + link_problems + register_problems \
        + attach(catalog, parties, content.parent, checked=not register_problems)
    return catalog, problems


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
