"""Stage 1: read every content file into a `RawFile`: front matter as data with the line of every key, and the
body split into sections. Nothing here knows what the keys mean; unreadable files become problems, never
exceptions, so that one broken file does not hide the problems of the others.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter
import yaml

from .model import KINDS, Location, Problem, Section
from .yaml_advice import yaml_problem

MAX_BYTES = 512 * 1024
FILE_NAME = re.compile(r"^(?P<number>[0-9]+)-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
YEAR = re.compile(r"^[0-9]{4}$")
HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t#]*$")
FENCE = re.compile(r"^(```|~~~)")


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The safe loader (libyaml's when installed: the check reads thousands of files) that keeps dates as text:
    editors write `datum: 2025-01-17` and mean the text."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_yaml(text: str):
    """One parse: the node tree (for the line of every key) and the data constructed from it."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


@dataclass
class RawFile:
    """A content file as read: where it is, what its name says, its data and its body."""

    kind: str
    path: str
    edition: int | None
    name_number: int | None
    slug: str
    meta: dict
    lines: dict[tuple, int]
    intro: str = ""
    sections: list[Section] = field(default_factory=list)
    body_line: int = 1

    def line(self, *key) -> int:
        """The line of a key (or of the nearest enclosing key that exists), else the front matter's first line."""
        while key and key not in self.lines:
            key = key[:-1]
        return self.lines.get(key, 1)

    def at(self, *key) -> Location:
        return Location(self.path, self.line(*key))


def load_tree(content: Path) -> tuple[list[RawFile], list[Problem]]:
    """Read every Markdown file under `content/`, sorted by path, and return the files and the problems."""
    files: list[RawFile] = []
    problems: list[Problem] = []
    root = content.parent
    resolved_content = content.resolve()
    for path in sorted(content.rglob("*.md")):
        rel = path.relative_to(root).as_posix()
        if not path.resolve().is_relative_to(resolved_content):
            problems.append(Problem(Location(rel), "points outside content/; move the file itself into content/", "bad-path"))
            continue
        raw, file_problems = _read(path, rel, path.relative_to(content).parts)
        problems += file_problems
        if raw is not None:
            files.append(raw)
    return files, problems


def _read(path: Path, rel: str, parts: tuple[str, ...]) -> tuple[RawFile | None, list[Problem]]:
    where = _place(rel, parts)
    if isinstance(where, Problem):
        return None, [where]
    kind, edition, name_number, slug = where
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        return None, [Problem(Location(rel), f"file is {len(data):,} bytes, more than the {MAX_BYTES:,} allowed; "
                              "split it or remove pasted material", "file-too-large")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [Problem(Location(rel, line), f"byte 0x{data[error.start]:02x} is not UTF-8; save the file as "
                              "UTF-8 (in most editors: 'Save with encoding' → UTF-8)", "encoding")]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return None, [Problem(Location(rel), "file is empty; it needs front matter between '---' lines, "
                              "see CONTRIBUTING.md", "empty-file")]
    handler = frontmatter.YAMLHandler()
    if not text.startswith("---") or not handler.detect(text):
        return None, [Problem(Location(rel), "no front matter: the file must start with a line '---', the keys, "
                              "and another line '---'", "no-front-matter")]
    try:
        fm, body = handler.split(text)
    except ValueError:
        return None, [Problem(Location(rel), "front matter is not closed: add a line '---' after the last key",
                              "no-front-matter")]
    for offset, line in enumerate(fm.split("\n")):
        if "\t" in line[: len(line) - len(line.lstrip())]:
            return None, [Problem(Location(rel, offset + 1), "front matter is indented with a tab; YAML needs "
                                  "spaces: replace the tab by spaces", "yaml-syntax")]
    try:
        node, meta = parse_yaml(fm)
    except yaml.YAMLError as error:
        return None, [yaml_problem(error, fm, rel)]
    if not isinstance(meta, dict):
        return None, [Problem(Location(rel), "front matter must be keys with values ('key: value' lines)", "wrong-type")]
    lines: dict[tuple, int] = {}
    problems = _index_lines(node, (), lines, rel)
    body_line = text[: len(text) - len(body)].count("\n") + 1
    intro, sections = split_sections(body, body_line)
    raw = RawFile(kind, rel, edition, name_number, slug, meta, lines, intro, sections, body_line)
    return raw, problems


def _place(rel: str, parts: tuple[str, ...]):
    """What the path says: kind, edition, number and slug; or the problem with the path."""
    if len(parts) == 2 and parts[0] == "editions":
        year = parts[1].removesuffix(".md")
        if YEAR.match(year):
            return "editions", int(year), int(year), year
        return Problem(Location(rel), "an edition file is named after its year, e.g. content/editions/2025.md", "bad-path")
    if len(parts) != 3 or parts[0] not in KINDS or not YEAR.match(parts[1]):
        return Problem(Location(rel), "entries live in content/<proposals|ideas|workshops>/<year>/<number>-<slug>.md; "
                       "move the file there", "bad-path")
    match = FILE_NAME.match(parts[2])
    if not match:
        return Problem(Location(rel), "file name must be <number>-<slug>.md with a lower-case slug of letters, digits "
                       "and hyphens, e.g. 001-het-spel-gaat-beginnen.md", "bad-file-name")
    return parts[0], int(parts[1]), int(match["number"]), match["slug"]


def _index_lines(node, path: tuple, lines: dict, rel: str) -> list[Problem]:
    """Record the 1-based file line of every key and list item (front matter starts on file line 1)."""
    problems = []
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key, value in node.value:
            name = key.value
            if name in seen:
                problems.append(Problem(Location(rel, key.start_mark.line + 1),
                                        f"key '{name}' appears twice; keep one", "duplicate-key"))
            seen.add(name)
            problems += _index_lines(value, path + (name,), lines, rel)
            lines[path + (name,)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            problems += _index_lines(item, path + (index,), lines, rel)
    return problems


def split_sections(body: str, first_line: int) -> tuple[str, list[Section]]:
    """Split a Markdown body on its `##` headings; text before the first heading is the intro."""
    chunks: list[tuple[str | None, int, list[str]]] = [(None, first_line, [])]
    in_fence = False
    for offset, line in enumerate(body.split("\n")):
        if FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else HEADING.match(line)
        if match and len(match["hashes"]) == 2:
            chunks.append((match["text"].strip(), first_line + offset, []))
        else:
            chunks[-1][2].append(line)
    intro = "\n".join(chunks[0][2]).strip()
    return intro, [Section(heading, "\n".join(lines).strip(), line) for heading, line, lines in chunks[1:]]
