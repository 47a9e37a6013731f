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
    # pages (render.py: the pages' addresses); the texts of editing/messages.py and publish/messages.py
    "slug": "de korte naam",
    "year": "het jaar",
    "group": "het nummer van de groep",
    "kind": "de soort",
    "ref": "jaar/nummer",
    "page": "de pagina",
    "length": "aantal tekens",
    "limit": "het hoogste aantal",
    "address": "het webadres",
    "other": "de andere pagina",
    "other_at": "bestand:regel van de andere pagina",
    "path": "het bestand",
    "command": "de opdracht",
    "declared": "welke edities er zijn",
    "years": "de jaren",
    "kinds": "de mogelijke soorten",
    "solve": "'Los het op' of 'Los ze op'",
    "files": "aantal bestanden",
    "source": "het stuk",
    "target": "het stuk waarnaar het verwijst",
    "content": "de map met de inhoud",
    "tried": "de branches die zijn gezocht",
    "example": "een voorbeeld van de opdracht",
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
    "suggestion": "de opdracht, optie of soort die erop lijkt",
    "hint": "'; bedoelt u …?', als er iets op lijkt",
    "commands": "de opdrachten",
    "help": "de opdracht die de hulp toont",
    "option": "de optie",
    "value": "een voorbeeld van de waarde",
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

# --- link.py: links between entries, numbers, themes, categories and editions -------------------------------------

# --- markup.py, bounds.py, invisible.py, privacy.py: what the text may contain -------------------------------------

# --- parties.py: the register of parties and the party lines of the cards ------------------------------------------

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


def found(errors: int, warnings: int) -> str:
    """What SUMMARY says was found: `2 fouten`, `1 fout en 1 waarschuwing`."""
    parts = [counted(errors, "fout", "fouten")] + ([counted(warnings, "waarschuwing", "waarschuwingen")] if warnings
                                                  else [])
    return " en ".join(parts)
