"""Stage 2: check every file against the schema of its kind and turn it into a typed entry.

Checks that need only the file itself live here (keys, types, file name, headings, the Markdown surface); checks that need
other files (links, duplicates, allow-lists) are the link stage's.
"""
from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass, field

from jsonschema import Draft202012Validator, validators

from . import bounds, markup
from . import messages as M
from .invisible import format_problems
from .load import ANY_CONTROL, RawFile, control_problem
from .model import (CARD_SECTIONS, GENERATED_SECTIONS, OUTCOME_SECTIONS, STEPS, Category, Edition, Idea, Leader, Link,
                    Location, Problem, Proposal, Ref, Step, Workshop, dutch_number)
from .privacy import contact_problems, file_name_problems, volunteer_problems
from .schema import DATE_PATTERN, MAX_ENTRY_NUMBER, REF_PATTERN, SCHEMAS, SLUG_PATTERN
from .titles import title_problems


def _is_integer(checker, instance) -> bool:
    """A whole number as written: not True (YAML's `yes`), and not 1.0, which JSON Schema counts as an integer
    but the site would print as '1.0' (in a title, in the JSON, in a file name)."""
    return isinstance(instance, int) and not isinstance(instance, bool)


# Draft 2020-12 with that integer, and with `format` asserted (a `date` must exist: no 2025-02-30).
Validator = validators.extend(Draft202012Validator,
                              type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer))
VALIDATORS = {kind: Validator(schema, format_checker=Validator.FORMAT_CHECKER) for kind, schema in SCHEMAS.items()}
# A proposal of an edition that declares themes needs its `thema` (issue 28: the 2026 edition has none).
THEMED_PROPOSAL = Validator({**SCHEMAS["proposals"], "required": [*SCHEMAS["proposals"]["required"], "thema"]},
                            format_checker=Validator.FORMAT_CHECKER)


def quoted_list(choices) -> str:
    """'a', 'b', 'c': choices as a message lists them."""
    return ", ".join(f"'{c}'" for c in choices)


def closest(word: str, choices, cutoff: float = 0.6) -> str | None:
    """The valid choice a mistyped word most likely meant, if any is close enough."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return close[0] if close else None


def did_you_mean(word: str, choices, cutoff: float = 0.6) -> str:
    """MkDocs-style hint: the closest valid choice ("bedoelt u 'x'?"), else the list of valid choices."""
    choices = list(choices)
    if (choice := closest(word, choices, cutoff)) is not None:
        return M.DID_YOU_MEAN(choice=choice)
    return M.MAY_BE(choices=quoted_list(choices))


@dataclass
class Validated:
    """What the link stage works on: the typed objects, the problems, and which files exist but are broken
    (so that links to them are not reported a second time as dead)."""

    editions: list[Edition] = field(default_factory=list)
    entries: list = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    broken: set[Ref] = field(default_factory=set)


@dataclass(frozen=True)
class Editions:
    """What a proposal's check needs to know of the editions, read from the files themselves: which edition files
    there are, which declare themes, and which editions' workshops are entries (at least one workshop file)."""

    declared: frozenset[int] = frozenset()
    themed: frozenset[int] = frozenset()
    with_workshops: frozenset[int] = frozenset()
    # The slugs of each edition's themes and categories, as written (for the example of an empty `thema`).
    themes: dict = field(default_factory=dict)
    categories: dict = field(default_factory=dict)
    workshops: dict = field(default_factory=dict)  # the numbers of each edition's workshop files

    @classmethod
    def of(cls, files: list[RawFile]) -> "Editions":
        editions = [raw for raw in files if raw.kind == "editions"]
        return cls(frozenset(raw.edition for raw in editions),
                   frozenset(raw.edition for raw in editions if raw.meta.get("themas")),
                   frozenset(raw.edition for raw in files if raw.kind == "workshops"),
                   {raw.edition: _slugs(raw.meta.get("themas")) for raw in editions},
                   {raw.edition: _slugs(raw.meta.get("categorieen")) for raw in editions},
                   _numbers_by_edition(raw for raw in files if raw.kind == "workshops"))

    def choices(self, raw: RawFile) -> dict[str, list[str]]:
        """What the edition allows for a key of this file: a proposal's `thema` and `workshop`, an idea's
        `categorie`."""
        if raw.kind == "proposals":
            return {key: values for key, values in (("thema", self.themes.get(raw.edition)),
                                                    ("workshop", self.workshops.get(raw.edition))) if values}
        if raw.kind == "ideas" and self.categories.get(raw.edition):
            return {"categorie": self.categories[raw.edition]}
        return {}


