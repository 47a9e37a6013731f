"""Every message the check prints for an editor, in Dutch, in one place, so that its wording is reviewed as text.

A `Message` is a problem code and a sentence: what is wrong, where, and what to do, in CONTRIBUTING.md's register
("u"), for someone who has never seen YAML. The rules fill in the `{fields}`; CONTRIBUTING.md quotes every message
with its fields written as ‹descriptions› (FIELDS), and tests/content/test_messages.py keeps the two in step. A
`Phrase` is a part that several messages share (the "bedoelt u …?" suggestion, the YAML advice); it has no code.

The sections follow the stages (load → validate → link, the register of parties, the pages' addresses): a message is
declared in the section of the module that reports it.
"""
from __future__ import annotations

import string
from dataclasses import dataclass

from .model import CODES, ERROR, Location, Problem, dutch_number

# How CONTRIBUTING.md shows each field of a message: what an editor finds there in the printed message.
FIELDS = {
    "fix": "de verbeterde regel",
    "found": "aantal fouten en waarschuwingen",
    "catalog": "aantal voorstellen, ideeën, workshops en edities",
    # validate.py, schema.py, titles.py
    "key": "sleutel",
    "where": "plaats in een lijst",
    "position": "nummer van het punt",
    "example": "voorbeeld",
    "choice": "de bedoelde keuze",
    "choices": "de mogelijke keuzes",
    "suggestion": "suggestie",
    "value": "waarde",
    "expected": "wat hier hoort",
    "maximum": "hoogste getal",
    "length": "aantal tekens",
    "limit": "hoogste aantal tekens",
    "digits": "aantal cijfers",
    "first": "eerste",
    "second": "tweede",
    "name_number": "nummer uit de bestandsnaam",
    "number": "nummer",
    "file_name": "bestandsnaam",
    "heading": "kop",
    "first_line": "regel",
    "meant": "bedoelde kop",
    "order": "de koppen in volgorde",
    "last": "vorige kop",
    "text": "tekst",
    "step": "vervolgstap",
    "who": "wie",
    "year": "jaar",
    # link.py
    "declared": "de edities die er zijn",
    "others": "de andere bestanden",
    "free": "vrij nummer",
    "ref": "jaar/nummer",
    "valid": "wat er wel is",
    "numbers": "nummers",
    "kind": "soort stuk",
    "advice": "wat te doen",
    "earlier": "eerdere editie",
    "theme": "thema",
    "category": "categorie",
    "subcategory": "subcategorie",
}


def fields_of(text: str) -> list[str]:
    """The `{fields}` of a template, in order."""
    return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]


@dataclass(frozen=True)
class Phrase:
    """A part of messages, filled in by the rule and then put into a message's field."""

    text: str

    def __call__(self, **fields) -> str:
        return self.text.format(**fields)

    def quoted(self) -> str:
        return self.text.format(**{name: f"‹{FIELDS[name]}›" for name in fields_of(self.text)})


@dataclass(frozen=True)
class Message(Phrase):
    """One message of the check: its code and its sentence."""

    code: str = ""

    def __post_init__(self):
        if self.code not in CODES:
            raise ValueError(f"undeclared problem code {self.code!r}: add it to CODES and CONTRIBUTING.md")

    def at(self, location: Location, severity: str = ERROR, **fields) -> Problem:
        """The problem at `location`, with this message's sentence filled in."""
        return Problem(location, self.text.format(**fields), self.code, severity)


def message(code: str, text: str) -> Message:
    return Message(text, code)


def all_messages() -> dict[str, Message]:
    """Every message declared here, by its name: what CONTRIBUTING.md quotes."""
    return {name: value for name, value in globals().items() if isinstance(value, Message)}


def all_phrases() -> dict[str, Phrase]:
    return {name: value for name, value in globals().items() if type(value) is Phrase}


# --- load.py, yaml_advice.py: reading the files and their front matter --------------------------------------------

