"""One declared schema per kind of content file.

The schemas are JSON Schema, checked with the `jsonschema` library; the `description` of every key is the Dutch
text editors read in CONTRIBUTING.md, so a key cannot exist without being documented (a test checks that).
"""
from __future__ import annotations

from .load import CONTROLS, MAX_NAME_LENGTH

# Every value is one line of plain text: it goes into headings, list items, table cells, links and file names,
# where a line break would start new Markdown (a heading, an image) and a control character would reach the HTML
# and the CSV raw. So every string pattern below excludes line breaks and control characters (C0, DEL, C1 and
# YAML's other line breaks U+2028/U+2029). No key is multi-line today; one that must be would get a pattern that
# allows '\n', and be listed as such in CONTRIBUTING.md.
# Every pattern ends in `\Z`, the end of the text: jsonschema uses Python's `re`, where `$` also matches before a
# final line break ('bewustwording\n' would pass `^[a-z]+$`).
# Numbers have a range, chosen from the real content with a wide margin: its highest `nummer` is 52 (in an
# edition), `groep` 13, `vrijwilligers` 5, and its years have 4 digits. A number also becomes a path ('groep-13')
# and is printed, so an unbounded one could make a page name no file system takes.
MAX_ENTRY_NUMBER = 9999
MAX_GROUP = 999
MAX_VOLUNTEERS = 10_000
MAX_PARTICIPANTS = 10_000  # `deelnemers` of a workshop (issue 28): a count, like `vrijwilligers`
# A slug becomes part of a page's path and a PDF's file name (`generator/pages/render.py`); the longest real one has 30
# characters. The same limit as a content file name (load.MAX_NAME_LENGTH).
MAX_SLUG_LENGTH = MAX_NAME_LENGTH
TEXT_PATTERN = rf"^[^{CONTROLS}]*\Z"
REF_PATTERN = r"^[0-9]{4}/[1-9][0-9]{0,3}\Z"  # a year and a number up to MAX_ENTRY_NUMBER
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*\Z"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}\Z"

# "integer" is redefined in validate.py to exclude 1.0 (JSON Schema counts it as an integer).
_number = {"type": "integer", "minimum": 1, "maximum": MAX_ENTRY_NUMBER}
_text = {"type": "string", "minLength": 1, "pattern": TEXT_PATTERN}
_notes = {
    "type": "array",
    "items": _text,
    "description": "Afwijkingen in de bron: korte zinnen voor de lezer, getoond op de pagina en op Verantwoording.",
}
_refs = {
    "type": "array",
    "items": {"anyOf": [_number, {"type": "string", "pattern": REF_PATTERN}]},
}
# `verwante_ideeen` of a proposal or an idea (issue 28): ideas of an earlier edition it builds on. The link stage
# refuses a link to the same or a later edition.
_related = {
    **_refs,
    "description": "De ideeën van een eerdere editie waarop dit voortbouwt, als 'jaar/nummer' (bijv. '2025/14').",
}

PROPOSAL = {
    "type": "object",
    # `thema` is required only in an edition that declares themes (`themas`): validate.py adds it there.
    "required": ["nummer", "titel", "ideeen"],
    "additionalProperties": False,
    "properties": {
        "nummer": {**_number, "description": "Het nummer van het voorstel; gelijk aan het getal in de bestandsnaam."},
        "titel": {**_text, "description": "De titel zoals die op de kaart staat."},
        "samenvatting": {**_text, "description": "De korte beschrijving onder de titel (weglaten als die er niet is)."},
        "thema": {**_text, "description": "Het thema (de sectie) waarin het voorstel is gepresenteerd, als slug; "
                  "alleen in een editie die thema's heeft."},
        "groep": {**_number, "maximum": MAX_GROUP, "description": "De workshopgroep ('Groep N' op de kaart); weglaten als die er niet is. "
                  "Niet in een editie waarvan de workshops eigen pagina's hebben: gebruik daar `workshop`."},
        "workshop": {**_number, "description": "Het nummer van de workshop van dezelfde editie waaruit het voorstel "
                     "komt (bijv. `workshop: 1`); alleen in een editie waarvan de workshops eigen pagina's hebben."},
        "vrijwilligers": {
            "anyOf": [{"type": "integer", "minimum": 0, "maximum": MAX_VOLUNTEERS}, _text],
            "description": "Het aantal vrijwilligers (alleen een aantal, nooit namen); tekst als de kaart woorden geeft.",
        },
        "ideeen": {**_refs, "description": "De nummers van de projectideeën waarin het voorstel is samengevat."},
        "verwante_ideeen": _related,
        "afwijkingen": _notes,
    },
}