def _numbers_by_edition(files) -> dict[int, list[int]]:
    numbers: dict[int, list[int]] = {}
    for raw in files:
        if raw.name_number is not None:
            numbers.setdefault(raw.edition, []).append(raw.name_number)
    return {year: sorted(set(found)) for year, found in numbers.items()}


def _slugs(items) -> list[str]:
    """The slugs of an edition's themes or categories, skipping what is not one (reported on the edition)."""
    items = items if isinstance(items, list) else []
    return [item["slug"] for item in items if isinstance(item, dict) and isinstance(item.get("slug"), str)
            and item["slug"] and not ANY_CONTROL.search(item["slug"])]


def validate(files: list[RawFile]) -> Validated:
    result = Validated()
    editions = Editions.of(files)
    for raw in files:
        themed = raw.kind == "proposals" and raw.edition in editions.themed
        file_problems = schema_problems(raw, THEMED_PROPOSAL if themed else None, editions.choices(raw))
        file_problems += name_problems(raw)
        file_problems += markup_problems(raw)
        file_problems += format_problems(raw.path, texts(raw))  # bidi controls, zero-width spaces (invisible.py)
        file_problems += title_problems(raw)
        if raw.kind == "proposals" and len(raw.sections) <= bounds.MAX_HEADINGS:  # else refused as too complex
            file_problems += heading_problems(raw)
        if raw.kind == "workshops":
            file_problems += outcome_problems(raw)
        # What privacy refuses is text, not the file's shape: the entry is still built and linked, so that the
        # other stages report their problems too (and the check fails all the same). So is a key that its
        # edition does not take (`groep`, `thema`).
        result.problems += file_problems + privacy_problems(raw)
        if raw.kind == "proposals":
            result.problems += edition_key_problems(raw, editions)
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


def _place(path) -> str:
    """The key at `path` with the keys above it, without list positions: 'leiders.naam' (the key of EXAMPLES)."""
    return ".".join(part for part in path if isinstance(part, str))


def _name(path) -> str:
    """The key itself: 'naam' for 'leiders[0].naam'."""
    return next((part for part in reversed(path) if isinstance(part, str)), "")


def _where(path) -> str:
    """Where a key inside a list is, as a message says it: "punt 2 van 'leiders'" for 'leiders[1]'."""
    if path and isinstance(path[-1], int):
        return M.LIST_ITEM(position=path[-1] + 1, key=_dotted(path[:-1]))
    return f"'{_dotted(path)}'"


def _subschema(schema: dict, path) -> dict:
    """The schema of the value at `path`."""
    for part in path:
        schema = schema.get("items", {}) if isinstance(part, int) else schema.get("properties", {}).get(part, {})
    return schema


def _choices(schema: dict, path, choices: dict) -> list[str]:
    """What may stand at `path`: what the edition allows (`choices`, for a key of the file itself), or the
    schema's own list (`soort` of a party)."""
    if len(path) == 1 and choices.get(path[0]):
        return list(choices[path[0]])
    return [str(value) for value in _subschema(schema, path).get("enum", [])]


def _example(raw: RawFile, schema: dict, path, choices: dict) -> str | None:
    """A line an editor can type for the key at `path`: the file name's number for `nummer`, the first of the
    allowed values, or the key's example in messages.EXAMPLES."""
    name = _name(path)
    if path == ("nummer",) and raw.name_number is not None:
        return M.KEY_EXAMPLE(key=name, value=raw.name_number)
    allowed = _choices(schema, path, choices)
    if allowed:
        return M.KEY_EXAMPLE(key=name, value=allowed[0])
    return M.EXAMPLES.get(_place(path))


