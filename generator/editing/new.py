"""`python -m generator new`: a new entry with the next free number, the right file name, and every key and
heading ready to fill in. It never overwrites: the file is created exclusively."""
from __future__ import annotations

import json
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from slugify import slugify

from ..content.link import number_ranges
from ..content.load import load_tree
from ..content.model import CARD_SECTIONS, KINDS, OUTCOME_SECTIONS, Edition
from ..content.validate import validate
from . import messages as M

SLUG_LENGTH = 60


class NewEntryError(Exception):
    pass


def make_slug(title: str) -> str:
    """The title's slug, cut after the last whole word that fits in SLUG_LENGTH. (python-slugify's own
    `word_boundary` skips a long word and carries on with shorter ones after it, so the slug no longer reads as
    the title; only a first word longer than the limit is cut.)"""
    slug = ""
    for word in slugify(title).split("-"):
        if slug and len(slug) + 1 + len(word) > SLUG_LENGTH:
            break
        slug = f"{slug}-{word}" if slug else word[:SLUG_LENGTH]
    return slug


def next_number(content: Path, kind: str, year: int) -> int:
    """One more than the highest number in use, read from file names, so broken files are counted too."""
    folder = content / kind / str(year)
    numbers = [int(p.name.split("-", 1)[0]) for p in folder.glob("*.md") if p.name.split("-", 1)[0].isdigit()]
    return max(numbers, default=0) + 1


def _edition(content: Path, year: int) -> tuple[Edition, list[int], bool]:
    """The edition, the numbers of its workshop files (an edition whose workshops are entries: a proposal names
    its workshop) and whether an earlier edition is declared (an entry may build on its ideas)."""
    files, _ = load_tree(content)
    editions = validate([f for f in files if f.kind == "editions"]).editions
    found = next((e for e in editions if e.year == year), None)
    if found is None:
        raise NewEntryError(M.NEW_UNKNOWN_EDITION(year=year, declared=M.declared_editions([e.year for e in editions])))
    workshops = sorted(f.name_number for f in files if f.kind == "workshops" and f.edition == year)
    return found, workshops, any(e.year < year for e in editions)


def new_entry(content: Path, kind: str, year: int, title: str) -> Path:
    if kind not in KINDS:
        raise NewEntryError(M.NEW_UNKNOWN_KIND(kind=kind, kinds=M.listed([f"'{k}'" for k in KINDS], "of")))
    slug = make_slug(title)
    if not title.strip() or not slug:
        raise NewEntryError(M.NEW_NO_TITLE)
    edition, workshops, earlier = _edition(content, year)
    number = next_number(content, kind, year)
    env = Environment(loader=PackageLoader("generator.editing", "templates/new"), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["yaml"] = lambda text: json.dumps(text, ensure_ascii=False)
    text = env.get_template(f"{kind}.md.j2").render(number=number, title=title, edition=edition,
                                                    card_sections=CARD_SECTIONS, outcome_sections=OUTCOME_SECTIONS,
                                                    workshops=number_ranges(workshops) if workshops else "",
                                                    earlier=earlier)
    path = content / kind / str(year) / f"{number:03d}-{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise NewEntryError(M.NEW_EXISTS(path=path)) from None
    return path
