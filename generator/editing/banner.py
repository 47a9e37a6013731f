"""The preview's problem banner: while the content check fails, `make serve` keeps showing the last good pages,
and every page carries this banner naming each problem, so an editor never mistakes a stale page for the result
of an edit. It disappears with the first build after the problems are fixed. (Preview only: a published build
never has problems.)"""
from __future__ import annotations

import html
import re

from ..content.model import Problem
from . import messages as M

BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
STYLE = ("position:sticky;top:0;z-index:10000;margin:0;padding:.8em 1.2em;background:#b00020;color:#fff;"
         "font:0.8rem/1.5 system-ui,sans-serif;box-shadow:0 2px 6px rgba(0,0,0,.3)")


def _counts(problems: list[Problem]) -> tuple[int, int]:
    errors = sum(p.is_error for p in problems)
    return errors, len(problems) - errors


def banner(problems: list[Problem]) -> str:
    items = "".join(f'<li><code style="color:inherit;background:none">{html.escape(str(p.location))}</code>: '
                    f"{html.escape(str(p).removeprefix(f'{p.location}: '))}</li>" for p in problems)
    return (f'<div id="content-problems" role="alert" style="{STYLE}"><strong>'
            f"{html.escape(M.banner_heading(*_counts(problems)))}</strong>"
            f'<ul style="margin:.4em 0 0 1.2em">{items}</ul></div>')


def with_banner(page: str, problems: list[Problem]) -> str:
    """`page` with the banner right after `<body>`; unchanged when there are no problems."""
    if not problems:
        return page
    match = BODY.search(page)
    at = match.end() if match else 0
    return page[:at] + banner(problems) + page[at:]


def report(problems: list[Problem]) -> str:
    """The same problems for the terminal that runs `make serve`."""
    return "\n".join([M.serve_failed(*_counts(problems)), *(f"  {p}" for p in problems)])


def regenerated(changed: int) -> str:
    """What the terminal of `make serve` says after a save that passes the check."""
    return M.serve_regenerated(changed)