# The front matter does not parse: yaml_advice.py picks the message of the mistake.
YAML_UNCLOSED_LIST = message("yaml-syntax", "de lijst die op deze regel met '[' begint, sluit niet: zet ']' aan het "
                             "eind van dezelfde regel, bijv. ideeen: [4, 16]")
YAML_UNCLOSED_GROUP = message("yaml-syntax", "de '{{' op deze regel sluit niet: zet '}}' aan het eind van de regel, "
                              "of zet de hele waarde tussen dubbele aanhalingstekens")
YAML_UNCLOSED_QUOTE = message("yaml-syntax", "het aanhalingsteken dat op deze regel opent, sluit niet: zet hetzelfde "
                              "teken (\" of ') aan het eind van de waarde, op dezelfde regel")
YAML_TAB = message("yaml-syntax", "deze regel springt in met een tab: vervang de tab door spaties")
YAML_INDENTED = message("yaml-syntax", "deze regel springt in, maar de sleutel erboven opent geen lijst of groep: "
                        "begin de sleutel vooraan de regel, zonder spaties ervoor")
YAML_COLON = message("yaml-syntax", "de waarde bevat een dubbele punt met een spatie erna: zet de hele waarde tussen "
                     "dubbele aanhalingstekens, zo: {fix}")
YAML_START = message("yaml-syntax", "een waarde die met dit teken begint, moet tussen aanhalingstekens staan: zet de "
                     "hele waarde tussen dubbele aanhalingstekens, zo: {fix}")
YAML_INDENTATION = message("yaml-syntax", "deze regel springt anders in dan de regels erboven: laat de delen van één "
                           "punt van een lijst even ver inspringen, en begin een nieuwe sleutel vooraan de regel")
YAML_OTHER = message("yaml-syntax", "de gegevens zijn vanaf deze regel niet te lezen: kijk op deze regel de "
                     "aanhalingstekens, dubbele punten en het inspringen na")

# --- validate.py, schema.py, titles.py: the keys and headings of each kind -----------------------------------------

# A suggestion for a word that is not one of the choices (a key, a theme, a category): the closest choice, else all.
DID_YOU_MEAN = Phrase("bedoelt u '{choice}'?")
MAY_BE = Phrase("mogelijk zijn: {choices}.")

# A key that is required and not there, or there without a value. `example` is a line to type (EXAMPLES, or the
# number of the file name, or a theme or category of the edition); `choices` what the edition allows.
MISSING_KEY = message("missing-key", "de verplichte sleutel '{key}' ontbreekt: voeg een regel toe, bijv. {example}")
MISSING_KEY_CHOICE = message("missing-key", "de verplichte sleutel '{key}' ontbreekt: voeg een regel toe, bijv. "
                             "{example}; mogelijk zijn: {choices}.")
MISSING_KEY_IN = message("missing-key", "de verplichte sleutel '{key}' ontbreekt in {where}: voeg een regel toe, "
                         "bijv. {example}")
MISSING_KEY_IN_PLAIN = message("missing-key", "de verplichte sleutel '{key}' ontbreekt in {where}: voeg een "
                               "regel '{key}: …' toe (zie CONTRIBUTING.md)")
MISSING_KEY_PLAIN = message("missing-key", "de verplichte sleutel '{key}' ontbreekt: voeg een regel '{key}: …' toe "
                            "(zie CONTRIBUTING.md)")
EMPTY_REQUIRED = message("empty-value", "de sleutel '{key}' is leeg, maar verplicht: vul hem in, bijv. {example}")
EMPTY_REQUIRED_CHOICE = message("empty-value", "de sleutel '{key}' is leeg, maar verplicht: vul hem in, bijv. "
                                "{example}; mogelijk zijn: {choices}.")
EMPTY_REQUIRED_PLAIN = message("empty-value", "de sleutel '{key}' is leeg, maar verplicht: vul hem in (zie "
                               "CONTRIBUTING.md)")