def _expected(schema: dict, raw: RawFile, path, value) -> str:
    """What belongs where a value of the wrong kind stands (WRONG_TYPE's `expected`)."""
    name, item = _name(path), bool(path) and isinstance(path[-1], int)
    if "enum" in schema:
        return M.EXPECTED_ONE_OF(choices=quoted_list(schema["enum"]))
    if "anyOf" in schema:
        if any(s.get("pattern") == REF_PATTERN for s in schema["anyOf"]):
            return M.EXPECTED_REF()
        kinds = [TYPE_PHRASES.get(s.get("type"), M.EXPECTED_PLAIN_TEXT)() for s in schema["anyOf"]]
        return functools.reduce(lambda first, second: M.EXPECTED_EITHER(first=first, second=second), kinds)
    if schema.get("pattern") == DATE_PATTERN:
        return M.EXPECTED_DATE(key=name)
    if schema.get("pattern") == SLUG_PATTERN:
        return M.EXPECTED_SLUG()
    kind = schema.get("type")
    if kind == "integer" and schema.get("minimum"):
        example = _example(raw, {}, path, {}) or M.KEY_EXAMPLE(key=name, value=1)
        return M.EXPECTED_POSITIVE(example=M.ITEM_EXAMPLE(value=1) if item else example)
    if kind == "string":
        written = f'"{_value_text(value)}"' if isinstance(value, (int, float)) and not isinstance(value, bool) else '"…"'
        example = M.ITEM_EXAMPLE(value=written) if item else M.KEY_EXAMPLE(key=name, value=written)
        return M.EXPECTED_TEXT(example=example)
    if kind == "array":
        example = M.EXAMPLES.get(_place(path))
        return M.EXPECTED_LIST(example=example) if example else M.EXPECTED_LIST_PLAIN()
    if kind == "object":
        first = next(iter(schema.get("required", ())), None)
        if item and first:
            written = value if isinstance(value, str) and len(value) <= 60 else "…"
            return M.EXPECTED_KEYS(example=M.ITEM_EXAMPLE(value=f"{first}: {written}"))
        return M.EXPECTED_KEYS_PLAIN()
    return TYPE_PHRASES.get(kind, M.EXPECTED_PLAIN_TEXT)()


TYPE_PHRASES = {"integer": M.EXPECTED_WHOLE_NUMBER, "string": M.EXPECTED_PLAIN_TEXT}
# The keys that say in their own words what they take.
EXPECTED_OF_KEY = {"deelnemers": M.EXPECTED_PARTICIPANTS, "workshop": M.EXPECTED_WORKSHOP,
                   "vrijwilligers": M.EXPECTED_VOLUNTEERS}


def _required(schema: dict, path: tuple) -> bool:
    """Is the key at `path` required where it stands? (Then 'remove the line' is the wrong advice.)"""
    for part in path[:-1]:
        schema = schema.get("items" if isinstance(part, int) else "properties", {})
        schema = schema if isinstance(part, int) else schema.get(part, {})
    return bool(path) and path[-1] in schema.get("required", ())


def _missing_problem(raw: RawFile, schema: dict, path: tuple, missing: str, choices: dict) -> Problem:
    full = path + (missing,)
    example, allowed = _example(raw, schema, full, choices), _choices(schema, full, choices)
    if path:
        return (M.MISSING_KEY_IN.at(raw.at(*path), key=missing, where=_where(path), example=example) if example
                else M.MISSING_KEY_IN_PLAIN.at(raw.at(*path), key=missing, where=_where(path)))
    if len(allowed) > 1:  # one choice is the example itself
        return M.MISSING_KEY_CHOICE.at(raw.at(), key=missing, example=example, choices=quoted_list(allowed))
    return (M.MISSING_KEY.at(raw.at(), key=missing, example=example) if example
            else M.MISSING_KEY_PLAIN.at(raw.at(), key=missing))


