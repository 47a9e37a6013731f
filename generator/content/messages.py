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
    # markup.py, privacy.py
    "tag": "de HTML-tag",
    "opening": "het begin van de HTML",
    "attribute": "het attribuut",
    "scheme": "het begin van het adres, zoals javascript",
    "written": "de tekst zoals die er staat",
    "address": "het adres",
    "slashes": "de twee strepen vooraan het adres",
    "reference": "de HTML-code voor een teken",
    "max_digits": "het hoogste aantal cijfers",
    "key": "sleutel",
    "char": "het teken",
    "codepoint": "het nummer van het teken",
    "underline": "de regel met streepjes of isgelijktekens",
    "heading": "de tekst van de kop",
    "section": "het onderdeel dat de site toevoegt",
    "words": "de woorden die niet in de lijst staan",
    "more_lines": "aantal regels",
    # parties.py
    "slug": "de korte naam (slug)",
    "spelling": "de schrijfwijze",
    "other_slug": "de slug van de andere partij",
    "other_line": "het nummer van de andere regel",
    "other_spelling": "de schrijfwijze waar ze op lijkt",
    "whose": "de partij van die schrijfwijze",
    "odd": "de tekens uit een ander schrift",
    "party_line": "de partijregel",
    "names": "de namen van de partijen",
    "known_spelling": "de bekende schrijfwijze die erop lijkt",
    "role": "de rol van de partij",
    "party_lines": "aantal partijregels",
    "matched": "aantal regels met een partij",
    "unmatched": "aantal regels zonder partij",
    # load.py, yaml_advice.py
    "reason": "de reden die het systeem geeft",
    "file_kind": "wat het is (een map, een FIFO, een koppeling, …)",
    "size": "de grootte van het bestand in bytes",
    "maximum": "hoogste getal",
    "byte": "de byte die niet past, bijv. 0xe9",
    "place": "deze regel, de sleutel ‹sleutel› of de waarde van ‹sleutel›",
    "code_point": "het teken als code, bijv. U+0007",
    "anchor": "de naam van het anker of van de alias",
    "yaml_tag": "de YAML-tag, bijv. '!!str'",
    "nth": "het volgnummer",
    "length": "aantal tekens",
    "suffix": "de extensie van het bestand, bijv. 'MD'",
    "rename_to": "de voorgestelde bestandsnaam",
    "read_as": "wat YAML ervan maakt (een getal, ja of nee, …)",
    "folder": "de naam van de map",
    # bounds.py, invisible.py
    "depth": "hoeveel niveaus diep",
    "character": "het teken als code met zijn Unicode-naam, bijv. U+202E ('RIGHT-TO-LEFT OVERRIDE')",
    # titles.py
    "mark": "het teken of nummer zoals de bron het schrijft",
    # validate.py, schema.py, titles.py
    "where": "plaats in een lijst",
    "position": "nummer van het punt",
    "example": "voorbeeld",
    "choice": "de bedoelde keuze",
    "choices": "de mogelijke keuzes",
    "suggestion": "suggestie",
    "value": "waarde",
    "expected": "wat hier hoort",
    "limit": "hoogste aantal tekens",
    "digits": "aantal cijfers",
    "first": "eerste",
    "second": "tweede",
    "name_number": "nummer uit de bestandsnaam",
    "number": "nummer",
    "file_name": "bestandsnaam",
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
    # pages (render.py: the pages' addresses); the texts of editing/messages.py and publish/messages.py
    "group": "het nummer van de groep",
    "page": "de pagina",
    "other": "de andere pagina",
    "other_at": "bestand:regel van de andere pagina",
    "path": "het bestand",
    "command": "de opdracht",
    "years": "de jaren",
    "kinds": "de mogelijke soorten",
    "solve": "'Los het op' of 'Los ze op'",
    "files": "aantal bestanden",
    "source": "het stuk",
    "target": "het stuk waarnaar het verwijst",
    "content": "de map met de inhoud",
    "tried": "de branches die zijn gezocht",
    "base": "de branch, tag of commit",
    "root": "de map van de repository",
    "out": "de map voor de pagina's",
    "site": "de map van de site",
    "printed": "aantal gedrukte dossiers",
    "reused": "aantal ongewijzigde dossiers",
    "pdf": "het PDF-bestand",
    "pages": "de pagina's",
    "printed_from": "de gedrukte pagina",
    "published": "de gepubliceerde pagina",
    "browser": "het programma",
    "error": "de melding van het programma",
    "output": "wat het programma meldt",
    "shim": "het bestand dat ontbreekt",
    "given": "wat u typte",
    "hint": "'; bedoelt u …?', als er iets op lijkt",
    "commands": "de opdrachten",
    "help": "de opdracht die de hulp toont",
    "option": "de optie",
    "what": "wat de optie geeft",
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