EMPTY_OPTIONAL = message("empty-value", "de sleutel '{key}' is leeg: vul hem in, bijv. {example}, of haal de regel "
                         "weg")
EMPTY_OPTIONAL_PLAIN = message("empty-value", "de sleutel '{key}' is leeg: vul hem in, of haal de regel weg")
EMPTY_ITEM = message("empty-value", "{where} is leeg: vul het in, of haal het weg")
# Where in a list a key or a value is: 'leiders[1]' is the second leader.
LIST_ITEM = Phrase("punt {position} van '{key}'")

# What an editor can type for a key, by its place (the key, with the keys above it for a key inside a list).
EXAMPLES = {
    "titel": "'titel: \"Samen weerbaar\"'",
    "samenvatting": "'samenvatting: \"Elke wijk oefent een keer per jaar\"'",
    "ideeen": "'ideeen: [4, 16]' (of 'ideeen: []' als er nog geen zijn)",
    "verwante_ideeen": "'verwante_ideeen: [\"2025/14\"]'",
    "groep": "'groep: 2'",
    "workshop": "'workshop: 3'",
    "vrijwilligers": "'vrijwilligers: 5'",
    "deelnemers": "'deelnemers: 24'",
    "datum": "'datum: 2025-01-17'",
    "leiders": "'leiders:' met op de regel eronder '  - naam: Eva Voorbeeld'",
    "leiders.naam": "'naam: Eva Voorbeeld'",
    "leiders.rol": "'rol: voorzitter'",
    "leiders.organisatie": "'organisatie: Gemeente Utrecht'",
    "themas.slug": "'slug: bewustwording'",
    "themas.naam": "'naam: Bewustwording'",
    "categorieen.slug": "'slug: lokaal-voorbereiden'",
    "categorieen.naam": "'naam: Lokaal voorbereiden'",
    "categorieen.subcategorieen.slug": "'slug: lokaal-voorbereiden'",
    "categorieen.subcategorieen.naam": "'naam: Lokaal voorbereiden'",
    "partijen": "'partijen:' met op de regel eronder '  - slug: gemeenten'",
    "partijen.slug": "'slug: gemeenten'",
    "partijen.naam": "'naam: Gemeenten'",
}
KEY_EXAMPLE = Phrase("'{key}: {value}'")  # a line made of the key and a value the file or the edition gives

# A value of the wrong kind: what it is, then what belongs there (one of the EXPECTED_… parts).
WRONG_TYPE = message("wrong-type", "'{key}' is {value}; hier hoort {expected}")
WRONG_DATE = message("wrong-type", "'{key}' is {value}, een datum die niet bestaat: schrijf een datum die bestaat, als "
                     "jaar-maand-dag, bijv. '{key}: 2025-01-17'")
TOO_LARGE = message("wrong-type", "'{key}' is {value}, meer dan {maximum}, het hoogste getal dat hier kan: schrijf het "
                    "getal zoals het in de bron staat")
TOO_LONG = message("wrong-type", "'{key}' is {length} tekens lang, meer dan de {limit} die hier mogen; maak de tekst "
                   "korter")
SLUG_TOO_LONG = message("wrong-type", "'{key}' is {length} tekens lang, meer dan de {limit} die hier mogen; een slug "
                        "wordt een deel van een webadres en van bestandsnamen van de site: kies een kortere slug")
MULTI_LINE = message("multi-line", "de waarde van '{key}' loopt over meer dan één regel: schrijf hem op één regel "
                     "(zonder '|' of '>' na de dubbele punt)")
VALUE_OF = Phrase("de waarde van '{key}'")  # where a control character is (load.control_problem's `where`)
# How a value is shown in WRONG_TYPE when it is not a number or a text ('ja' and 'yes' are read as true or false).
VALUE_YES_NO = Phrase("een ja/nee-waarde")
VALUE_LIST = Phrase("een lijst")
VALUE_KEYS = Phrase("een groep sleutels met waarden")
VALUE_DIGITS = Phrase("een getal van {digits} cijfers")