def _empty_problem(raw: RawFile, schema: dict, path: tuple, choices: dict) -> Problem:
    """An empty value: what to type, or (where the key may be left out) to remove the line."""
    where, key = raw.at(*path), _dotted(path)
    if path and isinstance(path[-1], int):
        return M.EMPTY_ITEM.at(where, where=_where(path))
    example, allowed = _example(raw, schema, path, choices), _choices(schema, path, choices)
    if not _required(schema, path):
        return M.EMPTY_OPTIONAL.at(where, key=key, example=example) if example else M.EMPTY_OPTIONAL_PLAIN.at(where, key=key)
    if len(allowed) > 1:  # one choice is the example itself
        return M.EMPTY_REQUIRED_CHOICE.at(where, key=key, example=example, choices=quoted_list(allowed))
    return M.EMPTY_REQUIRED.at(where, key=key, example=example) if example else M.EMPTY_REQUIRED_PLAIN.at(where, key=key)


def schema_problems(raw: RawFile, validator=None, choices: dict | None = None) -> list[Problem]:
    """The file against the schema of its kind; `choices` are what its edition allows for a key (`thema`,
    `categorie`), shown as the example of a missing or empty one."""
    problems = []
    validator = validator or VALIDATORS[raw.kind]
    choices = choices or {}
    errors = list(validator.iter_errors(raw.meta))
    # A mistyped key is reported once, as unknown with its suggestion, not also as the missing key it meant.
    meant = {closest(str(extra), e.schema["properties"]) for e in errors if e.validator == "additionalProperties"
             for extra in set(e.instance) - set(e.schema["properties"])} - {None}
    reported = set()  # a value is reported once, for the first rule it breaks (its shape before `format`)
    for error in errors:
        path = tuple(error.absolute_path)
        key = _dotted(path)
        where = raw.at(*path)
        if error.validator == "required":
            for missing in error.validator_value:
                if missing not in error.instance and not (missing in meant and not error.absolute_path):
                    problems.append(_missing_problem(raw, validator.schema, path, missing, choices))
        elif error.validator == "additionalProperties":
            allowed = error.schema["properties"].keys()
            for extra in sorted(set(error.instance) - set(allowed)):
                problems.append(M.UNKNOWN_KEY.at(raw.at(*path, extra), key=_dotted(path + (extra,)),
                                                 suggestion=did_you_mean(str(extra), allowed)))
        elif path in reported:
            continue
        elif isinstance(error.instance, str) and ANY_CONTROL.search(error.instance):
            # Whichever rule a value with a line break or control character broke, that is what to fix.
            problems.append(_text_problem(where, key, error.instance))
        elif error.instance is None or error.instance == "" or error.validator == "minLength":
            problems.append(_empty_problem(raw, validator.schema, path, choices))
        elif error.validator == "format":  # "date" is the only format in the schemas
            problems.append(M.WRONG_DATE.at(where, key=key, value=_value_text(error.instance)))
        elif (maximum := _maximum(error)) is not None:
            problems.append(M.NUMBER_TOO_LARGE.at(where, key=key, value=number_text(error.instance),
                                           maximum=dutch_number(maximum)))
        elif error.validator == "maxLength":
            problems.append(_length_problem(where, key, error))
        elif key in EXPECTED_OF_KEY:
            problems.append(M.WRONG_TYPE.at(where, key=key, value=_value_text(error.instance),
                                            expected=EXPECTED_OF_KEY[key]()))
        else:
            problems.append(M.WRONG_TYPE.at(where, key=key, value=_value_text(error.instance),
                                            expected=_expected(error.schema, raw, path, error.instance)))
        reported.add(path)
    return sorted(set(problems))


def _maximum(error) -> int | None:
    """The maximum a whole number is above, also where the number is one choice of several (`vrijwilligers`: a
    number or a text; `ideeen`: a number or 'year/number')."""
    if not isinstance(error.instance, int) or isinstance(error.instance, bool):
        return None
    if error.validator == "maximum":
        return error.validator_value
    if error.validator == "anyOf":
        return next((e.validator_value for e in error.context if e.validator == "maximum"), None)
    return None


def number_text(number: int) -> str:
    """A whole number as a message shows it: its digits, or for a huge one (which Python would refuse to turn into
    text past 4,300 digits, and no one could read) how many digits it has. The loader refuses such numbers
    (load.MAX_NUMBER_LENGTH); this keeps a message safe on any int."""
    if abs(number) < 10**20:
        return str(number)
    digits = int((abs(number).bit_length() - 1) * 0.30102999566398120) + 1  # log10(2): exact or one too few
    digits += abs(number) >= 10**digits
    return M.VALUE_DIGITS(digits=dutch_number(digits))