# load.py: what a path under content/ is, how a file is read, and what its front matter may use.

# What a path is (load_tree, followed, file_problem): only regular files and folders are read.
UNREADABLE = message("unreadable", "dit bestand of deze map is niet te lezen (het systeem meldt '{reason}'): zorg "
                     "dat het een gewoon bestand of een gewone map is die iedereen mag lezen, of haal het weg")
UNREADABLE_PERMISSION = message("unreadable", "dit bestand of deze map mag niet gelezen worden (de rechten staan het "
                                "niet toe): zet de rechten zo dat iedereen het mag lezen, of haal het weg")
NOT_A_FILE = message("not-a-file", "dit is {file_kind}, geen gewoon bestand; in content/ staan alleen gewone bestanden en "
                     "mappen: zet hier het echte bestand of de echte map neer, of haal dit weg")
KIND_FOLDER = Phrase("een map")
KIND_FIFO = Phrase("een FIFO (een 'named pipe')")
KIND_SOCKET = Phrase("een socket")
KIND_DEVICE = Phrase("een apparaatbestand")
KIND_SPECIAL = Phrase("een bijzonder soort bestand")
KIND_DEAD_LINK = Phrase("een koppeling (symlink) naar iets dat niet bestaat")
KIND_FOLDER_LINK = Phrase("een koppeling (symlink) naar een map")
LINK_OUTSIDE = message("bad-path", "dit is een koppeling (symlink) naar een plek buiten content/: zet het bestand "
                       "zelf in content/, in plaats van de koppeling")
CONTENT_IS_A_LINK = message("bad-path", "{folder}/ is een koppeling (symlink) naar een andere plek; de inhoud moet "
                            "in een gewone map staan: zet de bestanden zelf in {folder}/ en verwijder de koppeling")
UNKNOWN_SUFFIX = message("unknown-file", "de naam eindigt op '.{suffix}', maar een bestand van de inhoud eindigt op "
                         "'.md' (met kleine letters): hernoem het bestand naar {rename_to}")
UNKNOWN_FILE = message("unknown-file", "dit bestand hoort niet bij de inhoud: in content/ staan alleen "
                       "Markdown-bestanden die op '.md' eindigen (en partijen.yml); zet het buiten content/, of haal "
                       "het weg")

# Where a file is and what it is called (_place).
EDITION_NAME = message("bad-path", "het bestand van een editie heet naar het jaar van de editie: hernoem het, bijv. "
                       "naar content/editions/2025.md")
ENTRY_PLACE = message("bad-path", "dit bestand staat niet op de plek van een voorstel, idee of workshop: zet het in "
                      "content/<proposals|ideas|workshops>/<jaar>/<nummer>-<naam>.md, bijv. "
                      "content/proposals/2025/001-het-spel-gaat-beginnen.md")
FILE_NAME = message("bad-file-name", "de naam van het bestand moet de vorm '<nummer>-<naam>.md' hebben, met in de "
                    "naam alleen kleine letters, cijfers en streepjes: hernoem het bestand, bijv. naar "
                    "001-het-spel-gaat-beginnen.md")