EXPECTED_ONE_OF = Phrase("één van {choices}")
EXPECTED_REF = Phrase("een nummer (bijv. 14) of 'jaar/nummer' (bijv. '2025/14')")
EXPECTED_DATE = Phrase("een datum als jaar-maand-dag, bijv. '{key}: 2025-01-17'")
EXPECTED_SLUG = Phrase("een slug van kleine letters, cijfers en streepjes, bijv. 'lokaal-voorbereiden'")
EXPECTED_POSITIVE = Phrase("een heel getal van 1 of meer, bijv. {example}")
EXPECTED_WHOLE_NUMBER = Phrase("een heel getal")
EXPECTED_TEXT = Phrase("tekst: zet de waarde tussen dubbele aanhalingstekens, bijv. {example}")
EXPECTED_LIST = Phrase("een lijst, bijv. {example}")
EXPECTED_LIST_PLAIN = Phrase("een lijst: zet elk punt op een eigen regel eronder, beginnend met '  - '")
EXPECTED_KEYS = Phrase("een groep sleutels met waarden, elk op een eigen regel, bijv. {example}")
EXPECTED_KEYS_PLAIN = Phrase("een groep sleutels met waarden, elk op een eigen regel ('sleutel: waarde')")
EXPECTED_EITHER = Phrase("{first} of {second}")
EXPECTED_PLAIN_TEXT = Phrase("tekst")
ITEM_EXAMPLE = Phrase("'- {value}'")  # a list item to type
# The keys of issue 28 and `vrijwilligers` say what they take in their own words.
EXPECTED_PARTICIPANTS = Phrase("het aantal deelnemers: een heel getal van 0 of meer, bijv. 'deelnemers: 24'")
EXPECTED_WORKSHOP = Phrase("het nummer van een workshop van dezelfde editie: een heel getal van 1 of meer, bijv. "
                           "'workshop: 3'")
EXPECTED_VOLUNTEERS = Phrase("het aantal vrijwilligers: een heel getal van 0 of meer, bijv. 'vrijwilligers: 5', of een "
                             "korte tekst zoals op de kaart")

UNKNOWN_KEY = message("unknown-key", "onbekende sleutel '{key}'; {suggestion}")
NUMBER_MISMATCH = message("number-mismatch", "de bestandsnaam heeft nummer {name_number}, maar 'nummer' is {number}: "
                          "hernoem het bestand naar {file_name}, of verander de regel in 'nummer: {name_number}'")
# 'nummer' is not a number a file name can have (0, or above the highest): only 'nummer' is to change.
NUMBER_MISMATCH_FIX = message("number-mismatch", "de bestandsnaam heeft nummer {name_number}, maar 'nummer' is "
                              "{number}: verander de regel in 'nummer: {name_number}'")

# The headings of a proposal's card (CARD_SECTIONS) and of a workshop's outcomes (OUTCOME_SECTIONS).
DUPLICATE_HEADING = message("duplicate-heading", "de kop '{heading}' staat twee keer in het bestand (ook op regel "
                            "{first_line}); voeg de twee secties samen")
UNKNOWN_CARD_HEADING = message("unknown-heading", "onbekende kop '{heading}'; bedoelt u '{meant}'? Verander de regel "
                               "dan in '## {meant}'")
UNKNOWN_OUTCOME_HEADING = message("unknown-heading", "onbekende kop '{heading}'; bedoelt u '{meant}'? Verander de "
                                  "regel dan in '## {meant}'; de uitkomsten van een workshop staan onder de koppen "
                                  "{order}")
OUTCOME_ORDER = message("heading-order", "de kop '{heading}' staat na '{last}'; de uitkomsten staan in deze "
                        "volgorde: {order}: zet '## {heading}' vóór '## {last}'")
PROGRAMME_AFTER_OUTCOMES = message("heading-order", "de kop '{heading}' staat na de uitkomsten ('## {last}'); de tekst "
                                   "van het programma staat vóór de uitkomsten: zet deze sectie boven '## {first}'")