IDEA = {
    "type": "object",
    "required": ["nummer", "titel", "categorie"],
    "additionalProperties": False,
    "properties": {
        "nummer": {**_number, "description": "Het nummer van het idee; gelijk aan het getal in de bestandsnaam."},
        "titel": {**_text, "description": "De titel zoals in de tabellen."},
        "categorie": {**_text, "description": "De categorie, als slug uit het editiebestand."},
        "subcategorie": {**_text, "description": "De subcategorie, als slug, alleen waar de categorie die heeft."},
        "verwante_ideeen": _related,
        "afwijkingen": _notes,
    },
}

WORKSHOP = {
    "type": "object",
    "required": ["nummer", "titel", "leiders"],
    "additionalProperties": False,
    "properties": {
        "nummer": {**_number, "description": "Het nummer van de workshop; gelijk aan het getal in de bestandsnaam."},
        "titel": {**_text, "description": "Het thema van de workshop."},
        "leiders": {
            "type": "array",
            "description": "Wie de workshop leidt: per persoon `naam`, en zo gedrukt `rol` en `organisatie`.",
            "items": {
                "type": "object",
                "required": ["naam"],
                "additionalProperties": False,
                "properties": {"naam": _text, "rol": _text, "organisatie": _text},
            },
        },
        "deelnemers": {
            "type": "integer", "minimum": 0, "maximum": MAX_PARTICIPANTS,
            "description": "Hoeveel mensen aan de workshop deelnamen (een aantal, nooit namen); weglaten als het niet bekend is.",
        },
        "verwante_ideeen": {
            **_refs,
            "description": "Redactionele koppeling naar ideeën van een eerdere editie, als 'jaar/nummer' (bijv. '2025/14').",
        },
        "afwijkingen": _notes,
    },
}

_category = {
    "type": "object",
    "required": ["slug", "naam"],
    "additionalProperties": False,
    "properties": {"slug": {"type": "string", "maxLength": MAX_SLUG_LENGTH, "pattern": SLUG_PATTERN}, "naam": _text},
}

EDITION = {
    "type": "object",
    "required": ["titel", "datum"],
    "additionalProperties": False,
    "properties": {
        "titel": {**_text, "description": "De naam van het symposium van deze editie."},
        "datum": {
            "type": "string", "pattern": DATE_PATTERN, "format": "date",
            "description": "De datum, als JJJJ-MM-DD; een datum die bestaat.",
        },
        "bronnen": {"type": "array", "items": _text, "description": "De brondocumenten waaruit de inhoud komt."},
        "afwijkingen": _notes,
        "themas": {"type": "array", "items": _category, "description": "Toegestane thema's: `slug` en `naam`, in volgorde."},
        "categorieen": {
            "type": "array",
            "description": "Toegestane categorieën, in volgorde, elk met eventueel `subcategorieen`.",
            "items": {
                **_category,
                "properties": {**_category["properties"], "subcategorieen": {"type": "array", "items": _category}},
            },
        },
    },
}

# The kinds of party, in the order of the Partijen index.
PARTY_KINDS = ("overheid", "veiligheid en defensie", "bedrijfsleven", "kennis en onderwijs",
               "maatschappelijke organisatie", "media", "burgers en gemeenschappen")

PARTIES = {
    "type": "object",
    "required": ["partijen"],
    "additionalProperties": False,
    "properties": {
        "partijen": {
            "type": "array",
            "description": "Het register van partijen: per partij `slug`, `naam`, `soort` en `schrijfwijzen`.",
            "items": {
                "type": "object",
                "required": ["slug", "naam", "soort"],
                "additionalProperties": False,
                "properties": {
                    "slug": {**_category["properties"]["slug"],
                             "description": "De korte naam van de partij; bepaalt het webadres van haar pagina."},
                    "naam": {**_text, "description": "De naam zoals de site hem toont; telt ook als schrijfwijze."},
                    "soort": {"enum": list(PARTY_KINDS), "description": "De soort partij, voor de indeling."},
                    "schrijfwijzen": {
                        "type": "array",
                        "items": _text,
                        "description": "Hoe de kaarten en workshops de partij ook schrijven (hoofdletters, accenten "
                        "en leestekens tellen niet).",
                    },
                },
            },
        },
    },
}

SCHEMAS = {"proposals": PROPOSAL, "ideas": IDEA, "workshops": WORKSHOP, "editions": EDITION, "parties": PARTIES}
