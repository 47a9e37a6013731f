"""Stage 2: check every file against the schema of its kind and turn it into a typed entry.

Checks that need only the file itself live here (keys, types, file name, headings, unsafe HTML); checks that need
other files (links, duplicates, allow-lists) are the link stage's.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from jsonschema import Draft202012Validator

from .load import RawFile
from .model import CARD_SECTIONS, Edition, Idea, Leader, Link, Location, Problem, Proposal, Ref, Workshop, Category
from .schema import SCHEMAS

VALIDATORS = {kind: Draft202012Validator(schema) for kind, schema in SCHEMAS.items()}

UNSAFE_HTML = [
    (re.compile(r"<\s*/?\s*(script|iframe|object|embed|style|form|input|button|link|meta|base|svg|math)\b", re.I),
     "raw HTML element <{0}>"),
    (re.compile(r"<[^>]*\s(on[a-z]+)\s*=", re.I), "an event-handler attribute ({0}=)"),
    (re.compile(r"\b(javascript|vbscript)\s*:", re.I), "a '{0}:' link"),
    (re.compile(r"\b(data)\s*:\s*text/html", re.I), "a '{0}:text/html' link"),
]

TYPE_NAMES = {"integer": "a whole number", "string": "text", "array": "a list", "object": "keys with values"}


def did_you_mean(word: str, choices, cutoff: float = 0.6) -> str:
    """MkDocs-style hint: the closest valid choice, else the list of valid choices."""
    choices = list(choices)
    close = difflib.get_close_matches(word, choices, n=1, cutoff=cutoff)
    if close:
        return f"Did you mean '{close[0]}'?"
    return "Valid: " + ", ".join(f"'{c}'" for c in choices) + "."


@dataclass
class Validated:
    """What the link stage works on: the typed objects, the problems, and which files exist but are broken
    (so that links to them are not reported a second time as dead)."""

    editions: list[Edition] = field(default_factory=list)
    entries: list = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    broken: set[Ref] = field(default_factory=set)


def validate(files: list[RawFile]) -> Validated:
    result = Validated()
    for raw in files:
        file_problems = schema_problems(raw) + name_problems(raw) + html_problems(raw)
        if raw.kind == "proposals":
            file_problems += heading_problems(raw)
        result.problems += file_problems
        if file_problems:
            result.broken.add(Ref(raw.edition, raw.kind, raw.name_number))
        else:
            built = BUILDERS[raw.kind](raw)
            (result.editions if raw.kind == "editions" else result.entries).append(built)
    return result


def _dotted(path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _expected(schema: dict) -> str:
    if "enum" in schema:
        return "one of " + ", ".join(f"'{value}'" for value in schema["enum"])
    if "anyOf" in schema:
        kinds = [s.get("type") for s in schema["anyOf"]]
        if any("pattern" in s for s in schema["anyOf"]):
            return "a number (e.g. 14) or 'year/number' (e.g. '2025/14')"
        return " or ".join(TYPE_NAMES.get(k, k) for k in kinds)
    if "pattern" in schema:
        is_date = "[0-9]{4}-" in schema["pattern"]
        return "a date like 2025-01-17" if is_date else "a lower-case slug like 'lokaal-voorbereiden'"
    if schema.get("minimum"):
        return "a whole number of 1 or more"
    return TYPE_NAMES.get(schema.get("type"), str(schema.get("type")))


def schema_problems(raw: RawFile) -> list[Problem]:
    problems = []
    errors = list(VALIDATORS[raw.kind].iter_errors(raw.meta))
    # A mistyped key is reported once, as unknown with its suggestion, not also as the missing key it meant.
    meant = {difflib.get_close_matches(str(extra), e.schema["properties"], n=1, cutoff=0.6)[0]
             for e in errors if e.validator == "additionalProperties"
             for extra in set(e.instance) - set(e.schema["properties"])
             if difflib.get_close_matches(str(extra), e.schema["properties"], n=1, cutoff=0.6)}
    for error in errors:
        path = tuple(error.absolute_path)
        key = _dotted(path)
        if error.validator == "required":
            for missing in error.validator_value:
                if missing not in error.instance and not (missing in meant and not error.absolute_path):
                    where = f" in '{key}'" if key else ""
                    problems.append(Problem(raw.at(*path), f"missing required key '{missing}'{where}; add "
                                            f"'{missing}: …' (see CONTRIBUTING.md)", "missing-key"))
        elif error.validator == "additionalProperties":
            allowed = error.schema["properties"].keys()
            for extra in sorted(set(error.instance) - set(allowed)):
                problems.append(Problem(raw.at(*path, extra), f"unknown key '{_dotted(path + (extra,))}'. "
                                        f"{did_you_mean(str(extra), allowed)}", "unknown-key"))
        elif error.instance is None or error.validator == "minLength":
            problems.append(Problem(raw.at(*path), f"key '{key}' has no value; fill it in or remove the line",
                                    "empty-value"))
        else:
            problems.append(Problem(raw.at(*path), f"key '{key}' must be {_expected(error.schema)}, "
                                    f"not {error.instance!r}", "wrong-type"))
    return sorted(set(problems))


def name_problems(raw: RawFile) -> list[Problem]:
    number = raw.meta.get("nummer")
    if raw.kind == "editions" or not isinstance(number, int) or number == raw.name_number:
        return []
    return [Problem(raw.at("nummer"), f"the file name says number {raw.name_number} but 'nummer' is {number}; "
                    f"rename the file to {number:03d}-{raw.slug}.md or correct 'nummer'", "number-mismatch")]


def _strings(value, path=()):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,))


def html_problems(raw: RawFile) -> list[Problem]:
    """Raw HTML that could run code is rejected here; the renderer sanitises as well, in case this is skipped."""
    places = [(raw.at(*path), text) for path, text in _strings(raw.meta)]
    places += [(Location(raw.path, raw.body_line), raw.intro)]
    places += [(Location(raw.path, s.line), f"## {s.heading}\n{s.text}") for s in raw.sections]
    problems = []
    for location, text in places:
        for offset, line in enumerate(text.split("\n")):
            for pattern, what in UNSAFE_HTML:
                match = pattern.search(line)
                if match:
                    at = Location(location.path, location.line + offset)
                    problems.append(Problem(at, f"{what.format(match[1].lower())} is not allowed: it could run code "
                                            "in a reader's browser; remove it and write plain text or Markdown",
                                            "unsafe-html"))
                    break
    return problems


def heading_problems(raw: RawFile) -> list[Problem]:
    """Other headings are allowed and kept, but one that is nearly a card heading is a typo."""
    problems, seen = [], set()
    for section in raw.sections:
        if section.heading in seen:
            problems.append(Problem(Location(raw.path, section.line), f"heading '{section.heading}' appears twice; "
                                    "merge the two sections", "duplicate-heading"))
        seen.add(section.heading)
        if section.heading not in CARD_SECTIONS:
            close = difflib.get_close_matches(section.heading, CARD_SECTIONS, n=1, cutoff=0.8)
            if close:
                problems.append(Problem(Location(raw.path, section.line), f"unknown heading '{section.heading}'. "
                                        f"Did you mean '{close[0]}'?", "unknown-heading"))
    return problems


def parse_ref(value, edition: int, kind: str) -> Ref:
    if isinstance(value, int):
        return Ref(edition, kind, value)
    year, number = value.split("/")
    return Ref(int(year), kind, int(number))


def _links(raw: RawFile, key: str, kind: str) -> list[Link]:
    return [Link(parse_ref(value, raw.edition, kind), raw.line(key, i)) for i, value in enumerate(raw.meta.get(key, []))]


def _common(raw: RawFile) -> dict:
    return dict(edition=raw.edition, number=raw.meta["nummer"], title=raw.meta["titel"], slug=raw.slug,
                location=Location(raw.path, 1), discrepancies=list(raw.meta.get("afwijkingen", [])),
                sections=raw.sections, intro=raw.intro,
                key_lines={key: raw.line(key) for key in raw.meta})


def build_proposal(raw: RawFile) -> Proposal:
    m = raw.meta
    return Proposal(**_common(raw), summary=m.get("samenvatting"), theme=m["thema"], group=m.get("groep"),
                    volunteers=m.get("vrijwilligers"), idea_links=_links(raw, "ideeen", "ideas"))


def build_idea(raw: RawFile) -> Idea:
    return Idea(**_common(raw), category=raw.meta["categorie"], subcategory=raw.meta.get("subcategorie"))


def build_workshop(raw: RawFile) -> Workshop:
    leaders = [Leader(x["naam"], x.get("rol"), x.get("organisatie"), raw.line("leiders", i, "organisatie"))
               for i, x in enumerate(raw.meta["leiders"])]
    return Workshop(**_common(raw), leaders=leaders, related_links=_links(raw, "verwante_ideeen", "ideas"))


def _categories(items) -> list[Category]:
    return [Category(c["slug"], c["naam"], _categories(c.get("subcategorieen", []))) for c in items or []]


def build_edition(raw: RawFile) -> Edition:
    m = raw.meta
    return Edition(raw.edition, m["titel"], m["datum"], Location(raw.path, 1), raw.intro, list(m.get("bronnen", [])),
                   list(m.get("afwijkingen", [])), _categories(m.get("themas")), _categories(m.get("categorieen")))


BUILDERS = {"proposals": build_proposal, "ideas": build_idea, "workshops": build_workshop, "editions": build_edition}