def _value_text(value) -> str:
    """A value as WRONG_TYPE shows it: a number as written, a text in quotes (cut short), what else it is in
    words (YAML's true or false, a list, keys with values)."""
    if isinstance(value, bool):
        return M.VALUE_YES_NO()
    if isinstance(value, list):
        return M.VALUE_LIST()
    if isinstance(value, dict):
        return M.VALUE_KEYS()
    if isinstance(value, str):
        return repr(_short(value))
    return number_text(value) if isinstance(value, int) else repr(value)


def _length_problem(location: Location, key: str, error) -> Problem:
    """A text longer than its key allows: a slug becomes part of a web address and of file names."""
    message = M.SLUG_TOO_LONG if error.schema.get("pattern") == SLUG_PATTERN else M.TOO_LONG
    return message.at(location, key=key, length=dutch_number(len(error.instance)),
                      limit=dutch_number(error.validator_value))


def _text_problem(location: Location, key: str, text: str) -> Problem:
    """Front matter values are one line of plain text (see schema.py)."""
    char = ANY_CONTROL.search(text)[0]
    if char in "\n\r\u2028\u2029":
        return M.MULTI_LINE.at(location, key=key)
    return control_problem(location, M.VALUE_OF(key=key), char)


def name_problems(raw: RawFile) -> list[Problem]:
    number = raw.meta.get("nummer")
    if raw.kind == "editions" or not isinstance(number, int) or number == raw.name_number:
        return []
    if not 1 <= number <= MAX_ENTRY_NUMBER:  # reported as the wrong number too; a file cannot be named so
        return [M.NUMBER_MISMATCH_FIX.at(raw.at("nummer"), name_number=raw.name_number, number=number_text(number))]
    return [M.NUMBER_MISMATCH.at(raw.at("nummer"), name_number=raw.name_number, number=number,
                                 file_name=f"{number:03d}-{raw.slug}.md")]


def _strings(value, path=()):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,))


def texts(raw: RawFile) -> list[tuple[int, str]]:
    """(file line where it starts, text) of every front matter value and of the body."""
    return [(raw.text_lines.get(path) or raw.line(*path), text) for path, text in _strings(raw.meta)] + [(raw.body_line, raw.body)]


def markup_problems(raw: RawFile) -> list[Problem]:
    """Text outside the declared Markdown surface (generator/content/markup.py), in every front matter value and the body:
    character references in the values, the headings of the body; the MkDocs adapter sanitises as well, in case
    this is skipped. And what MkDocs could not build in linear time (generator/content/bounds.py)."""
    found = markup.problems(raw.path, texts(raw)) + bounds.problems(raw.path, texts(raw), raw.body_line, raw.body)
    for path, text in _strings(raw.meta):
        written = markup.references(text)
        if written:
            found.append(markup.reference_problem(raw.at(*path), _dotted(path), written))
    if raw.body:
        found += markup.body_problems(raw.path, raw.body_line, raw.body, GENERATED_SECTIONS.get(raw.kind, ()))
    return sorted(set(found))


def privacy_problems(raw: RawFile) -> list[Problem]:
    """No contact details in any text or the file name, and no name in `vrijwilligers` (generator/content/privacy.py)."""
    problems = contact_problems(raw.path, texts(raw)) + file_name_problems(raw.path, raw.slug)
    if raw.kind == "proposals" and "vrijwilligers" in raw.meta:
        problems += volunteer_problems(raw.path, raw.line("vrijwilligers"), raw.meta["vrijwilligers"])
    return problems


def heading_problems(raw: RawFile) -> list[Problem]:
    """Other headings are allowed and kept, but one that is nearly a card heading is a typo."""
    problems, seen = [], {}
    for section in raw.sections:
        where = Location(raw.path, section.line)
        if section.heading in seen:
            problems.append(M.DUPLICATE_HEADING.at(where, heading=section.heading, first_line=seen[section.heading]))
        seen.setdefault(section.heading, section.line)
        if section.heading not in CARD_SECTIONS:
            if (meant := closest(section.heading, CARD_SECTIONS, cutoff=0.8)) is not None:
                problems.append(M.UNKNOWN_CARD_HEADING.at(where, heading=section.heading, meant=meant))
    return problems