EMPTY_SECTION = message("empty-section", "de sectie '{heading}' is leeg: schrijf de uitkomst eronder, of haal de kop "
                        "weg zolang die er niet is")
NOT_A_LIST = message("not-a-list", "onder '## {heading}' staat een lijst, maar '{text}' is geen punt van de lijst: "
                     "begin elk punt met '- ', bijv. {example}")
LIST_EXAMPLE = Phrase("'- Oefen elk jaar met de hele wijk.'")
STEP_EXAMPLE = Phrase("'- Gemeenten: wijzen in elke wijk een locatie aan.'")
STEP_WITHOUT_COLON = message("bad-step", "vervolgstap '{step}' zegt niet wie wat doet: schrijf eerst wie, dan een "
                             "dubbele punt en dan wat, bijv. {example}")
STEP_WITHOUT_WHO = message("bad-step", "vervolgstap '{step}' noemt niet wie het doet: schrijf vóór de dubbele punt wie "
                           "(een partij of persoon), bijv. {example}")
STEP_WITHOUT_WHAT = message("bad-step", "vervolgstap '{step}' zegt niet wat {who} doet: schrijf na de dubbele punt wat, "
                            "bijv. {example}")

# Keys that a proposal's edition does not take.
GROUP_IN_WORKSHOP_EDITION = message("wrong-key", "'groep' hoort niet in een voorstel van {year}: de workshops van "
                                    "{year} hebben eigen pagina's. Noem de workshop waaruit het voorstel komt met "
                                    "'workshop: {number}' (het nummer van de workshop) en haal de regel 'groep' weg")
THEME_WITHOUT_THEMES = message("wrong-key", "'thema' hoort niet in een voorstel van {year}: die editie heeft geen "
                               "thema's. Haal de regel 'thema' weg (of zet de thema's onder 'themas' in "
                               "content/editions/{year}.md)")

# --- link.py: links between entries, numbers, themes, categories and editions -------------------------------------

UNKNOWN_EDITION = message("unknown-edition", "editie {year} bestaat niet (er zijn: {declared}): maak "
                          "content/editions/{year}.md aan, of zet het bestand in de map van een editie die er is")
UNKNOWN_EDITION_NONE = message("unknown-edition", "editie {year} bestaat niet (er is nog geen editie): maak "
                               "content/editions/{year}.md aan")
# Two entries with one number: the new one is told the next free number, or both are named when git cannot tell.
DUPLICATE_NUMBER_NEW = message("duplicate-number", "nummer {number} wordt ook gebruikt door {others}, dat al in 'main' "
                               "staat: geef dit nieuwe bestand het eerstvolgende vrije nummer {free} (in de "
                               "bestandsnaam en bij 'nummer')")
DUPLICATE_NUMBER = message("duplicate-number", "nummer {number} wordt ook gebruikt door {others}: houd het nummer van "
                           "het bestand dat al gepubliceerd is (het webadres hangt ervan af), en geef het nieuwe het "
                           "eerstvolgende vrije nummer {free} (in de bestandsnaam en bij 'nummer')")
AND = Phrase("{first} en {second}")  # the files named in DUPLICATE_NUMBER: 'a, b en c'
DUPLICATE_LINK = message("duplicate-link", "'{key}' noemt idee {ref} twee keer; haal er één weg")
DEAD_IDEA = message("dead-link", "'{key}' verwijst naar idee {ref}, dat niet bestaat; {valid}")
DEAD_WORKSHOP = message("dead-link", "'workshop: {number}' verwijst naar workshop {number} van {year}, die niet "
                        "bestaat: {valid}")
# What a dead link's message says exists instead.
IDEAS_OF = Phrase("de ideeën van {year} hebben {numbers}")
NO_IDEAS = Phrase("{year} heeft geen ideeën")
WORKSHOPS_OF = Phrase("de workshops van {year} hebben {numbers}")
NO_WORKSHOPS = Phrase("{year} heeft geen workshops als eigen pagina's; laat 'workshop' dan weg (een workshopgroep is "
                      "'groep')")
