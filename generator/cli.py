"""The command line: a thin layer over the pipeline. Every command has help with an example."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .content import messages as M
from .content.model import ContentError
from .content.parties import unmatched
from .editing.diff import DiffError, diff
from .editing.new import NewEntryError, new_entry
from .pages.generate import build_docs, load_catalog
from .pages.write import OutputError
from .publish.offline import MissingAsset
from .publish.pdf import PrintError
from .publish.searchindex import SearchIndexError
from .publish.site import BuildError, build_site

# Written as an editor types them on a fresh clone: the first `make check` creates .venv (see CONTRIBUTING.md).
PY = ".venv/bin/python -m generator"
CHECK_HINT = "make check"
EXAMPLES = {
    "check": f"example:\n  {PY} check\n  {PY} check --content tests/fixtures/sample/content\n  {PY} check --parties",
    "build": f"example:\n  {PY} build --out build/docs",
    "site": f"example:\n  {PY} site",
    "new": f'example:\n  {PY} new proposal --edition 2026 --title "Buurtnoodplan"',
    "diff": f"example:\n  {PY} diff\n  {PY} diff origin/main > summary.md",
}
KIND_NAMES = {"proposal": "proposals", "idea": "ideas", "workshop": "workshops"}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PY, description="Build the symposium site from content/. ('make check' sets up .venv on a fresh clone.)",
        epilog="examples, one per command:\n" + "\n".join(
            line for text in EXAMPLES.values() for line in text.splitlines()[1:2]),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser("check", help="validate content/ and print every problem",
                                description="Validate content/ and print every problem as 'path:line: message [code]'; "
                                "exit 1 if there is any.", epilog=EXAMPLES["check"],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    check.add_argument("--content", type=Path, default=Path("content"), help="the content directory (default: content)")
    check.add_argument("--parties", action="store_true", help="also list every party line that names no party of "
                       "content/partijen.yml, with its file and line")
    build = commands.add_parser("build", help="validate and write the Markdown pages for MkDocs",
                                description="Validate content/ and write the generated pages and open data into the "
                                "docs directory that mkdocs.yml reads.", epilog=EXAMPLES["build"],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    build.add_argument("--content", type=Path, default=Path("content"), help="the content directory (default: content)")
    build.add_argument("--out", type=Path, default=Path("build/docs"), help="where to write (default: build/docs)")
    site = commands.add_parser("site", help="build the whole site into site/ (what 'make site' runs)",
                               description="Check, generate and run 'mkdocs build --strict' into a fresh directory, "
                               "then move it into place as site/; on failure the previous site/ stays.",
                               epilog=EXAMPLES["site"], formatter_class=argparse.RawDescriptionHelpFormatter)
    site.add_argument("--root", type=Path, default=Path("."), help="the repository root (default: .)")
    site.add_argument("--site-url", default="", help="the public address, printed in the PDFs (default: $SITE_URL)")
    new = commands.add_parser("new", help="write a new entry, ready to fill in",
                              description="Write a new proposal, idea or workshop with the next free number, the "
                              "right file name and every key and heading; never overwrites a file.",
                              epilog=EXAMPLES["new"], formatter_class=argparse.RawDescriptionHelpFormatter)
    new.add_argument("kind", choices=sorted(KIND_NAMES), help="what to create")
    new.add_argument("--edition", type=int, required=True, help="the edition year, e.g. 2026")
    new.add_argument("--title", required=True, help="the title; the file name's slug is made from it")
    new.add_argument("--content", type=Path, default=Path("content"), help="the content directory (default: content)")
    review = commands.add_parser("diff", help="print, as Markdown, what the content changes compared with BASE",
                                 description="Compare content/ with its state at BASE (a git branch, tag or commit; "
                                 "default: the main branch) and print, as Markdown, the entries added, removed and "
                                 "changed, the links gained and lost, the discrepancy notes added and removed, and the "
                                 "problems found. The pull-request check writes it to the job summary.",
                                 epilog=EXAMPLES["diff"], formatter_class=argparse.RawDescriptionHelpFormatter)
    review.add_argument("base", nargs="?", metavar="BASE", help="the git ref to compare with (default: the main branch)")
    review.add_argument("--content", type=Path, default=Path("content"), help="the content directory (default: content)")
    return parser


def summary(catalog) -> str:
    """What the catalog holds, as `check` prints it when all is well."""
    return (f"{M.counted(len(catalog.proposals), 'voorstel', 'voorstellen')}, "
            f"{M.counted(len(catalog.ideas), 'idee', 'ideeën')}, "
            f"{M.counted(len(catalog.workshops), 'workshop', 'workshops')} "
            f"in {M.counted(len(catalog.editions), 'editie', 'edities')}")


def unmatched_report(catalog) -> str:
    """`check --parties`: every party line that matches no party, then the totals."""
    lines = unmatched(catalog)
    total = sum(len(x) for x in catalog.party_lines.values())
    out = [f"{x.location}: {M.UNMATCHED_LINE(party_line=x.text, role=x.role)}" for x in lines]
    totals = M.PARTY_TOTALS(party_lines=M.counted(total, "partijregel", "partijregels"),
                            matched=M.dutch_number(total - len(lines)), unmatched=M.dutch_number(len(lines)))
    return "\n".join(out + [totals])


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            catalog = load_catalog(args.content)
            for warning in catalog.warnings:
                print(warning)
            if args.parties:
                print(unmatched_report(catalog))
            print(M.PASSED(catalog=summary(catalog)))
        elif args.command == "build":
            written = build_docs(args.content, args.out)
            print(f"Wrote {written} changed files to {args.out}")
        elif args.command == "new":
            path = new_entry(args.content, KIND_NAMES[args.kind], args.edition, args.title)
            print(f"Wrote {path}; fill it in, then run: {CHECK_HINT}")
        elif args.command == "diff":
            print(diff(args.content, args.base), end="")
        elif args.command == "site":
            site, printed = build_site(args.root.resolve(), site_url=args.site_url)
            print(f"Built {site}\nPDF dossiers: {printed}")
    except ContentError as error:
        for problem in error.problems:
            print(problem)
        print(M.SUMMARY(found=M.found(error.errors, len(error.problems) - error.errors)), file=sys.stderr)
        return 1
    except (OutputError, BuildError, MissingAsset, NewEntryError, DiffError, PrintError,
            SearchIndexError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0
