"""The matrix of one edition as an HTML table: a row per proposal, a column per idea, the idea columns grouped under
their category (and subcategory) headers, a count per row and per column; and the same links as a per-proposal
list for narrow screens.

Built here in Python, not in a template loop: an edition of 500 proposals has 178,000 cells, and one string join
per row keeps the page linear in size and fast to render. All content text is HTML-escaped; the markup itself is
fixed, so the page is inert. Each cell says "ja" or "nee" in text (the dot is drawn by the stylesheet), so a
screen reader never meets an empty cell, and its row and column headers (`scope`) give it its meaning.
"""
from __future__ import annotations

from html import escape
from typing import Callable

from ..content.model import Edition, Idea, Proposal

YES = '<td class="j">ja</td>'
NO = "<td>nee</td>"
END = ' class="matrix-end"'


def _groups(edition: Edition, ideas: list[Idea]) -> list[tuple[str, list[tuple[str | None, list[Idea]]]]]:
    """[(category name, [(subcategory name or None, ideas)])] in the edition's order, empty groups left out; ideas
    of an unknown category (impossible after the link stage) would fall in a last group rather than vanish."""
    out = []
    placed: set[int] = set()
    for category in edition.categories:
        mine = [i for i in ideas if i.category == category.slug]
        subs = []
        for sub in category.subcategories:
            of_sub = [i for i in mine if i.subcategory == sub.slug]
            if of_sub:
                subs.append((sub.name, of_sub))
        rest = [i for i in mine if not any(i in group for _, group in subs)]
        if rest:
            subs.insert(0, (None, rest))
        if subs:
            out.append((category.name, subs))
            placed.update(id(i) for _, group in subs for i in group)
    others = [i for i in ideas if id(i) not in placed]
    if others:
        out.append(("Overig", [(None, others)]))
    return out


def matrix_table(edition: Edition, proposals: list[Proposal], ideas: list[Idea], link: Callable) -> str:
    groups = _groups(edition, ideas)
    ordered = [i for _, subs in groups for _, group in subs for i in group]
    two_rows = any(name is not None for _, subs in groups for name, _ in subs)
    rows = 3 if two_rows else 2
    top = [f'<th scope="col" rowspan="{rows}" class="matrix-corner">Voorstel</th>']
    middle = []
    for name, subs in groups:
        width = sum(len(group) for _, group in subs)
        if two_rows and all(sub is None for sub, _ in subs):
            top.append(f'<th scope="colgroup" colspan="{width}" rowspan="2">{escape(name)}</th>')
            continue
        top.append(f'<th scope="colgroup" colspan="{width}">{escape(name)}</th>')
        for sub, group in subs:
            middle.append(f'<th scope="colgroup" colspan="{len(group)}">{escape(sub or "Algemeen")}</th>')
    top.append(f'<th scope="col" rowspan="{rows}" class="matrix-count">Aantal ideeën</th>')
    end = len(ordered) * 2 // 3  # the tooltips of the last columns open to the left
    numbers = "".join(
        f'<th scope="col"{END if n >= end else ""}><a href="{link(i)}">{i.number}'
        f' <span class="matrix-tip">{escape(i.title)}</span></a></th>' for n, i in enumerate(ordered))
    head = [f"<tr>{''.join(cells)}</tr>" for cells in (top, middle if two_rows else None, [numbers]) if cells]
    body = []
    for p in proposals:
        linked = {id(i) for i in p.ideas}
        cells = "".join(YES if id(i) in linked else NO for i in ordered)
        body.append(f'<tr><th scope="row"><a href="{link(p)}">{p.number}. {escape(p.title)}</a></th>{cells}'
                    f'<td class="matrix-count">{len(linked)}</td></tr>')
    total = sum(len(p.ideas) for p in proposals)
    foot = ("<tr><th scope=\"row\">Aantal voorstellen</th>" + "".join(f"<td>{len(i.proposals)}</td>" for i in ordered)
            + f'<td class="matrix-count">{total}</td></tr>')
    caption = (f"Matrix {escape(edition.title)} ({edition.year}): de voorstellen ({len(proposals)}) in de rijen, de "
               f"ideeën ({len(ordered)}) in de kolommen, per categorie. Ja: het voorstel is in dat idee samengevat.")
    # No tabindex on the scroll box: the sanitiser would drop it, and the links inside make it reachable by keyboard.
    return (f'<div class="matrix-scroll"><table class="matrix-table"><caption>{caption}</caption>'
            f"<thead>{''.join(head)}</thead>\n<tbody>\n" + "\n".join(body) + "\n</tbody>"
            f'<tbody class="matrix-totals">{foot}</tbody>'
            "</table></div>")


def matrix_list(proposals: list[Proposal], link: Callable) -> str:
    """The narrow-screen view: "5. De weerbare wijk → ideeën 2, 21"."""
    items = []
    for p in proposals:
        ideas = ", ".join(f'<a href="{link(i)}">{i.number}</a>' for i in p.ideas)
        word = "idee" if len(p.ideas) == 1 else "ideeën"
        target = f"{word} {ideas}" if p.ideas else "geen idee"
        items.append(f'<li><a href="{link(p)}">{p.number}. {escape(p.title)}</a> → {target}</li>')
    return '<ul class="matrix-list">\n' + "\n".join(items) + "\n</ul>"
