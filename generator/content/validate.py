"""Stage 2: check every file against the schema of its kind and turn it into a typed entry.

Checks that need only the file itself live here (keys, types, file name, headings, the Markdown surface); checks that need
other files (links, duplicates, allow-lists) are the link stage's.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from jsonschema import Draft202012Validator, validators

from . import bounds, markup
from .invisible import format_problems
from .load import ANY_CONTROL, RawFile, control_problem, dutch_count
from .model import (CARD_SECTIONS, GENERATED_SECTIONS, OUTCOME_SECTIONS, STEPS, Category, Edition, Idea, Leader, Link,
                    Location, Problem, Proposal, Ref, Step, Workshop)
from .privacy import contact_problems, file_name_problems, volunteer_problems
from .schema import DATE_PATTERN, REF_PATTERN, SCHEMAS, SLUG_PATTERN
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


@dataclass(frozen=True)
class Editions:
    """What a proposal's check needs to know of the editions, read from the files themselves: which edition files
    there are, which declare themes, and which editions' workshops are entries (at least one workshop file)."""

    declared: frozenset[int] = frozenset()
    themed: frozenset[int] = frozenset()
    with_workshops: frozenset[int] = frozenset()

    @classmethod
    def of(cls, files: list[RawFile]) -> "Editions":
        editions = [raw for raw in files if raw.kind == "editions"]
        return cls(frozenset(raw.edition for raw in editions),
                   frozenset(raw.edition for raw in editions if raw.meta.get("themas")),
                   frozenset(raw.edition for raw in files if raw.kind == "workshops"))


def validate(files: list[RawFile]) -> Validated:
    result = Validated()
    editions = Editions.of(files)
    for raw in files:
        themed = raw.kind == "proposals" and raw.edition in editions.themed
        file_problems = schema_problems(raw, THEMED_PROPOSAL if themed else None) + name_problems(raw)
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


def _expected(schema: dict) -> str:
    if "enum" in schema:
        return "one of " + ", ".join(f"'{value}'" for value in schema["enum"])
    if "anyOf" in schema:
        kinds = [s.get("type") for s in schema["anyOf"]]
        if any(s.get("pattern") == REF_PATTERN for s in schema["anyOf"]):
            return "a number (e.g. 14) or 'year/number' (e.g. '2025/14')"
        return " or ".join(TYPE_NAMES.get(k, k) for k in kinds)
    if schema.get("pattern") == DATE_PATTERN:
        return "a date like 2025-01-17"
    if schema.get("pattern") == SLUG_PATTERN:
        return "a lower-case slug like 'lokaal-voorbereiden'"
    if schema.get("minimum"):
        return "a whole number of 1 or more"
    return TYPE_NAMES.get(schema.get("type"), str(schema.get("type")))


def _required(schema: dict, path: tuple) -> bool:
    """Is the key at `path` required where it stands? (Then 'remove the line' is the wrong advice.)"""
    for part in path[:-1]:
        schema = schema.get("items" if isinstance(part, int) else "properties", {})
        schema = schema if isinstance(part, int) else schema.get(part, {})
    return bool(path) and path[-1] in schema.get("required", ())


def schema_problems(raw: RawFile, validator=None) -> list[Problem]:
    problems = []
    validator = validator or VALIDATORS[raw.kind]
    errors = list(validator.iter_errors(raw.meta))
    # A mistyped key is reported once, as unknown with its suggestion, not also as the missing key it meant.
    meant = {difflib.get_close_matches(str(extra), e.schema["properties"], n=1, cutoff=0.6)[0]
             for e in errors if e.validator == "additionalProperties"
             for extra in set(e.instance) - set(e.schema["properties"])
             if difflib.get_close_matches(str(extra), e.schema["properties"], n=1, cutoff=0.6)}
    reported = set()  # a value is reported once, for the first rule it breaks (its shape before `format`)
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
        elif path in reported:
            continue
        elif isinstance(error.instance, str) and ANY_CONTROL.search(error.instance):
            # Whichever rule a value with a line break or control character broke, that is what to fix.
            problems.append(_text_problem(raw.at(*path), key, error.instance))
        elif error.instance is None or error.validator == "minLength":
            advice = ("it is required: fill it in" if _required(validator.schema, path)
                       else "fill it in or remove the line")
            problems.append(Problem(raw.at(*path), f"key '{key}' has no value; {advice}", "empty-value"))
        elif error.validator == "format":  # "date" is the only format in the schemas
            problems.append(Problem(raw.at(*path), f"key '{key}' must be a date that exists, written year-month-day "
                                    f"like 2025-01-17, not {error.instance!r}", "wrong-type"))
        elif (maximum := _maximum(error)) is not None:
            problems.append(Problem(raw.at(*path), f"'{key}' is {number_text(error.instance)}, meer dan "
                                    f"{dutch_count(maximum)}, het hoogste getal dat hier kan: schrijf het getal zoals "
                                    "het in de bron staat", "wrong-type"))
        elif error.validator == "maxLength":
            problems.append(_length_problem(raw.at(*path), key, error))
        elif key in EXPECTED_NL:
            problems.append(Problem(raw.at(*path), f"'{key}' is {_value_text(error.instance)}; hier hoort "
                                    f"{EXPECTED_NL[key]}", "wrong-type"))
        else:
            problems.append(Problem(raw.at(*path), f"key '{key}' must be {_expected(error.schema)}, "
                                    f"not {_value_text(error.instance)}", "wrong-type"))
        reported.add(path)
    return sorted(set(problems))


# The keys of issue 28 say in Dutch what they take (the older keys keep the messages editors know).
EXPECTED_NL = {
    "deelnemers": "het aantal deelnemers: een heel getal van 0 of meer, bijv. 'deelnemers: 24'",
    "workshop": "het nummer van een workshop van dezelfde editie: een heel getal van 1 of meer, bijv. 'workshop: 3'",
}


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
    return f"een getal van {dutch_count(digits)} cijfers"