NAME_TOO_LONG = message("bad-file-name", "de bestandsnaam is {length} tekens lang; een naam mag hoogstens {maximum} "
                        "tekens hebben, want hij wordt ook het webadres van de pagina en de naam van bestanden van de "
                        "site: hernoem het bestand, bijv. naar {rename_to}")

# What a file holds (read_text, _read).
FILE_TOO_LARGE = message("file-too-large", "het bestand is {size} bytes groot, meer dan de {maximum} die mogen: "
                         "verdeel de tekst over meer bestanden, of haal geplakte tekst weg")
ENCODING = message("encoding", "op deze regel staat een teken dat niet als UTF-8 is opgeslagen (byte {byte}): sla het "
                   "bestand op als UTF-8 (in de meeste editors via 'Opslaan als' of 'Save with encoding')")
CONTROL_CHARACTER = message("control-character", "{place} bevat het onzichtbare stuurteken {code_point}, dat niet in "
                            "de inhoud mag staan: haal het weg (ziet u het niet, typ de tekst eromheen dan opnieuw)")
IN_LINE = Phrase("deze regel")
IN_KEY = Phrase("de sleutel '{key}'")
EMPTY_FILE = message("empty-file", "het bestand is leeg: begin het met de gegevens tussen twee regels '---', zoals "
                     "CONTRIBUTING.md laat zien")
NO_FRONT_MATTER = message("no-front-matter", "het bestand begint niet met de gegevens: zet bovenaan een regel '---', "
                          "daaronder de sleutels met hun waarden, en daarna weer een regel '---'")
UNCLOSED_FRONT_MATTER = message("no-front-matter", "de gegevens bovenaan het bestand worden niet afgesloten: zet een "
                                "regel '---' onder de laatste sleutel")
NOT_KEYS = message("wrong-type", "de gegevens zijn geen sleutels met waarden: schrijf ze als regels 'sleutel: "
                   "waarde', bijv. 'titel: Oefen de wijk'")
KEY_NOT_A_WORD = message("wrong-type", "de sleutel '{key}' is geen woord (YAML leest hem als {read_as}): schrijf hier "
                         "de bedoelde sleutel, een woord zoals 'titel'")
READ_AS_NUMBER = Phrase("een getal")
READ_AS_YES_NO = Phrase("ja of nee")
READ_AS_EMPTY = Phrase("een lege waarde")
READ_AS_OTHER = Phrase("iets anders dan tekst")
DUPLICATE_KEY = message("duplicate-key", "de sleutel '{key}' staat twee keer in de gegevens: houd er één, en haal de "
                        "andere weg")

# YAML that parses, but that content may not use (refuse_yaml_features), refused before anything is built from it.
YAML_ALIAS = message("yaml-feature", "'*{anchor}' is een YAML-alias (een verwijzing naar een waarde elders), en die "
                     "mag niet in de gegevens: schrijf de waarde hier helemaal uit (begint een tekst met '*', zet hem "
                     "dan tussen aanhalingstekens)")
YAML_ANCHOR = message("yaml-feature", "'&{anchor}' is een YAML-anker (een naam voor een waarde), en dat mag niet in de "
                      "gegevens: haal het weg (begint een tekst met '&', zet hem dan tussen aanhalingstekens)")
YAML_TAG = message("yaml-feature", "'{yaml_tag}' is een YAML-tag, en die mag niet in de gegevens: haal hem weg (begint een "
                   "tekst met '!', zet hem dan tussen aanhalingstekens)")
YAML_MERGE_KEY = message("yaml-feature", "'<<' voegt in YAML de sleutels van een andere groep in, en dat mag niet in "
                         "de gegevens: schrijf de sleutels hier zelf uit (de tekst '<<' zet u tussen "
                         "aanhalingstekens)")
YAML_TOO_DEEP = message("too-deep", "hier zitten lijsten en sleutels meer dan {maximum} niveaus diep in elkaar; de "
                        "inhoud heeft er hooguit 5 nodig: haal de extra haken of het extra inspringen weg")
