"""Stage 1: read every content file into a `RawFile`: front matter as data with the line of every key, and the
body split into sections. Nothing here knows what the keys mean; unreadable files become problems, never
exceptions, so that one broken file does not hide the problems of the others.

Content comes from pull requests, so the loader is bounded before it trusts anything: it looks at what a path is
(`lstat`) before opening it, reads at most `MAX_BYTES`, refuses control characters, and refuses YAML's anchors,
aliases, merge keys and tags and any nesting deeper than `MAX_DEPTH` while the YAML is still a stream of events,
before a tree exists that anything could walk (nine aliases of nine, eight levels deep, make a file of about
400 bytes that expands to hundreds of millions of strings).
"""
from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter
import yaml

from . import messages as M
from .invisible import escape_format, first_format
from .messages import Message, Phrase
from .model import KINDS, Location, Problem, Section, dutch_number
from .yaml_advice import yaml_problem

MAX_BYTES = 512 * 1024
# The longest number of the real content is a year (4 digits). A number written with more characters than this is
# refused while the YAML is still a stream of events: Python refuses to turn a decimal text of more than 4,300 digits
# into an int (and a shorter one of 1,000s of digits is no number of this record), and 20 characters hold any
# 64-bit number, so no int anywhere (key, value, list item, any file) is ever too long to print.
MAX_NUMBER_LENGTH = 20
# A content file name (and so the last part of its page's path) is at most this long: the longest real one has 67
# characters, a file system allows 255 bytes, and the site adds to a name ('.html', '/index.html', '.pdf').
# Names are ASCII (FILE_NAME), so characters are bytes.
MAX_NAME_LENGTH = 100
# The deepest real front matter is an edition's subcategory: mapping → list → mapping → list → mapping.
MAX_DEPTH = 10
# Keys and values (texts and numbers) in one file's YAML: the register has 712, an entry about 30. Every later
# stage reads each value (the schema, the Markdown checks, the register's matching), so 50,000 of them cost seconds;
# a file is refused at the first value past the limit, while it is still being parsed.
MAX_VALUES = 10_000
FILE_NAME = re.compile(r"(?P<number>[0-9]+)-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.md")
YEAR = re.compile(r"[0-9]{4}")
HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t#]*$")
FENCE = re.compile(r"^(```|~~~)")
# Every control character except tab and line feed (C0, DEL, C1): invisible in an editor, never meant.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Any control character, line breaks included (YAML reads U+2028 and U+2029 as line breaks too): in no key and
# no value (schema.py).
CONTROLS = r"\x00-\x1f\x7f-\x9f\u2028\u2029"
ANY_CONTROL = re.compile(f"[{CONTROLS}]")
# Files under content/ that are not Markdown entries; each is read by its own module (with `read_text`).
DATA_FILES = frozenset({"partijen.yml"})
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn")
STR_TAG = "tag:yaml.org,2002:str"
# What YAML reads a key that is not text as, for the message (anything else: M.READ_AS_OTHER).
YAML_TYPES = {"tag:yaml.org,2002:int": M.READ_AS_NUMBER, "tag:yaml.org,2002:float": M.READ_AS_NUMBER,
              "tag:yaml.org,2002:bool": M.READ_AS_YES_NO, "tag:yaml.org,2002:null": M.READ_AS_EMPTY}


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The safe loader (libyaml's when installed: the check reads thousands of files) that keeps dates as text:
    editors write `datum: 2025-01-17` and mean the text."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class RefusedYAML(yaml.MarkedYAMLError):
    """Valid YAML that content may not use; `problem` is the message's sentence, `code` its problem code,
    `problem_mark` where it is. A YAMLError, so that a caller that only knows YAML errors still reports it instead
    of crashing."""

    def __init__(self, event, message: Message, **fields):
        super().__init__(problem=message(**fields), problem_mark=event.start_mark)
        self.code = message.code

    @property
    def line(self) -> int:
        return self.problem_mark.line + 1


_OPEN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def refuse_yaml_features(text: str) -> None:
    """Raise RefusedYAML at the first anchor, alias, merge key or tag, or at nesting deeper than MAX_DEPTH.

    This runs on the parser's events, before any tree is composed: an alias bomb is refused after a handful of
    events, and a thousand nested brackets never reach the (recursive) composer or anything that walks a tree.
    Editors never need these features, and text that starts with '&', '*' or '!' only has to be quoted. More
    than MAX_VALUES values are refused too, at the first one past the limit."""
    depth = values = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.ScalarEvent):
            values += 1
            if values > MAX_VALUES:
                raise RefusedYAML(event, M.YAML_TOO_MANY_VALUES, nth=dutch_number(MAX_VALUES + 1),
                                  maximum=dutch_number(MAX_VALUES))
        if isinstance(event, yaml.AliasEvent):
            raise RefusedYAML(event, M.YAML_ALIAS, anchor=shown(event.anchor))
        if getattr(event, "anchor", None) is not None:
            raise RefusedYAML(event, M.YAML_ANCHOR, anchor=shown(event.anchor))
        if getattr(event, "tag", None) is not None:
            raise RefusedYAML(event, M.YAML_TAG, yaml_tag=shown(event.tag.replace("tag:yaml.org,2002:", "!!")))
        if isinstance(event, yaml.ScalarEvent) and len(event.value) > MAX_NUMBER_LENGTH and _is_number(event):
            raise RefusedYAML(event, M.YAML_LONG_NUMBER, length=dutch_number(len(event.value)),
                              maximum=MAX_NUMBER_LENGTH)
        if isinstance(event, yaml.ScalarEvent) and event.value == "<<" and event.implicit[0]:
            raise RefusedYAML(event, M.YAML_MERGE_KEY)
        if isinstance(event, _OPEN):
            depth += 1
            if depth > MAX_DEPTH:
                raise RefusedYAML(event, M.YAML_TOO_DEEP, maximum=MAX_DEPTH)
        elif isinstance(event, _CLOSE):
            depth -= 1