ONE_NUMBER = Phrase("het nummer {number}")
NUMBERS = Phrase("de nummers {numbers}")
NO_NUMBERS = Phrase("geen")  # number_ranges of no numbers
# `verwante_ideeen` to an idea of the same or a later edition.
WRONG_EDITION_SAME = message("wrong-edition", "'verwante_ideeen' verwijst naar idee {ref}, van dezelfde editie; "
                             "{kind} van {year} bouwt alleen voort op ideeën van een eerdere editie: {advice}")
WRONG_EDITION_LATER = message("wrong-edition", "'verwante_ideeen' verwijst naar idee {ref}, van een latere editie; "
                              "{kind} van {year} bouwt alleen voort op ideeën van een eerdere editie: {advice}")
EARLIER_EXAMPLE = Phrase("schrijf 'jaar/nummer' van een eerdere editie, bijv. '{earlier}/14'")
EARLIER_EXAMPLE_OWN = Phrase("schrijf 'jaar/nummer' van een eerdere editie, bijv. '{earlier}/14' (een idee van "
                             "dezelfde editie hoort onder 'ideeen')")
NO_EARLIER_EDITION = Phrase("er is geen editie vóór {year}: haal 'verwante_ideeen' weg")
NO_EARLIER_EDITION_OWN = Phrase("er is geen editie vóór {year}: haal 'verwante_ideeen' weg (een idee van dezelfde "
                                "editie hoort onder 'ideeen')")
KIND_NAMES = {"proposals": "een voorstel", "ideas": "een idee", "workshops": "een workshop"}
# A theme or category that the edition does not declare (`suggestion`: DID_YOU_MEAN or MAY_BE).
UNKNOWN_THEME = message("unknown-theme", "editie {year} heeft geen thema '{theme}'; {suggestion}")
UNKNOWN_CATEGORY = message("unknown-category", "editie {year} heeft geen categorie '{category}'; {suggestion}")
MISSING_SUBCATEGORY = message("missing-key", "bij de categorie '{category}' hoort een 'subcategorie': voeg een regel "
                              "toe, bijv. 'subcategorie: {example}'")
MISSING_SUBCATEGORY_CHOICE = message("missing-key", "bij de categorie '{category}' hoort een 'subcategorie': voeg een "
                                     "regel toe, bijv. 'subcategorie: {example}'; mogelijk zijn: {choices}.")
UNKNOWN_SUBCATEGORY = message("unknown-category", "de categorie '{category}' heeft geen subcategorie "
                              "'{subcategory}'; {suggestion}")
NO_SUBCATEGORIES = message("unknown-category", "de categorie '{category}' heeft geen subcategorieën: haal de regel "
                           "'subcategorie' weg")

# --- markup.py, bounds.py, invisible.py, privacy.py: what the text may contain -------------------------------------

# --- parties.py: the register of parties and the party lines of the cards ------------------------------------------

# --- pages: the addresses of the pages (render.plan) ----------------------------------------------------------------

# --- what `check` prints after the problems, and when there are none ----------------------------------------------

SUMMARY = Phrase("{found} gevonden; wat elke code betekent, staat in CONTRIBUTING.md onder 'De meldingen lezen'.")
PASSED = Phrase("In orde: {catalog}")


def counted(number: int, one: str, many: str) -> str:
    """`1 fout`, `3 fouten`: a number and the noun it counts, in the singular or plural."""
    return f"{dutch_number(number)} {one if number == 1 else many}"


def found(errors: int, warnings: int) -> str:
    """What SUMMARY says was found: `2 fouten`, `1 fout en 1 waarschuwing`."""
    parts = [counted(errors, "fout", "fouten")] + ([counted(warnings, "waarschuwing", "waarschuwingen")] if warnings
                                                  else [])
    return " en ".join(parts)
