"""`python -m generator diff BASE`: what a change does to the record, as Markdown for a pull request's reviewer.

Both trees are read the way the check reads them: BASE's `content/` is exported from git into a temporary folder,
the working tree's is read in place. The two are compared as a reader of the site would: entries (by edition, kind
and number, so a renamed file is a changed entry), the front matter keys and `##` sections that changed, the links
between entries, the discrepancy notes; and the problems the check finds in the new tree.
"""
from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from .gitrefs import main_branch, top_level
from .load import RawFile, load_tree
from .model import Catalog, Problem
from .pipeline import check_content

KIND_LABELS = {"editions": "edition", "proposals": "proposal", "ideas": "idea", "workshops": "workshop"}
INTRO = "(text above the first heading)"


class DiffError(Exception):
    pass


@dataclass
class Record:
    """One content file as the diff sees it: identity, label, front matter and sections."""

    key: tuple
    label: str
    path: str
    meta: dict
    sections: dict[str, str]


@dataclass
class Change:
    record: Record
    fields: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    renamed_from: str | None = None


@dataclass
class Tree:
    records: dict[tuple, Record]
    catalog: Catalog
    problems: list[Problem]


def _record(raw: RawFile) -> Record:
    number = raw.name_number if raw.name_number is not None else raw.edition
    title = raw.meta.get("titel")
    label = f"{KIND_LABELS[raw.kind]} {raw.edition}" if raw.kind == "editions" else \
        f"{KIND_LABELS[raw.kind]} {raw.edition}/{number}"
    if isinstance(title, str) and title:
        label += f" “{title}”"
    sections = {INTRO: raw.intro.strip()} if raw.intro.strip() else {}
    for section in raw.sections:
        sections.setdefault(section.heading, section.text.strip())
    return Record((raw.kind, raw.edition, number), label, raw.path, raw.meta, sections)


def read_tree(content: Path, established=None) -> Tree:
    files, _ = load_tree(content) if content.is_dir() else ([], [])
    records: dict[tuple, Record] = {}
    for raw in files:
        record = _record(raw)
        if record.key in records:  # two files with one number: both stay visible
            record.key += (record.path,)
        records[record.key] = record
    catalog, problems = check_content(content, established)
    return Tree(records, catalog, problems)


def _links(catalog: Catalog) -> set[str]:
    links = {f"proposal {p.ref} → idea {i.ref}" for p in catalog.proposals for i in p.ideas}
    return links | {f"workshop {w.ref} → idea {i.ref} (editorial)" for w in catalog.workshops for i in w.related_ideas}


def _notes(tree: Tree) -> set[tuple[str, str]]:
    return {(r.label, str(note)) for r in tree.records.values()
            for note in (r.meta.get("afwijkingen") if isinstance(r.meta.get("afwijkingen"), list) else [])}


def compare(base: Tree, head: Tree) -> dict:
    """Everything the summary shows, sorted so that the same change always gives the same text."""
    added = [head.records[k] for k in sorted(head.records.keys() - base.records.keys(), key=str)]
    removed = [base.records[k] for k in sorted(base.records.keys() - head.records.keys(), key=str)]
    changed = []
    for key in sorted(base.records.keys() & head.records.keys(), key=str):
        old, new = base.records[key], head.records[key]
        change = Change(new, renamed_from=old.path if old.path != new.path else None)
        change.fields = sorted(k for k in old.meta.keys() | new.meta.keys() if old.meta.get(k) != new.meta.get(k))
        change.sections = [h for h in [*old.sections, *(h for h in new.sections if h not in old.sections)]
                           if old.sections.get(h) != new.sections.get(h)]
        if change.fields or change.sections or change.renamed_from:
            changed.append(change)
    base_links, head_links = _links(base.catalog), _links(head.catalog)
    base_notes, head_notes = _notes(base), _notes(head)
    return {
        "added": added, "removed": removed, "changed": changed,
        "links_gained": sorted(head_links - base_links), "links_lost": sorted(base_links - head_links),
        "notes_added": sorted(head_notes - base_notes), "notes_removed": sorted(base_notes - head_notes),
        "problems": head.problems,
    }


def _git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=root, capture_output=True)


def export_content(root: Path, ref: str, folder: str, target: Path) -> Path:
    """BASE's content folder, written below `target`; regular files and folders only (a symbolic link in the
    history is not followed). An empty folder if BASE has no content yet."""
    archive = _git(root, "archive", "--format=tar", ref, "--", folder)
    content = target / folder
    content.mkdir(parents=True, exist_ok=True)
    if archive.returncode == 0:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            members = [m for m in tar.getmembers() if m.isfile() or m.isdir()]
            tar.extractall(target, members=members, filter="data")
    return content


def render(result: dict, base: str, commit: str) -> str:
    env = Environment(loader=PackageLoader("generator", "templates/review"), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    return env.get_template("diff.md.j2").render(base=base, commit=commit, **result)


def diff(content: Path, base: str | None = None) -> str:
    """The Markdown summary of what the working tree's `content/` changes with respect to `base`."""
    root = top_level(content if content.is_dir() else content.parent)
    if root is None:
        raise DiffError(f"{content} is not in a git repository; 'diff' compares with a git commit")
    base = base or main_branch(root)
    if base is None:
        raise DiffError("no main branch found (tried origin/HEAD, origin/main, main, origin/master, master); "
                        "name the base, e.g. .venv/bin/python -m generator diff origin/main")
    commit = _git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
    if commit.returncode != 0:
        raise DiffError(f"'{base}' is not a commit in this repository; name a branch, tag or commit, "
                        "e.g. .venv/bin/python -m generator diff main")
    folder = content.resolve().relative_to(root.resolve()).as_posix()
    with tempfile.TemporaryDirectory(prefix="generator-diff-") as temp:
        base_content = export_content(root, commit.stdout.decode().strip(), folder, Path(temp))
        before = read_tree(base_content, lambda: None)
    known = {r.path for r in before.records.values()}
    after = read_tree(content, lambda: known)
    return render(compare(before, after), base, commit.stdout.decode().strip()[:12])