def _is_number(event: yaml.ScalarEvent) -> bool:
    """Would this scalar be read as an int? (Plain, untagged, and matched by the loader's own int resolver: the same
    rule that makes it an int, so no spelling of one, '1_000', '0x…', '1:30', is missed.)"""
    if not event.implicit[0] or event.style not in (None, "") or not event.value:  # libyaml: "", PyYAML: None
        return False
    resolvers = _Loader.yaml_implicit_resolvers
    for tag, pattern in [*resolvers.get(event.value[0], ()), *resolvers.get(None, ())]:
        if pattern.match(event.value):
            return tag == "tag:yaml.org,2002:int"
    return False


def parse_yaml(text: str):
    """One parse, after `refuse_yaml_features`: the node tree (for the line of every key) and the data
    constructed from it. Every YAML of content goes through here."""
    refuse_yaml_features(text)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def shown(text: str) -> str:
    """A file name or key as it can be printed in a message: control characters and bytes that are not UTF-8
    escaped, so that a hostile name cannot break the `path:line: message` line or the terminal."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return escape_format(ANY_CONTROL.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text))


def _unreadable(rel: str, error: OSError) -> Problem:
    """A path that cannot be opened: a refused permission said in plain words, any other reason as the system
    gives it (in quotes: it is the system's text, in its language)."""
    if error.errno in (errno.EACCES, errno.EPERM):
        return M.UNREADABLE_PERMISSION.at(Location(rel))
    return M.UNREADABLE.at(Location(rel), reason=shown(error.strerror or type(error).__name__))


def _not_a_file(rel: str, kind: Phrase) -> Problem:
    return M.NOT_A_FILE.at(Location(rel), file_kind=kind())


def read_text(path: Path, rel: str) -> tuple[str | None, Problem | None]:
    """A content file's text, or the problem why it cannot be used. Safe on anything a path can name: a FIFO or
    a device is never read (the open does not block, and `fstat` on the open file decides), a file is read only
    up to MAX_BYTES, and the text must be UTF-8 without control characters. Line ends become '\\n'. (Invisible format
    characters are refused where they stand, in a key here and in a value by validate.py.)"""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        return None, _unreadable(rel, error)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, _not_a_file(rel, _kind_of(info.st_mode))
        if info.st_size > MAX_BYTES:
            return None, _too_large(rel, info.st_size)
        data = os.read(fd, MAX_BYTES + 1)
        while len(data) <= MAX_BYTES and (more := os.read(fd, MAX_BYTES + 1 - len(data))):
            data += more
    except OSError as error:
        return None, _unreadable(rel, error)
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        return None, _too_large(rel, len(data))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, M.ENCODING.at(Location(rel, line), byte=f"0x{data[error.start]:02x}")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    control = CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        return None, control_problem(Location(rel, line), M.IN_LINE(), control[0])
    return text, None


def control_problem(location: Location, where: str, char: str) -> Problem:
    """The problem of a control character in a file, a key or a value; `where` is where it is, as the message
    says it: `M.IN_LINE()`, `M.IN_KEY(key=…)` (or, for a value, validate.py's phrase)."""
    return M.CONTROL_CHARACTER.at(location, place=where, code_point=f"U+{ord(char):04X}")


def _too_large(rel: str, size: int) -> Problem:
    return M.FILE_TOO_LARGE.at(Location(rel), size=dutch_number(size), maximum=dutch_number(MAX_BYTES))


def _kind_of(mode: int) -> Phrase:
    if stat.S_ISDIR(mode):
        return M.KIND_FOLDER
    if stat.S_ISFIFO(mode):
        return M.KIND_FIFO
    if stat.S_ISSOCK(mode):
        return M.KIND_SOCKET
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return M.KIND_DEVICE
    return M.KIND_SPECIAL


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
    body: str = ""  # the Markdown below the front matter as written, from file line `body_line`
    # Block scalars ('|', '>') start their text on the line after the key or '-': where each such text begins.
    text_lines: dict[tuple, int] = field(default_factory=dict)

    def line(self, *key) -> int:
        """The line of a key (or of the nearest enclosing key that exists), else the front matter's first line."""
        while key and key not in self.lines:
            key = key[:-1]
        return self.lines.get(key, 1)

    def at(self, *key) -> Location:
        return Location(self.path, self.line(*key))


def load_tree(content: Path) -> tuple[list[RawFile], list[Problem]]:
    """Read every Markdown file under `content/`, sorted by path, and return the files and the problems.
    Everything else under content/ is a problem too (a `.txt`, a `.MD`, a FIFO, a link out), never ignored;
    only hidden files and backups are skipped (see `_tree`)."""
    files: list[RawFile] = []
    root_problem = content_root_problem(content)
    if root_problem:
        return files, [root_problem]
    problems: list[Problem] = []
    root = content.parent
    real_content = os.path.realpath(content)
    for path, info in sorted(_tree(content), key=lambda item: item[0].parts):
        rel = shown(path.relative_to(root).as_posix())
        if isinstance(info, OSError):
            problems.append(_unreadable(rel, info))
            continue
        mode = info.st_mode
        if stat.S_ISLNK(mode):
            mode = followed(path, rel, real_content)
            if isinstance(mode, Problem):
                problems.append(mode)
                continue
        if stat.S_ISDIR(mode):
            if path.name.lower().endswith(MARKDOWN_SUFFIXES):
                problems.append(_not_a_file(rel, M.KIND_FOLDER))
            continue
        if not stat.S_ISREG(mode):
            problems.append(_not_a_file(rel, _kind_of(mode)))
            continue
        parts = path.relative_to(content).parts
        if "/".join(parts) in DATA_FILES:
            continue
        if not path.name.endswith(".md"):
            problems.append(_unknown_file(rel, path.name))
            continue
        raw, file_problems = _read(path, rel, parts)
        problems += file_problems
        if raw is not None:
            files.append(raw)
    return files, problems


def content_root_problem(content: Path) -> Problem | None:
    """content/ itself must be a folder, not a link: through a link every path below it would be somewhere else
    (a pull request can replace the folder by a link to '/' or to a folder of secrets), and nothing is read."""
    if os.path.islink(content):
        return M.CONTENT_IS_A_LINK.at(Location(shown(content.name)), folder=shown(content.name))
    return None


def followed(path: Path, rel: str, real_content: str) -> int | Problem:
    """The mode of what a link under content/ points to, or why it is not read: a link out of content/, to nothing
    or to a folder is refused here, before anything opens it (the register, `partijen.yml`, goes through here too)."""
    if not _inside(os.path.realpath(path), real_content):
        return M.LINK_OUTSIDE.at(Location(rel))
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return _not_a_file(rel, M.KIND_DEAD_LINK)
    if stat.S_ISDIR(mode):  # never followed: a link may make a loop, and content/ is plain folders
        return _not_a_file(rel, M.KIND_FOLDER_LINK)
    return mode


def file_problem(path: Path, rel: str, real_content: str) -> Problem | None:
    """Why a path under content/ that must be a file is not opened (a link out of content/, to nothing or to a
    folder; a folder, a FIFO, a socket, a device), or None for a regular file or a link inside content/ to one. For
    a file that is looked up by its name (`partijen.yml`) rather than found by the walk of `load_tree`."""
    try:
        mode = os.lstat(path).st_mode
    except OSError as error:
        return _unreadable(rel, error)
    if stat.S_ISLNK(mode):
        mode = followed(path, rel, real_content)
        if isinstance(mode, Problem):
            return mode
    return None if stat.S_ISREG(mode) else _not_a_file(rel, _kind_of(mode))


def _tree(content: Path):
    """(path, lstat result or the OSError) of everything below `content/`, without following links and without
    recursion (a pull request can nest folders deeper than Python's stack). Hidden names ('.…', as editors' swap
    files and locks) and backups ('…~') are no content: nothing reads them, so they are skipped, never opened."""
    folders = [content]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as entries:
                children = [child for child in entries if not child.name.startswith(".") and not child.name.endswith("~")]
        except OSError as error:
            yield folder, error
            continue
        for child in children:
            path = Path(child.path)
            try:
                info = child.stat(follow_symlinks=False)
            except OSError as error:
                yield path, error
                continue
            yield path, info
            if stat.S_ISDIR(info.st_mode):
                folders.append(path)


def _inside(real: str, real_content: str) -> bool:
    return real == real_content or real.startswith(real_content.rstrip(os.sep) + os.sep)


def _unknown_file(rel: str, name: str) -> Problem:
    stem, dot, suffix = name.rpartition(".")
    if dot and stem and f".{suffix.lower()}" in MARKDOWN_SUFFIXES:
        return M.UNKNOWN_SUFFIX.at(Location(rel), suffix=shown(suffix), rename_to=f"{shown(stem)}.md")
    return M.UNKNOWN_FILE.at(Location(rel))


def _read(path: Path, rel: str, parts: tuple[str, ...]) -> tuple[RawFile | None, list[Problem]]:
    where = _place(rel, parts)
    if isinstance(where, Problem):
        return None, [where]
    kind, edition, name_number, slug = where
    text, problem = read_text(path, rel)
    if problem:
        return None, [problem]
    if not text.strip():
        return None, [M.EMPTY_FILE.at(Location(rel))]
    handler = frontmatter.YAMLHandler()
    if not text.startswith("---") or not handler.detect(text):
        return None, [M.NO_FRONT_MATTER.at(Location(rel))]
    try:
        fm, body = handler.split(text)
    except ValueError:
        return None, [M.UNCLOSED_FRONT_MATTER.at(Location(rel))]
    for offset, line in enumerate(fm.split("\n")):
        if "\t" in line[: len(line) - len(line.lstrip())]:
            return None, [M.YAML_TAB.at(Location(rel, offset + 1))]
    try:
        node, meta = parse_yaml(fm)
    except RefusedYAML as error:
        return None, [Problem(Location(rel, error.line), error.problem, error.code)]
    except yaml.YAMLError as error:
        return None, [yaml_problem(error, fm, rel)]
    if not isinstance(meta, dict):
        return None, [M.NOT_KEYS.at(Location(rel))]
    lines: dict[tuple, int] = {}
    text_lines: dict[tuple, int] = {}
    problems = _index_lines(node, (), lines, rel, text_lines)
    if any(p.code != "duplicate-key" for p in problems):
        return None, problems  # a key that is not a word: nothing after this stage can name it safely
    body_line = text[: len(text) - len(body)].count("\n") + 1
    intro, sections = split_sections(body, body_line)
    raw = RawFile(kind, rel, edition, name_number, slug, meta, lines, intro, sections, body_line, body, text_lines)
    return raw, problems


def _place(rel: str, parts: tuple[str, ...]):
    """What the path says: kind, edition, number and slug; or the problem with the path."""
    if len(parts) == 2 and parts[0] == "editions":
        year = parts[1].removesuffix(".md")
        if YEAR.fullmatch(year):
            return "editions", int(year), int(year), year
        return M.EDITION_NAME.at(Location(rel))
    if len(parts) != 3 or parts[0] not in KINDS or not YEAR.fullmatch(parts[1]):
        return M.ENTRY_PLACE.at(Location(rel))
    match = FILE_NAME.fullmatch(parts[2])
    if not match:
        return M.FILE_NAME.at(Location(rel))
    if len(parts[2]) > MAX_NAME_LENGTH:
        return M.NAME_TOO_LONG.at(Location(rel), length=dutch_number(len(parts[2])), maximum=MAX_NAME_LENGTH,
                                  rename_to=_shorter(match))
    return parts[0], int(parts[1]), int(match["number"]), match["slug"]


def _shorter(name: re.Match) -> str:
    """A file name that fits: the number (as 'nummer' is written, without extra zeros) and the slug cut after its
    last whole word within 60 characters, like `generator new` makes them."""
    number = f"{int(name['number']):03d}"
    slug = name["slug"][:61]
    slug = slug.rsplit("-", 1)[0] if len(slug) > 60 and "-" in slug else slug[:60]
    return f"{number}-{slug}.md"


def _index_lines(node, path: tuple, lines: dict, rel: str, text_lines: dict | None = None) -> list[Problem]:
    """Record the 1-based file line of every key and list item (front matter starts on file line 1), and where the
    text of a block scalar begins."""
    problems = []
    lines[path] = node.start_mark.line + 1
    if text_lines is not None and isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
        text_lines[path] = node.start_mark.line + 2
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key, value in node.value:
            name = key.value
            if key.tag != STR_TAG:
                read_as = YAML_TYPES.get(key.tag, M.READ_AS_OTHER)
                problems.append(M.KEY_NOT_A_WORD.at(Location(rel, key.start_mark.line + 1), key=shown(name),
                                                    read_as=read_as()))
                continue
            bad = ANY_CONTROL.search(name)
            bad = bad[0] if bad else first_format(name)  # a bidi control or zero-width space too
            if bad:
                problems.append(control_problem(Location(rel, key.start_mark.line + 1), M.IN_KEY(key=shown(name)),
                                                bad))
                continue
            if name in seen:
                problems.append(M.DUPLICATE_KEY.at(Location(rel, key.start_mark.line + 1), key=name))
            seen.add(name)
            problems += _index_lines(value, path + (name,), lines, rel, text_lines)
            lines[path + (name,)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            problems += _index_lines(item, path + (index,), lines, rel, text_lines)
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
