"""A dossier is laid out once, for paper: the printers get the page hidden (generator/publish/pdf.py, HIDDEN) and show it
just before printing. What is printed must still be the published page, and the PDF the same as from the page as
published."""
from __future__ import annotations

import pytest

from generator.publish.pdf import HIDDEN_ID, LOCAL_ORIGIN, fix_dates, hidden, page_file, print_report, serve_from

DOSSIER = "categorieen/2025/bewustwording/"
BUILT = "Gemaakt op 1 januari 2025"


def as_published(site):
    """A route handler that serves every file of `site` exactly as it is."""
    def handle(route):
        target = page_file(site, route.request.url.split("#")[0][len(LOCAL_ORIGIN):])
        route.fulfill(path=str(target)) if target.is_file() else route.fulfill(status=404)
    return handle


@pytest.fixture
def printer_page(browser):
    """A page as the printers set it up, for the handler the test gives it."""
    contexts = []

    def make(handler):
        context = browser.new_context(java_script_enabled=False)
        contexts.append(context)
        page = context.new_page()
        page.emulate_media(media="print")
        page.route("**/*", handler)
        page.goto(LOCAL_ORIGIN + DOSSIER, wait_until="load")
        return page

    yield make
    for context in contexts:
        context.close()


def test_the_printers_get_the_page_hidden_and_print_exactly_the_published_page(real_site, printer_page):
    printers, published = printer_page(serve_from(real_site, LOCAL_ORIGIN)), printer_page(as_published(real_site))
    # Nothing laid out until it is shown.
    assert printers.evaluate("() => document.documentElement.getClientRects().length") == 0
    assert published.evaluate("() => document.documentElement.getClientRects().length") == 1
    # Printed (print_report shows it), the same PDF byte for byte as from the page as published…
    assert fix_dates(print_report(printers, BUILT), 0) == fix_dates(print_report(published, BUILT), 0)
    # …because it is then the published page: the same document, element for element.
    document = "() => document.documentElement.outerHTML"
    assert HIDDEN_ID not in printers.evaluate(document)
    assert printers.evaluate(document) == published.evaluate(document)

def test_a_page_without_a_head_is_served_as_it_is():
    assert hidden(b"<p>no head</p>") == b"<p>no head</p>"
    assert hidden(b"<html><head><title>x</title></head><body></body></html>") == (
        b'<html><head><title>x</title><style id="print-hidden">html{display:none!important}</style></head>'
        b"<body></body></html>")