def edition_key_problems(raw: RawFile, editions: Editions) -> list[Problem]:
    """A proposal's keys that its edition does not take: `groep` where the workshops are entries (the proposal
    names its workshop), `thema` where the edition declares no themes."""
    problems, year = [], raw.edition
    if "groep" in raw.meta and year in editions.with_workshops:
        group = raw.meta["groep"]
        number = group if isinstance(group, int) and not isinstance(group, bool) else "N"
        problems.append(M.GROUP_IN_WORKSHOP_EDITION.at(raw.at("groep"), year=year, number=number))
    if "thema" in raw.meta and year in editions.declared and year not in editions.themed:
        problems.append(M.THEME_WITHOUT_THEMES.at(raw.at("thema"), year=year))
    return problems


LIST_ITEM = re.compile(r"^(?:[-*+]|[0-9]+[.)])[ \t]+")
OUTCOME_ORDER = ", ".join(f"'## {h}'" for h in OUTCOME_SECTIONS)
LISTS = OUTCOME_SECTIONS[1:]  # every outcome section but the report ("Verslag", prose) is a list


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def section_lines(raw: RawFile, section) -> list[tuple[int, str]]:
    """(file line, text) of every line under a section's heading, up to the next `##` heading."""
    lines = raw.body.split("\n")
    start = section.line - raw.body_line + 1
    later = [s.line for s in raw.sections if s.line > section.line]
    end = (min(later) - raw.body_line) if later else len(lines)
    return [(raw.body_line + i, lines[i]) for i in range(start, min(end, len(lines)))]


def list_items(raw: RawFile, section) -> tuple[list[tuple[int, str]], list[Problem]]:
    """The items of a list section, each (file line, text), and a problem for every paragraph that is not part of
    the list. An item goes on on an indented line, or on the next line without a blank one between (Markdown's
    lazy continuation); a paragraph after a blank line that does not start with '- ' is prose."""
    items: list[list] = []
    problems: list[Problem] = []
    state = "blank"  # "item" (in an item), "prose" (in a paragraph that is not an item) or "blank"
    for line_no, line in section_lines(raw, section):
        if not line.strip():
            state = "blank" if state != "item" else "item-blank"
            continue
        stripped = line.lstrip()
        indented = stripped != line
        marker = LIST_ITEM.match(stripped)
        if marker and (not items or len(line) - len(stripped) < 2):  # an item of its own, not one nested in an item
            items.append([line_no, stripped[marker.end():].strip()])
            state = "item"
        elif items and (state == "item" or (state == "item-blank" and indented)):
            items[-1][1] = f"{items[-1][1]} {LIST_ITEM.sub('', line.strip())}".strip()
            state = "item"
        elif state != "prose":
            example = M.STEP_EXAMPLE() if section.heading == STEPS else M.LIST_EXAMPLE()
            problems.append(M.NOT_A_LIST.at(Location(raw.path, line_no), heading=section.heading,
                                            text=_short(line.strip()), example=example))
            state = "prose"
    return [(line_no, text) for line_no, text in items], problems


def parse_steps(raw: RawFile, section) -> tuple[list[Step], list[Problem]]:
    """The follow-up steps of `## Vervolgstappen`: each item says who does what, 'Wie: wat' (the text before the
    first colon names the parties)."""
    items, problems = list_items(raw, section)
    steps = []
    for line_no, text in items:
        who, colon, what = (part.strip() for part in text.partition(":"))
        where = Location(raw.path, line_no)
        if not colon:
            problems.append(M.STEP_WITHOUT_COLON.at(where, step=_short(text), example=M.STEP_EXAMPLE()))
        elif not who:
            problems.append(M.STEP_WITHOUT_WHO.at(where, step=_short(text), example=M.STEP_EXAMPLE()))
        elif not what:
            problems.append(M.STEP_WITHOUT_WHAT.at(where, step=_short(text), who=_short(who, 30),
                                                   example=M.STEP_EXAMPLE()))
        else:
            steps.append(Step(who, what, line_no))
    return steps, problems