YAML_TOO_MANY_VALUES = message("too-complex", "hier staat de {nth}e sleutel of waarde van de gegevens; hooguit "
                               "{maximum} mag (het register van partijen heeft er ruim 700, een voorstel een paar "
                               "tientallen): haal geplakte gegevens weg, of verdeel ze over meer bestanden")
YAML_LONG_NUMBER = message("wrong-type", "hier staat een getal van {length} tekens; een getal in de inhoud heeft er "
                           "hoogstens {maximum}: schrijf het getal zoals het in de bron staat (bedoelt u tekst, zet die "
                           "dan tussen aanhalingstekens)")

# check.py: the folder itself.
NO_CONTENT = message("no-content", "deze map met de inhoud bestaat niet: start de opdracht in de hoofdmap van het "
                     "project, of geef met `--content` aan waar de inhoud staat")

# yaml_advice.py: the front matter does not parse; yaml_advice.py picks the message of the mistake.
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

# titles.py: a title carries no marks of the source's layout (title-format).
TITLE_LIST_NUMBER = message("title-format", "de titel begint met een lijstnummer '{mark}': schrijf de titel zonder dat "
                            "nummer, en noteer de vorm uit de bron onder 'afwijkingen'")
TITLE_COLON = message("title-format", "de titel eindigt op een dubbele punt: schrijf de titel zonder de dubbele punt, "
                      "en noteer de vorm uit de bron onder 'afwijkingen'")