def _value_text(value) -> str:
    return number_text(value) if isinstance(value, int) and not isinstance(value, bool) else repr(value)


def _length_problem(location: Location, key: str, error) -> Problem:
    """A text longer than its key allows: a slug becomes part of a web address and of file names."""
    limit = error.validator_value
    what = ("een slug wordt een deel van een webadres en van bestandsnamen van de site: kies een kortere slug"
            if error.schema.get("pattern") == SLUG_PATTERN else "maak de tekst korter")
    return Problem(location, f"'{key}' is {dutch_count(len(error.instance))} tekens lang, meer dan de "
                   f"{dutch_count(limit)} die hier mogen; {what}", "wrong-type")


def _text_problem(location: Location, key: str, text: str) -> Problem:
    """Front matter values are one line of plain text (see schema.py)."""
    char = ANY_CONTROL.search(text)[0]
    if char in "\n\r\u2028\u2029":
        return Problem(location, f"key '{key}' must be one line of text, but it has a line break: write it on one "
                       "line (without '|' or '>' after the colon)", "multi-line")
    return control_problem(location, f"key '{key}'", char)


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


def edition_key_problems(raw: RawFile, editions: Editions) -> list[Problem]:
    """A proposal's keys that its edition does not take: `groep` where the workshops are entries (the proposal
    names its workshop), `thema` where the edition declares no themes."""
    problems, year = [], raw.edition
    if "groep" in raw.meta and year in editions.with_workshops:
        group = raw.meta["groep"]
        number = group if isinstance(group, int) and not isinstance(group, bool) else "N"
        problems.append(Problem(raw.at("groep"), f"'groep' hoort niet in een voorstel van {year}: de workshops van "
                                f"{year} hebben eigen pagina's. Noem de workshop waaruit het voorstel komt met "
                                f"'workshop: {number}' (het nummer van de workshop) en haal de regel 'groep' weg",
                                "wrong-key"))
    if "thema" in raw.meta and year in editions.declared and year not in editions.themed:
        problems.append(Problem(raw.at("thema"), f"'thema' hoort niet in een voorstel van {year}: die editie heeft "
                                f"geen thema's. Haal de regel 'thema' weg (of zet de thema's onder 'themas' in "
                                f"content/editions/{year}.md)", "wrong-key"))
    return problems


LIST_ITEM = re.compile(r"^(?:[-*+]|[0-9]+[.)])[ \t]+")
STEP_EXAMPLE = "'- Gemeenten: wijzen in elke wijk een locatie aan.'"
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
            example = STEP_EXAMPLE if section.heading == STEPS else "'- Oefen elk jaar met de hele wijk.'"
            problems.append(Problem(Location(raw.path, line_no), f"onder '## {section.heading}' staat een lijst, "
                                    f"maar '{_short(line.strip())}' is geen punt van de lijst: begin elk punt met "
                                    f"'- ', bijv. {example}", "not-a-list"))
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
            problems.append(Problem(where, f"vervolgstap '{_short(text)}' zegt niet wie wat doet: schrijf eerst wie, "
                                    f"dan een dubbele punt en dan wat, bijv. {STEP_EXAMPLE}", "bad-step"))
        elif not who:
            problems.append(Problem(where, f"vervolgstap '{_short(text)}' noemt niet wie het doet: schrijf vóór de "
                                    f"dubbele punt wie (een partij of persoon), bijv. {STEP_EXAMPLE}", "bad-step"))
        elif not what:
            problems.append(Problem(where, f"vervolgstap '{_short(text)}' zegt niet wat {_short(who, 30)} doet: "
                                    f"schrijf na de dubbele punt wat, bijv. {STEP_EXAMPLE}", "bad-step"))
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
            problems.append(Problem(where, f"de kop '{heading}' staat twee keer in het bestand (ook op regel "
                                    f"{seen[heading]}); voeg de twee secties samen", "duplicate-heading"))
            continue
        seen[heading] = section.line
        if heading in OUTCOME_SECTIONS:
            if last is not None and OUTCOME_SECTIONS.index(heading) < OUTCOME_SECTIONS.index(last):
                problems.append(Problem(where, f"de kop '{heading}' staat na '{last}'; de uitkomsten staan in deze "
                                        f"volgorde: {OUTCOME_ORDER}: zet '## {heading}' vóór '## {last}'",
                                        "heading-order"))
            last = heading if last is None or OUTCOME_SECTIONS.index(heading) > OUTCOME_SECTIONS.index(last) else last
            if not section.text.strip():
                problems.append(Problem(where, f"de sectie '{heading}' is leeg: schrijf de uitkomst eronder, of haal "
                                        "de kop weg zolang die er niet is", "empty-section"))
            elif heading == STEPS:
                problems += parse_steps(raw, section)[1]
            elif heading in LISTS:
                problems += list_items(raw, section)[1]
            continue
        close = difflib.get_close_matches(heading.casefold(), list(folded), n=1, cutoff=0.8)
        if close:
            problems.append(Problem(where, f"onbekende kop '{heading}'; bedoelt u '{folded[close[0]]}'? De "
                                    f"uitkomsten van een workshop staan onder de koppen {OUTCOME_ORDER}",
                                    "unknown-heading"))
        elif last is not None:
            problems.append(Problem(where, f"de kop '{heading}' staat na de uitkomsten ('## {last}'); de tekst van "
                                    f"het programma staat vóór de uitkomsten: zet deze sectie boven "
                                    f"'## {next(h for h in OUTCOME_SECTIONS if h in seen)}'", "heading-order"))
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
