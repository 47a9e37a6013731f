"""`python -m generator diff BASE`: what a change does to the record, as Markdown for a pull request's reviewer.

Both trees are read the way the check reads them: BASE's `content/` is exported from git into a temporary folder,
the working tree's is read in place. The two are compared as a reader of the site would: entries (by edition, kind
and number, so a renamed file is a changed entry), the front matter keys and `##` sections that changed, the links
between entries, the discrepancy notes; and the problems the check finds in the new tree.
"""
from __future__ import annotations

import io
import os
import re
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..content.gitrefs import main_branch, top_level
from ..content.load import RawFile, load_tree, shown
from ..content.model import OUTCOME_SECTIONS, Catalog, Problem
from ..pages.generate import check_content
from . import messages as M
from .messages import INTRO, KIND_LABELS

# The summary is Markdown that GitHub renders with some HTML, in the public job summary: every value in it is
# content of a pull request. So every `{{ … }}` of the template is escaped (the environment's `finalize`), unless a
# filter made it safe for where it stands (`code`): it stays on one line, and every character that could start
# Markdown or HTML (a tag, a comment, an entity, a link, an image, emphasis, a code span, a table cell, math, a
# heading or quote or list at the start of a line) is backslash-escaped, which CommonMark allows for any ASCII
# punctuation and shows as the character itself.
WHITESPACE = re.compile(r"\s+")
MARKDOWN = re.compile(r"([\\`*_{}\[\]<>#|!~&$])")
LEADING = re.compile(r"^([-+=])")
BACKTICKS = re.compile(r"`+")


class Verbatim(str):
    """Text already made safe for the place it stands in the summary: `finalize` leaves it as it is."""


def one_line(value) -> str:
    """A value on one line: every run of white space (line breaks too) one space; control characters, and format
    characters such as the bidi overrides that would reorder the text after them, written as escapes."""
    return shown(WHITESPACE.sub(" ", str(value)).strip())  # shown() escapes control and format characters


def markdown_text(value) -> str:
    """A value as plain text inside a line of Markdown: nothing in it is markup."""
    if isinstance(value, Verbatim):
        return value
    return LEADING.sub(r"\\\1", MARKDOWN.sub(r"\\\1", one_line(value)))


def code(value) -> Verbatim:
    """A value as a code span (a path, a key): its delimiter longer than any run of backticks inside, so the span
    cannot end early; inside a code span nothing is markup, not even a backslash."""
    text = one_line(value)
    fence = "`" * (max((len(run) for run in BACKTICKS.findall(text)), default=0) + 1)
    pad = " " if text.startswith(("`", " ")) or text.endswith(("`", " ")) or not text else ""
    return Verbatim(f"{fence}{pad}{text}{pad}{fence}")


class DiffError(Exception):
    pass


@dataclass
class Record:
    """One content file as the diff sees it: identity, label, front matter and sections. `checked`: the check
    found no error in the file, so its title and notes are values of the checked model and may be shown."""

    key: tuple
    label: str
    path: str
    meta: dict
    sections: dict[str, str]
    checked: bool = True


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


def _record(raw: RawFile, checked: bool) -> Record:
    number = raw.name_number if raw.name_number is not None else raw.edition
    title = raw.meta.get("titel")
    label = f"{KIND_LABELS[raw.kind]} {raw.edition}" if raw.kind == "editions" else \
        f"{KIND_LABELS[raw.kind]} {raw.edition}/{number}"
    if checked and isinstance(title, str) and title:
        label += f" “{title}”"
    sections = {INTRO: raw.intro.strip()} if raw.intro.strip() else {}
    for section in raw.sections:
        sections.setdefault(section.heading, section.text.strip())
    return Record((raw.kind, raw.edition, number), label, raw.path, raw.meta, sections, checked)


def read_tree(content: Path, established=None) -> Tree:
    catalog, problems = check_content(content, established)
    files, _ = load_tree(content) if content.is_dir() else ([], [])
    broken = {p.location.path for p in problems if p.is_error}
    records: dict[tuple, Record] = {}
    for raw in files:
        record = _record(raw, raw.path not in broken)
        if record.key in records:  # two files with one number: both stay visible
            record.key += (record.path,)
        records[record.key] = record
    return Tree(records, catalog, problems)


def _name(entry) -> str:
    """An entry as the summary's lines name it: `voorstel 2025/1`."""
    return f"{KIND_LABELS[entry.kind]} {entry.ref}"


def _links(catalog: Catalog) -> set[str]:
    links = {M.LINK(source=_name(p), target=_name(i)) for p in catalog.proposals for i in p.ideas}
    return links | {M.EDITORIAL_LINK(source=_name(w), target=_name(i))
                    for w in catalog.workshops for i in w.related_ideas}


def _followups(catalog: Catalog) -> set[tuple]:
    """The follow-up links of issue 28 (a proposal's workshop, the `verwante_ideeen` of proposals and ideas), as
    (source, relation, target); a workshop's `verwante_ideeen` are among the links above."""
    links = {(p.ref, "→", p.workshop.ref) for p in catalog.proposals if p.workshop is not None}
    return links | {(e.ref, M.BUILDS_ON, i.ref) for e in [*catalog.proposals, *catalog.ideas] for i in e.related_ideas}


def _followup_lines(links: set[tuple]) -> list[str]:
    return [f"{KIND_LABELS[a.kind]} {a} {relation} {KIND_LABELS[b.kind]} {b}" for a, relation, b in sorted(links)]


