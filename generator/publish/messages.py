"""Every text `make site` (`python -m generator site`) prints, in Dutch, in one place, so that its wording is
reviewed as text: its progress lines, and the errors of the build, the printers, the offline edition and the search
index, which the command line prints after 'fout: '. What another program says (MkDocs, Chromium, node) is quoted
after the sentence, as it said it. Every `{field}` is described in FIELDS of generator/content/messages.py."""
from __future__ import annotations

from ..content.messages import Phrase
from ..content.model import dutch_number

# --- site.py: the progress lines ------------------------------------------------------------------------------------

SITE_BUILT = Phrase("De site staat klaar in {site}")
# "PDF-dossiers: 1 gedrukt, 15 ongewijzigd sinds de vorige bouw": the others are taken from build/pdf-cache/.
DOSSIERS = Phrase("PDF-dossiers: {printed} gedrukt, {reused} ongewijzigd sinds de vorige bouw")


def dossiers(printed: int, reused: int) -> str:
    return DOSSIERS(printed=dutch_number(printed), reused=dutch_number(reused))


# --- site.py: the errors --------------------------------------------------------------------------------------------

MKDOCS_FAILED = Phrase("de bouw van de site met MkDocs is mislukt; de vorige site blijft staan. Wat MkDocs meldt, "
                       "staat hieronder:\n{output}")
NOT_PRINTED = Phrase("{pdf} is niet gedrukt, maar het drukken meldde geen fout: dit is een fout in de generator; "
                     "meld het aan de beheerders")
PRINTED_FROM_OTHER_PAGE = Phrase("{page}: de pagina waarvan het dossier is gedrukt, verschilt van de gepubliceerde "
                                 "pagina (vergelijk {printed_from} met {published}): dit is een fout in de generator; "
                                 "meld het aan de beheerders")

# --- pdf.py: the printers -------------------------------------------------------------------------------------------

BUILD_FAILED_FIRST = Phrase("{pages}: niet gedrukt, want de bouw van de site is mislukt")
BROWSER_FROM_PLAYWRIGHT = "die van Playwright"
BROWSER_DID_NOT_START = Phrase("Chromium ({browser}) start niet ('{error}'): installeer het met "
                               "scripts/system-packages, of zet CHROMIUM op een Chromium- of Chrome-programma")
PAGE_NOT_PRINTED = Phrase("{page}: Chromium kon deze pagina niet drukken ('{error}')")

# --- offline.py, searchindex.py: the offline edition and the search index ------------------------------------------

SHIM_MISSING = Phrase("{shim} ontbreekt: draai 'npm ci --ignore-scripts' (dat doet 'make site' zelf)")
NODE_MISSING = ("node is niet geïnstalleerd, en daarmee wordt de zoekindex gebouwd: scripts/system-packages "
                "installeert het (met npm)")
INDEX_FAILED = Phrase("het bouwen van de zoekindex is mislukt; wat node meldt, staat hieronder:\n{output}")
