"""Every text the editors' tools print, in Dutch, in one place, so that its wording is reviewed as text: what `new`
says (and refuses), the preview's problem banner and its lines in the terminal of `make serve`, and the words of the
`generator diff` summary that are not in its template (generator/editing/templates/review/diff.md.j2 holds the
headings). Written like the check's messages (generator/content/messages.py): what is wrong, then what to do, in
CONTRIBUTING.md's register; every `{field}` is described in FIELDS there.
"""
from __future__ import annotations

from ..content.messages import Phrase, counted, found, listed

# --- new.py: a new entry from a template --------------------------------------------------------------------------

# The line `new` prints; tests/editing/test_fresh_clone.py runs the command after "draai daarna: " as printed.
NEW_WRITTEN = Phrase("Geschreven: {path}; vul het bestand in en draai daarna: {command}")
NEW_UNKNOWN_EDITION = Phrase("editie {year} bestaat nog niet ({declared}): maak eerst content/editions/{year}.md "
                             "(zie CONTRIBUTING.md), of kies een jaar dat er al is")
DECLARED_ONE = Phrase("er is een editie van {years}")
DECLARED_MANY = Phrase("er zijn edities van {years}")
DECLARED_NONE = "er is nog geen editie"
NEW_UNKNOWN_KIND = Phrase("onbekende soort '{kind}': kies {kinds}")
NEW_NO_TITLE = ("de titel bevat geen letter of cijfer, en de bestandsnaam wordt uit de titel gemaakt: geef een titel "
                "met ten minste één letter of cijfer")
NEW_EXISTS = Phrase("het bestand {path} bestaat al, dus er is niets geschreven: draai de opdracht opnieuw, dan kiest "
                    "ze het volgende vrije nummer")

# --- banner.py: the preview of `make serve` while the check fails ---------------------------------------------------

BANNER_HEADING = Phrase("De controle vond {found} in content/; deze preview toont de laatste goede versie. "
                        "{solve} en sla het bestand op:")
BANNER_FIX_ONE, BANNER_FIX_MANY = "Los het op", "Los ze op"
# In the terminal that runs `make serve`: the same problems, one a line, after this line.
SERVE_FAILED = Phrase("De controle vond {found} in content/; de preview toont de laatste goede versie, met de "
                      "meldingen bovenaan elke pagina, tot ze zijn opgelost:")
# In that terminal after each save that passes the check.
SERVE_REGENERATED = Phrase("Inhoud bijgewerkt: {files} veranderd")


def declared_editions(years: list[int]) -> str:
    if not years:
        return DECLARED_NONE
    return (DECLARED_ONE if len(years) == 1 else DECLARED_MANY)(years=listed(years))


def banner_heading(errors: int, warnings: int) -> str:
    total = errors + warnings
    return BANNER_HEADING(found=found(errors, warnings), solve=BANNER_FIX_ONE if total == 1 else BANNER_FIX_MANY)


def serve_failed(errors: int, warnings: int) -> str:
    return SERVE_FAILED(found=found(errors, warnings))


def serve_regenerated(changed: int) -> str:
    return SERVE_REGENERATED(files=counted(changed, "gemaakt bestand", "gemaakte bestanden"))


# --- diff.py: the reviewer's summary --------------------------------------------------------------------------------

# How the summary names an entry ("voorstel 2025/1 “Oefen de wijk”") and the text above a file's first heading.
KIND_LABELS = {"editions": "editie", "proposals": "voorstel", "ideas": "idee", "workshops": "workshop"}
INTRO = "(tekst boven de eerste kop)"
LINK = Phrase("{source} → {target}")
EDITORIAL_LINK = Phrase("{source} → {target} (redactioneel)")
BUILDS_ON = "bouwt voort op"

DIFF_NO_GIT = Phrase("de map {content} staat niet in een git-repository, en 'diff' vergelijkt met een commit: draai "
                     "het in een map die u met 'git clone' hebt opgehaald")
DIFF_NO_MAIN = Phrase("geen hoofdbranch gevonden (gezocht: {tried}): noem de branch om mee te vergelijken, "
                      "bijv. '{example}'")
DIFF_NOT_A_COMMIT = Phrase("'{base}' is geen commit in deze repository: noem een branch, tag of commit, "
                           "bijv. '{example}'")
DIFF_OUTSIDE = Phrase("de map {content} ligt niet in de git-repository {root}: geef met '--content' een map binnen "
                      "de repository op")