@dataclass
class Outcomes:
    """What a change does to the outcomes of one workshop: the outcome sections added, changed or removed, and
    `deelnemers` (old, new) when it changed."""

    label: str
    path: str
    sections: list[str]
    participants: tuple | None = None


def _outcomes(base: Tree, head: Tree) -> dict[str, list[Outcomes]]:
    """Per workshop, its outcomes (OUTCOME_SECTIONS and `deelnemers`) that are new, changed or gone, in the order
    of the workshops (edition, number)."""
    found: dict[str, list[Outcomes]] = {"added": [], "changed": [], "removed": []}
    keys = {k for tree in (base, head) for k in tree.records if k[0] == "workshops"}
    for key in sorted(keys, key=lambda k: (k[1], k[2], k[3:])):
        old, new = base.records.get(key), head.records.get(key)
        record = new or old
        before = {h: t for h, t in (old.sections if old else {}).items() if h in OUTCOME_SECTIONS}
        after = {h: t for h, t in (new.sections if new else {}).items() if h in OUTCOME_SECTIONS}
        was, now = (r.meta.get("deelnemers") if r else None for r in (old, new))
        kinds = {
            "added": ([h for h in OUTCOME_SECTIONS if h in after and h not in before],
                      (was, now) if was is None and now is not None else None),
            "changed": ([h for h in OUTCOME_SECTIONS if h in after and h in before and after[h] != before[h]],
                        (was, now) if None not in (was, now) and was != now else None),
            "removed": ([h for h in OUTCOME_SECTIONS if h in before and h not in after],
                        (was, now) if was is not None and now is None else None),
        }
        for kind, (sections, participants) in kinds.items():
            if sections or participants:
                found[kind].append(Outcomes(record.label, record.path, sections, participants))
    return found


def _notes(tree: Tree, unchecked: set[tuple]) -> set[tuple[str, str]]:
    """The discrepancy notes of the checked files; a file with an error on either side is left out on both, so
    that breaking a file does not read as its notes being removed (its problems are listed instead)."""
    return {(r.label, note) for key, r in tree.records.items() if key not in unchecked
            for note in (r.meta.get("afwijkingen") if isinstance(r.meta.get("afwijkingen"), list) else [])
            if isinstance(note, str)}


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
    unchecked = {k for tree in (base, head) for k, r in tree.records.items() if not r.checked}
    base_notes, head_notes = _notes(base, unchecked), _notes(head, unchecked)
    base_followups, head_followups = _followups(base.catalog), _followups(head.catalog)
    outcomes = _outcomes(base, head)
    return {
        "added": added, "removed": removed, "changed": changed,
        "outcomes_added": outcomes["added"], "outcomes_changed": outcomes["changed"],
        "outcomes_removed": outcomes["removed"],
        "followups_gained": _followup_lines(head_followups - base_followups),
        "followups_lost": _followup_lines(base_followups - head_followups),
        "links_gained": sorted(head_links - base_links), "links_lost": sorted(base_links - head_links),
        "notes_added": sorted(head_notes - base_notes), "notes_removed": sorted(base_notes - head_notes),
        "problems": head.problems, "errors": sum(p.is_error for p in head.problems),
    }


def _git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=root, capture_output=True)


def export_content(root: Path, ref: str, folder: str, target: Path) -> Path:
    """BASE's content folder, written below `target`; regular files and folders only: a symbolic link in the
    history is never written, so nothing read from the export can lead out of it (the `data` filter refuses any
    other way out). An empty folder if BASE has no content yet."""
    archive = _git(root, "archive", "--format=tar", ref, "--", folder)
    content = target / folder
    content.mkdir(parents=True, exist_ok=True)
    if archive.returncode == 0:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            members = [m for m in tar.getmembers() if m.isfile() or m.isdir()]
            tar.extractall(target, members=members, filter="data")
    return content


def render(result: dict, base: str, commit: str) -> str:
    env = Environment(loader=PackageLoader("generator.editing", "templates/review"), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, finalize=markdown_text)
    env.filters["code"] = code
    text = env.get_template("diff.md.j2").render(base=base, commit=commit, **result)
    return re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"


def diff(content: Path, base: str | None = None) -> str:
    """The Markdown summary of what the working tree's `content/` changes with respect to `base`."""
    # content/ as a link is refused by the check (load.content_root_problem): git is asked from its parent, never
    # from wherever the link points.
    root = top_level(content if content.is_dir() and not content.is_symlink() else content.parent)
    if root is None:
        raise DiffError(M.DIFF_NO_GIT(content=content))
    base = base or main_branch(root)
    if base is None:
        raise DiffError(M.DIFF_NO_MAIN(tried="origin/HEAD, origin/main, main, origin/master, master",
                                       example=".venv/bin/python -m generator diff origin/main"))
    commit = _git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
    if commit.returncode != 0:
        raise DiffError(M.DIFF_NOT_A_COMMIT(base=base, example=".venv/bin/python -m generator diff main"))
    try:  # the folder's own name, not its link's target
        folder = (Path(os.path.realpath(content.parent)) / content.name).relative_to(os.path.realpath(root)).as_posix()
    except ValueError:
        raise DiffError(M.DIFF_OUTSIDE(content=content, root=root)) from None
    with tempfile.TemporaryDirectory(prefix="generator-diff-") as temp:
        base_content = export_content(root, commit.stdout.decode().strip(), folder, Path(temp))
        before = read_tree(base_content, lambda: None)
    known = {r.path for r in before.records.values()}
    after = read_tree(content, lambda: known)
    return render(compare(before, after), base, commit.stdout.decode().strip()[:12])