TITLE_AMPERSAND = message("title-format", "de titel bevat '{mark}', een scanfout ('&' direct voor een cijfer, bijv. "
                          "'&2' voor '72'): schrijf het getal zoals de bron het bedoelt, en noteer de vorm uit de bron "
                          "onder 'afwijkingen'")
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
NUMBER_TOO_LARGE = message("wrong-type", "'{key}' is {value}, meer dan {maximum}, het hoogste getal dat hier kan: schrijf het "
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

# markup.py: HTML, links and constructs of Markdown outside the declared surface, in every text of a file.
RAW_HTML = message("raw-html", "'{tag}' is HTML, en in de tekst mag alleen Markdown staan: haal de tag weg; schrijf "
                   "bijv. vet als **vet**, schuin als *schuin* en een link als [tekst](https://…)")
UNCLOSED_HTML = message("raw-html", "'{opening}' begint HTML (een '<' direct voor een letter, '/', '!' of '?') die "
                        "nergens wordt afgesloten: de tekst is Markdown zonder HTML; schrijf een spatie na de '<' "
                        "('a < b'), of haal de '<' weg")
UNSAFE_ELEMENT = message("unsafe-html", "de HTML-tag '<{tag}>' kan code uitvoeren in de browser van een lezer: haal "
                         "hem weg en schrijf gewone tekst of Markdown")
UNSAFE_HANDLER = message("unsafe-html", "het HTML-attribuut '{attribute}=' kan code uitvoeren in de browser van een "
                         "lezer: haal de HTML weg en schrijf gewone tekst of Markdown")
UNSAFE_URL = message("unsafe-html", "een link met '{scheme}:' kan code uitvoeren in de browser van een lezer: haal de "
                     "link weg en schrijf gewone tekst of Markdown")
UNSAFE_URL_HIDDEN = message("unsafe-html", "'{written}' is een link met '{scheme}:', die code kan uitvoeren in de "
                            "browser van een lezer: haal de link weg en schrijf gewone tekst of Markdown")
LINK_SCHEME = message("unsafe-html", "de link naar '{address}' gebruikt '{scheme}:', en dat is geen webadres: een link "
                      "mag alleen naar een webadres (https://…) of een e-mailadres (mailto:…) wijzen; schrijf het "
                      "webadres voluit, met https:// ervoor, of haal de link weg")
LINK_HOST = message("unsafe-html", "de link naar '{address}' lijkt naar een pagina van deze site te wijzen, maar een "
                    "browser leest '{slashes}' aan het begin als een andere website; schrijf een webadres voluit, met "
                    "https:// ervoor, of een pagina van deze site zonder '/' of '\\' vooraan")
LONG_REFERENCE = message("too-complex", "'{reference}' is een tekenverwijzing ('&#' en een getal) van meer dan "
                         "{max_digits} cijfers: zo'n verwijzing bestaat niet, en MkDocs kan haar niet lezen; schrijf "
                         "het teken zelf of haal de verwijzing weg")
ATTRIBUTE_LIST = message("attribute-list", "'{written}' zet met accolades een id, klasse of stijl, en dat doet alleen "
                         "de site zelf: haal de accolades weg; staat er tekst tussen, schrijf dan ( ) in plaats van "
                         "{{ }}")
IMAGE = message("image", "een afbeelding mag niet in de tekst: de browser van elke lezer zou haar ophalen, waar het "
                "adres ook naar wijst; haal de afbeelding weg, of maak er een link van: [tekst](https://…)")
ADMONITION = message("admonition", "'!!!' begint een kader (een gekleurd blok), en kaders zet alleen de site zelf: "
                     "haal de '!!!' weg en schrijf een gewone alinea")
# A character reference in a front matter value: a character the editor can type, an invisible one, or none.
REFERENCE_KNOWN = message("raw-html", "de waarde van '{key}' bevat '{reference}', de HTML-code voor het teken "
                          "'{char}': in de gegevens komt geen HTML; typ het teken zelf, of laat de code weg")
REFERENCE_INVISIBLE = message("raw-html", "de waarde van '{key}' bevat '{reference}', de HTML-code voor het "
                              "onzichtbare teken 'U+{codepoint}': in de gegevens komt geen HTML; laat de code weg")
REFERENCE_UNKNOWN = message("raw-html", "de waarde van '{key}' bevat '{reference}', geschreven als de HTML-code voor "
                            "een teken: in de gegevens komt geen HTML; typ het bedoelde teken zelf, of zet een spatie "
                            "na de '&'")
# The headings of a body that the renderer cannot put below the page's title, or that a generated section names.
SETEXT_HEADING = message("bad-heading", "de regel '{underline}' eronder maakt van '{heading}' een kop, in een "
                         "schrijfwijze die de site niet op haar plaats onder de titel kan zetten: schrijf de kop als "
                         "'## Kop' (twee hekjes, een spatie en de tekst); bedoelt u een scheidingslijn, zet dan een "
                         "lege regel boven die regel")
NESTED_HEADING = message("bad-heading", "'{written}' is een kop binnen een opsomming, een citaat of ingesprongen "
                         "tekst, en wordt zo een kop van de hele pagina: zet de kop vooraan op een eigen regel, als "
                         "'## Kop', of haal het '#' weg")
GENERATED_HEADING = message("duplicate-heading", "de kop '{heading}' heeft de naam van het onderdeel '{section}' dat "
                            "de site zelf op deze pagina zet: een lezer zou dit stuk voor dat onderdeel houden; geef "
                            "de kop een andere naam")

# privacy.py: no names in 'vrijwilligers', no contact details anywhere.
PERSON_NAME_WORD = message("person-name", "bij 'vrijwilligers' hoort het aantal vrijwilligers, nooit een naam: de bron "
                           "liet de namen bewust weg om de privacy van de vrijwilligers te beschermen. Als tekst mag "
                           "hier alleen iets staan dat niemand noemt, met woorden uit de lijst in CONTRIBUTING.md "
                           "(zoals 'ongeveer', 'onbekend' of 'Wie niet?!') en getallen; dit woord staat er niet in: "
                           "{words}. Schrijf het aantal (bijvoorbeeld 'vrijwilligers: 2') of laat de regel weg.")
PERSON_NAME_WORDS = message("person-name", "bij 'vrijwilligers' hoort het aantal vrijwilligers, nooit een naam: de "
                            "bron liet de namen bewust weg om de privacy van de vrijwilligers te beschermen. Als tekst "
                            "mag hier alleen iets staan dat niemand noemt, met woorden uit de lijst in CONTRIBUTING.md "
                            "(zoals 'ongeveer', 'onbekend' of 'Wie niet?!') en getallen; deze woorden staan er niet "
                            "in: {words}. Schrijf het aantal (bijvoorbeeld 'vrijwilligers: 2') of laat de regel weg.")
CONTACT_EMAIL = message("contact-details", "deze regel bevat een e-mailadres. Contactgegevens horen niet in de inhoud: "
                        "alles hier wordt openbaar (op de pagina's, in de open data en in de zoekfunctie), en de bron "
                        "noemt geen contactgegevens. Haal het weg; wie iemand wil bereiken, loopt via de organisatie.")
CONTACT_PHONE = message("contact-details", "deze regel bevat een telefoonnummer. Contactgegevens horen niet in de "
                        "inhoud: alles hier wordt openbaar (op de pagina's, in de open data en in de zoekfunctie), en "
                        "de bron noemt geen contactgegevens. Haal het weg; wie iemand wil bereiken, loopt via de "
                        "organisatie.")
CONTACT_BOTH = message("contact-details", "deze regel bevat een e-mailadres en een telefoonnummer. Contactgegevens "
                       "horen niet in de inhoud: alles hier wordt openbaar (op de pagina's, in de open data en in de "
                       "zoekfunctie), en de bron noemt geen contactgegevens. Haal ze weg; wie iemand wil bereiken, "
                       "loopt via de organisatie.")
CONTACT_FILE_NAME = message("contact-details", "de bestandsnaam bevat een telefoonnummer. Contactgegevens horen niet "
                            "in de inhoud: alles hier wordt openbaar (op de pagina's, in de open data en in de "
                            "zoekfunctie), en de bron noemt geen contactgegevens. Hernoem het bestand, zonder het "
                            "nummer; wie iemand wil bereiken, loopt via de organisatie.")
# Added to the last contact-details problem of a file that has more than the check prints (model.LIMIT).
CONTACT_MORE = Phrase("Hetzelfde geldt voor nog {more_lines} verderop.")
# bounds.py: what MkDocs' Markdown parser cannot build in linear time.
TOO_MANY_HEADINGS = message("too-complex", "hier begint de {nth}e kop of scheidingslijn van dit bestand (een regel die "
                            "begint met '#', of die alleen '-', '=', '*' of '_' bevat); er mogen er hooguit {maximum} "
                            "zijn, want MkDocs deelt de tekst bij elk ervan opnieuw op: maak van de extra koppen gewone "
                            "tekst, of verdeel de tekst over meer bestanden")
NESTED_TOO_DEEP = message("too-deep", "deze regel zit {depth} niveaus diep in lijsten en citaten (elke '>', elk '- ' "
                          "of '1. ' en elke 4 spaties inspringing is een niveau); hooguit {maximum} mag, want MkDocs "
                          "loopt vast op een paar honderd: spring minder ver in, of haal de extra '>' en lijsttekens weg")
LONG_PARAGRAPH = message("too-complex", "deze alinea loopt {length} tekens door zonder lege regel; hooguit {maximum} "
                         "mag, want MkDocs leest een alinea na elke link of nadruk opnieuw: zet lege regels tussen de "
                         "alinea's, of haal geplakte tekst weg")
NESTED_BRACKETS = message("too-complex", "hier staan meer dan {maximum} haken '[' in elkaar; MkDocs leest voor elke "
                          "haak de rest van de alinea opnieuw: haal de extra haken weg, of schrijf '\\[' voor een haak "
                          "die gewoon tekst is")
OPEN_BRACKETS = message("too-complex", "hier begint de {nth}e haak van deze alinea die openblijft (een '[' zonder ']', "
                        "of een link waarvan de '(' niet op dezelfde regel met ')' sluit); hooguit {maximum} mag, want "
                        "MkDocs leest voor elke open haak de rest van de alinea opnieuw: sluit elke '[' met ']' en elke "
                        "link met ')', of schrijf '\\[' voor een haak die gewoon tekst is")

# invisible.py: invisible format characters (bidi controls, zero-width spaces) in keys, values and body text.
INVISIBLE = message("control-character", "deze regel bevat het onzichtbare teken {character}. Zo'n teken kan de tekst "
                    "erna omdraaien of een woord ongemerkt splitsen, zodat de site iets anders toont dan er lijkt te "
                    "staan. Haal het weg (ziet u het niet, typ de tekst rond deze plek dan opnieuw).")
INVISIBLE_MORE = Phrase("Verderop staan nog meer regels met zulke tekens.")

# --- parties.py: the register of parties and the party lines of the cards ------------------------------------------

# The register itself (a file that does not parse as YAML gets the YAML advice above).
REGISTER_NOT_A_LIST = message("wrong-type", "het register begint niet met 'partijen:': zet 'partijen:' op de eerste "
                              "regel en de partijen eronder, zoals CONTRIBUTING.md laat zien onder 'Het register van "
                              "partijen'")
DUPLICATE_PARTY = message("duplicate-party", "de partij '{slug}' staat twee keer in het register (ook op regel "
                          "{other_line}): voeg de twee samen tot één partij")
DUPLICATE_SPELLING = message("duplicate-spelling", "de schrijfwijze '{spelling}' van partij '{slug}' staat ook bij "
                             "partij '{other_slug}' (regel {other_line}), en een schrijfwijze hoort bij één partij: "
                             "haal haar weg bij de partij die er niet mee bedoeld wordt")
LOOK_ALIKE_SPELLING = message("look-alike", "schrijfwijze '{spelling}' van partij '{slug}' ziet er hetzelfde uit als "
                              "'{other_spelling}' van {whose} (regel {other_line}), maar is met andere tekens "
                              "geschreven: {odd}. Zo zou de site partijen tonen die een lezer niet uit elkaar kan "
                              "houden. Typ de schrijfwijze opnieuw met gewone letters, of haal haar weg.")
LOOK_ALIKE_SPELLING_PLAIN = message("look-alike", "schrijfwijze '{spelling}' van partij '{slug}' ziet er hetzelfde uit "
                                    "als '{other_spelling}' van {whose} (regel {other_line}), maar is met andere "
                                    "tekens geschreven (bijvoorbeeld een hoofdletter I voor een kleine l). Zo zou de "
                                    "site partijen tonen die een lezer niet uit elkaar kan houden. Typ de schrijfwijze "
                                    "opnieuw met gewone letters, of haal haar weg.")
# Whose spelling a look-alike copies: {whose} above.
SAME_PARTY = Phrase("dezelfde partij")
OTHER_PARTY = Phrase("partij '{other_slug}'")
# The party lines of the cards, matched against the register.
LOOK_ALIKE_LINE = message("look-alike", "partijregel '{party_line}' ziet eruit als {names}, maar is (deels) met tekens "
                          "uit een ander schrift geschreven: {odd}; zo telt de regel voor die partij niet mee. Typ de "
                          "regel opnieuw met gewone letters.")
LOOK_ALIKE_LINE_PLAIN = message("look-alike", "partijregel '{party_line}' ziet eruit als {names}, maar is (deels) met "
                                "tekens uit een ander schrift geschreven; zo telt de regel voor die partij niet mee. "
                                "Typ de regel opnieuw met gewone letters.")
UNKNOWN_PARTY = message("unknown-party", "de partijregel '{party_line}' noemt geen partij uit het register; bedoelt u "
                        "'{known_spelling}'? Zet de schrijfwijze van deze regel dan bij de 'schrijfwijzen' van die "
                        "partij in content/partijen.yml; noemt de regel geen partij, laat hem dan zo")
# `check --parties`: every line that names no party ('pad:regel: ' before it), then the totals.
UNMATCHED_LINE = Phrase("'{party_line}' ({role}) noemt geen partij uit het register")
PARTY_TOTALS = Phrase("{party_lines}: {matched} met een partij uit het register, {unmatched} zonder")

# --- pages: the addresses of the pages (render.plan) ----------------------------------------------------------------

# What each page is, as a message that names it says: the site's own pages (by path), then the pages of the content.
OWN_PAGE_NAMES = {
    "index.md": "de startpagina",
    "voorstellen/index.md": "het overzicht van de voorstellen",
    "ideeen/index.md": "het overzicht van de ideeën",
    "categorieen/index.md": "het overzicht van de categorieën",
    "themas/index.md": "het overzicht van de thema's",
    "groepen/index.md": "het overzicht van de groepen",
    "workshops/index.md": "het overzicht van de workshops",
    "matrix/index.md": "het overzicht van de matrices",
    "verantwoording.md": "de pagina Verantwoording",
    "open-data.md": "de pagina Open data",
    "toegankelijkheid.md": "de pagina Toegankelijkheid",
    "partijen/index.md": "het overzicht van de partijen",
}
PAGE_OF_PARTY = Phrase("de partij met slug '{slug}'")
PAGE_OF_EDITION = Phrase("editie {year}")
PAGE_OF_MATRIX = Phrase("de matrix van {year}")
PAGE_OF_CATEGORY = Phrase("de categorie met slug '{slug}' van {year}")
PAGE_OF_THEME = Phrase("het thema met slug '{slug}' van {year}")
PAGE_OF_WORKSHOPS = Phrase("het dossier van de workshops van {year}")
PAGE_OF_GROUP = Phrase("groep {group} van {year}")
PAGE_OF_ENTRY = Phrase("{kind} {ref}")

# A part of a page's path is too long for a file system (reported like a too long slug).
ADDRESS_TOO_LONG = message("wrong-type", "{page} krijgt een webadres met een deel van {length} tekens, meer dan de "
                           "{limit} die een pagina mag hebben: kies een kortere slug")
# Two pages at one address: the folder's own page ('index'), a page of the site's own, or another page of content.
ADDRESS_OF_FOLDER = message("duplicate-address", "{page} krijgt het webadres {address}, maar dat is het adres van de "
                            "map zelf ('index' is de naam van de pagina van een map): kies een andere slug")
ADDRESS_OF_OWN_PAGE = message("duplicate-address", "{page} krijgt het webadres {address}, maar dat is het adres van "
                              "{other}, een pagina die de site zelf maakt: kies een andere slug")
ADDRESS_TAKEN = message("duplicate-address", "{page} krijgt het webadres {address}, net als {other} ({other_at}); "
                        "twee pagina's kunnen niet één adres hebben: kies een andere slug")

# --- what `check` prints after the problems, and when there are none ----------------------------------------------

SUMMARY = Phrase("{found} gevonden; wat elke code betekent, staat in CONTRIBUTING.md onder 'De meldingen lezen'.")
PASSED = Phrase("In orde: {catalog}")


def counted(number: int, one: str, many: str) -> str:
    """`1 fout`, `3 fouten`: a number and the noun it counts, in the singular or plural."""
    return f"{dutch_number(number)} {one if number == 1 else many}"


def listed(items, last: str = "en") -> str:
    """`a`, `a en b`, `a, b en c` (or `of`)."""
    items = [str(item) for item in items]
    return f"{', '.join(items[:-1])} {last} {items[-1]}" if len(items) > 1 else "".join(items)


def found(errors: int, warnings: int) -> str:
    """What SUMMARY says was found: `2 fouten`, `1 fout en 1 waarschuwing`."""
    parts = [counted(errors, "fout", "fouten")] + ([counted(warnings, "waarschuwing", "waarschuwingen")] if warnings
                                                  else [])
    return " en ".join(parts)
