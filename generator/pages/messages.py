"""The texts of the page-making stage that are not the check's (the pages' addresses are, in the section "pages"
of generator/content/messages.py): what `build` says, why it refuses a docs directory, and the files it writes in
place of what `make site` adds later. In Dutch, in one place, so that their wording is reviewed as text."""
from __future__ import annotations

from ..content.messages import Phrase

# `python -m generator build` (and the first step of `make serve`).
BUILD_WRITTEN = Phrase("{files} geschreven naar {out}")
OUT_OVERLAPS = Phrase("er wordt niets naar {out} geschreven, want die map overlapt met de inhoud in {content}: kies "
                      "met '--out' een map buiten de inhoud, bijv. build/docs")
OUT_NOT_OURS = Phrase("er wordt niets in {out} geschreven, want die map is niet leeg en niet door de generator "
                      "gemaakt: kies met '--out' een lege of nieuwe map, bijv. build/docs")
# The marker file of the docs directory, and what stands in for a PDF or the zip until `make site` adds it: `make
# serve` links to it.
MARKER_TEXT = "Gemaakt door `python -m generator`; pas niets aan in deze map: ze wordt bij elke bouw opnieuw gemaakt.\n"
PLACEHOLDER = ("Dit bestand is nog niet gemaakt: `make site` (`python -m generator site`) zet het hier neer, na de "
               "bouw van de site.\n")