def outcome_problems(raw: RawFile) -> list[Problem]:
    """A workshop's outcome headings (OUTCOME_SECTIONS): each at most once, after the programme text's own
    sections and in the declared order; a near miss gets 'bedoelt u …?'; the lists are lists and every follow-up
    step says who does what. A heading appears once, as on a proposal."""
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    last = None  # the last outcome heading so far
    folded = {h.casefold(): h for h in OUTCOME_SECTIONS}
    for section in raw.sections:
        where, heading = Location(raw.path, section.line), section.heading
        if heading in seen:
            problems.append(M.DUPLICATE_HEADING.at(where, heading=heading, first_line=seen[heading]))
            continue
        seen[heading] = section.line
        if heading in OUTCOME_SECTIONS:
            if last is not None and OUTCOME_SECTIONS.index(heading) < OUTCOME_SECTIONS.index(last):
                problems.append(M.OUTCOME_ORDER.at(where, heading=heading, last=last, order=OUTCOME_ORDER))
            last = heading if last is None or OUTCOME_SECTIONS.index(heading) > OUTCOME_SECTIONS.index(last) else last
            if not section.text.strip():
                problems.append(M.EMPTY_SECTION.at(where, heading=heading))
            elif heading == STEPS:
                problems += parse_steps(raw, section)[1]
            elif heading in LISTS:
                problems += list_items(raw, section)[1]
            continue
        if (meant := closest(heading.casefold(), folded, cutoff=0.8)) is not None:
            problems.append(M.UNKNOWN_OUTCOME_HEADING.at(where, heading=heading, meant=folded[meant],
                                                         order=OUTCOME_ORDER))
        elif last is not None:
            problems.append(M.PROGRAMME_AFTER_OUTCOMES.at(where, heading=heading, last=last,
                                                          first=next(h for h in OUTCOME_SECTIONS if h in seen)))
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
    workshop = m.get("workshop")
    return Proposal(**_common(raw), summary=m.get("samenvatting"), theme=m.get("thema", ""), group=m.get("groep"),
                    volunteers=m.get("vrijwilligers"), idea_links=_links(raw, "ideeen", "ideas"),
                    workshop_link=None if workshop is None else Link(Ref(raw.edition, "workshops", workshop),
                                                                     raw.line("workshop")),
                    related_links=_links(raw, "verwante_ideeen", "ideas"))


def build_idea(raw: RawFile) -> Idea:
    return Idea(**_common(raw), category=raw.meta["categorie"], subcategory=raw.meta.get("subcategorie"),
                related_links=_links(raw, "verwante_ideeen", "ideas"))


def build_workshop(raw: RawFile) -> Workshop:
    leaders = [Leader(x["naam"], x.get("rol"), x.get("organisatie"), raw.line("leiders", i, "organisatie"))
               for i, x in enumerate(raw.meta["leiders"])]
    steps = next((parse_steps(raw, s)[0] for s in raw.sections if s.heading == STEPS), [])
    return Workshop(**_common(raw), leaders=leaders, related_links=_links(raw, "verwante_ideeen", "ideas"),
                    participants=raw.meta.get("deelnemers"), steps=steps)


def _categories(raw: RawFile, items, *path) -> list[Category]:
    """The categories (or themes) listed at `path` of the front matter, each with the line of its slug."""
    return [Category(c["slug"], c["naam"], _categories(raw, c.get("subcategorieen"), *path, i, "subcategorieen"),
                     raw.at(*path, i, "slug")) for i, c in enumerate(items or [])]


def build_edition(raw: RawFile) -> Edition:
    m = raw.meta
    return Edition(raw.edition, m["titel"], m["datum"], Location(raw.path, 1), raw.intro, list(m.get("bronnen", [])),
                   list(m.get("afwijkingen", [])), _categories(raw, m.get("themas"), "themas"),
                   _categories(raw, m.get("categorieen"), "categorieen"))


BUILDERS = {"proposals": build_proposal, "ideas": build_idea, "workshops": build_workshop, "editions": build_edition}
