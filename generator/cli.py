"""The command line: a thin layer over the pipeline. Every command has help with an example, in Dutch, as every
text an editor reads: the help and the command line's own messages are written here, in one place (the stages'
texts are in their messages.py). argparse's own words are replaced through its documented API only: an own
-h/--help (`add_help=False`), titled argument groups and subcommands, a formatter that passes its `prefix` to
`add_usage`, and `error`. The mistakes editors make most (no or an unknown command, an unknown option, an option
without its value, a missing argument, a kind or a year that is not one) are found here, before or after argparse
reads the line, so that they are said in Dutch with what to do; `error` says the rest."""
from __future__ import annotations

import argparse
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from .content import messages as M
from .content.model import ContentError
from .content.parties import unmatched
from .content.validate import closest
from .editing import messages as EM
from .editing.diff import DiffError, diff
from .editing.new import NewEntryError, new_entry
from .pages import messages as PM
from .pages.generate import build_docs, load_catalog
from .pages.write import OutputError
from .publish import messages as SM
from .publish.offline import MissingAsset
from .publish.pdf import PrintError
from .publish.searchindex import SearchIndexError
from .publish.site import BuildError, build_site

# Written as an editor types them on a fresh clone: the first `make check` creates .venv (see CONTRIBUTING.md).
PY = ".venv/bin/python -m generator"
CHECK_HINT = "make check"
KIND_NAMES = {"proposal": "proposals", "idea": "ideas", "workshop": "workshops"}
# What an editor may type for a kind instead (the Dutch words): suggested, not accepted, so the examples stay one.
KIND_WORDS = {"voorstel": "proposal", "voorstellen": "proposal", "idee": "idea", "ideeen": "idea", "ideeën": "idea",
              "workshops": "workshop"}

# --- the help, in Dutch -------------------------------------------------------------------------------------------

USAGE = "gebruik: "
ARGUMENTS, OPTIONS, COMMANDS_TITLE = "argumenten", "opties", "opdrachten"
HELP = "toon deze hulp en stop"
DESCRIPTION = ("Maakt de site van het symposium uit de bestanden in content/. Op een verse kopie maakt 'make check' "
               "eerst de map .venv met alles wat nodig is.")
EPILOG = "voorbeelden, één per opdracht:"
EXAMPLE, EXAMPLES = "voorbeeld:", "voorbeelden:"
CONTENT_HELP = "de map met de inhoud (standaard: content)"


@dataclass
class Argument:
    """One argument of a command: its name(s), its help, and for an option with a value the value's name and an
    example value (used in the messages that ask for it)."""

    names: tuple[str, ...]
    help: str
    metavar: str | None = None
    example: str = ""
    options: dict = field(default_factory=dict)

    @property
    def positional(self) -> bool:
        return not self.names[0].startswith("-")

    @property
    def takes_value(self) -> bool:
        return self.metavar is not None and not self.positional


@dataclass
class Command:
    help: str
    description: str
    examples: list[str]
    arguments: list[Argument]
    usage: str | None = None


def content_option() -> Argument:
    return Argument(("--content",), CONTENT_HELP, "MAP", "content", dict(type=Path, default=Path("content")))


COMMANDS = {
    "check": Command(
        "controleer content/ en toon elke melding",
        "Controleert de inhoud in content/ en toont elke melding als 'pad:regel: melding [code]'; eindigt met "
        "afsluitcode 1 als er een fout is.",
        [f"{PY} check", f"{PY} check --content tests/fixtures/sample/content", f"{PY} check --parties"],
        [content_option(),
         Argument(("--parties",), "toon ook elke partijregel die geen partij uit content/partijen.yml noemt, met "
                  "bestand en regel", options=dict(action="store_true"))]),
    "build": Command(
        "controleer en schrijf de Markdown-pagina's voor MkDocs",
        "Controleert content/ en schrijft de gemaakte pagina's en de open data in de map die mkdocs.yml leest.",
        [f"{PY} build --out build/docs"],
        [content_option(),
         Argument(("--out",), "waar de pagina's komen (standaard: build/docs)", "MAP", "build/docs",
                  dict(type=Path, default=Path("build/docs")))]),
    "site": Command(
        "bouw de hele site in site/ (wat 'make site' doet)",
        "Controleert, maakt de pagina's en draait 'mkdocs build --strict' in een nieuwe map, met de offline versie "
        "en de PDF-dossiers, en zet die map daarna op de plaats van site/; mislukt er iets, dan blijft de vorige "
        "site/ staan.",
        [f"{PY} site"],
        [Argument(("--root",), "de hoofdmap van de repository (standaard: .)", "MAP", ".",
                  dict(type=Path, default=Path("."))),
         Argument(("--site-url",), "het openbare webadres, dat in de PDF's komt (standaard: $SITE_URL)", "ADRES",
                  "https://www.voorbeeld.nl/", dict(default=""))]),
    "new": Command(
        "maak een nieuw voorstel, idee of workshop, klaar om in te vullen",
        "Maakt een nieuw voorstel, idee of workshop met het volgende vrije nummer, de juiste bestandsnaam en alle "
        "sleutels en koppen; overschrijft nooit een bestand.",
        [f'{PY} new proposal --edition 2026 --title "Buurtnoodplan"'],
        [Argument(("kind",), "wat u maakt: 'proposal' (een voorstel), 'idea' (een idee) of 'workshop'", "SOORT",
                  options=dict(nargs="?")),
         Argument(("--edition",), "het jaar van de editie, bijv. 2026", "JAAR", "2026"),
         Argument(("--title",), "de titel; de bestandsnaam wordt eruit gemaakt", "TITEL", '"Buurtnoodplan"'),
         content_option()],
        usage="%(prog)s [-h] SOORT --edition JAAR --title TITEL [--content MAP]"),
    "diff": Command(
        "toon, als Markdown, wat de wijziging aan de inhoud verandert ten opzichte van BASIS",
        "Vergelijkt content/ met de stand in BASIS (een branch, tag of commit van git; standaard: de hoofdbranch) "
        "en toont, als Markdown, de stukken die erbij komen, weggaan en veranderen, de koppelingen die erbij komen "
        "en vervallen, de afwijkingen die erbij komen en weggaan, en de meldingen van de controle. De controle van "
        "een pull request zet dit in de samenvatting.",
        [f"{PY} diff", f"{PY} diff origin/main > samenvatting.md"],
        [Argument(("base",), "de branch, tag of commit om mee te vergelijken (standaard: de hoofdbranch)", "BASIS",
                  options=dict(nargs="?")),
         content_option()]),
}

# --- the command line's own messages, in Dutch ----------------------------------------------------------------------

# A mistake on the command line (after the usage line; exit code 2), and an error of a stage (exit code 1; its text
# is the stage's, from its messages.py).
ERROR = "{prog}: fout: {message}"
ERROR_LINE = "fout: {message}"
NO_COMMAND = M.Phrase("geef een opdracht: {commands}; bijv. '{example}'")
UNKNOWN_COMMAND = M.Phrase("onbekende opdracht '{given}': kies {commands}{hint}")
UNKNOWN_OPTION = M.Phrase("onbekende optie '{given}' bij '{command}': alle opties staan in '{help}'{hint}")
UNKNOWN_FIRST = M.Phrase("onbekende optie '{given}': zet eerst de opdracht en daarna de opties, bijv. '{example}'")
EXTRA_ARGUMENT = M.Phrase("'{given}' hoort niet bij '{command}': zet een tekst met spaties tussen aanhalingstekens; "
                          "alles wat '{command}' kent, staat in '{help}'")
NEEDS_VALUE = M.Phrase("de optie '{option}' heeft een waarde nodig: zet die direct erachter, bijv. '{option} {value}'")
MISSING_KIND = M.Phrase("zeg wat u wilt maken: {kinds}; bijv. '{example}'")
UNKNOWN_KIND = M.Phrase("onbekende soort '{given}': kies {kinds}{hint}")
MISSING_OPTION = M.Phrase("de optie '{option}' ontbreekt: {what}, bijv. '{option} {value}'")
NOT_A_YEAR = M.Phrase("'{given}' is geen jaar: geef het jaar van de editie als getal, bijv. '--edition 2026'")
SUGGESTION = M.Phrase("; bedoelt u '{suggestion}'?")
UNCLEAR = M.Phrase("deze opdracht is niet te lezen: schrijf elke optie voluit, met haar waarde erachter; zie '{help}'")
WHAT_IS_MISSING = {"--edition": "geef het jaar van de editie", "--title": "geef de titel van het nieuwe stuk"}


def quoted_list(items) -> str:
    return EM.listed([f"'{item}'" for item in items], "of")


def suggestion(given: str, candidates, words: dict[str, str] | None = None) -> str:
    """"; bedoelt u 'x'?" for the candidate closest to `given`, or nothing."""
    found = (words or {}).get(given.lower()) or closest(given.lower(), candidates)
    return SUGGESTION(suggestion=found) if found else ""


class Formatter(argparse.RawDescriptionHelpFormatter):
    """The help as written (descriptions and examples keep their lines), with a Dutch "usage:"."""

    def add_usage(self, usage, actions, groups, prefix=None):
        # argparse passes prefix='' where it makes a subcommand's name (`… -m generator new`): that stays as it is.
        super().add_usage(usage, actions, groups, USAGE if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks Dutch: its own -h/--help, its arguments in groups with Dutch titles, and its
    errors in Dutch."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, add_help=False, allow_abbrev=False, **kwargs)
        self.arguments = self.add_argument_group(ARGUMENTS)
        self.options = self.add_argument_group(OPTIONS)
        self.options.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=HELP)

    def fail(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, ERROR.format(prog=self.prog, message=message) + "\n")

    def error(self, message: str) -> NoReturn:
        # argparse's message is English; the common mistakes never reach it (`parse` finds them first), and for the
        # rest (such as '--help=x') the editor is pointed at the help.
        self.fail(UNCLEAR(help=f"{self.prog} --help"))


def wrap(text: str) -> str:
    """A description on lines of a readable length (the formatter keeps them as they are, for the examples)."""
    return textwrap.fill(text, 100)


def examples(command: Command) -> str:
    return "\n".join([EXAMPLE if len(command.examples) == 1 else EXAMPLES,
                      *(f"  {example}" for example in command.examples)])


def _parser() -> tuple[Parser, dict[str, Parser]]:
    parser = Parser(prog=PY, description=wrap(DESCRIPTION), epilog="\n".join(
        [EPILOG, *(f"  {command.examples[0]}" for command in COMMANDS.values())]))
    commands = parser.add_subparsers(title=COMMANDS_TITLE, dest="command", metavar="OPDRACHT")
    parsers = {}
    for name, command in COMMANDS.items():
        sub = commands.add_parser(name, help=command.help, description=wrap(command.description),
                                  epilog=examples(command), usage=command.usage)
        for argument in command.arguments:
            group = sub.arguments if argument.positional else sub.options
            extra = {"metavar": argument.metavar} if argument.metavar else {}
            group.add_argument(*argument.names, help=argument.help, **extra, **argument.options)
        parsers[name] = sub
    return parser, parsers


def parse(argv: list[str]) -> argparse.Namespace:
    """The command line read, or a Dutch message and exit 2 for what an editor most often gets wrong."""
    parser, parsers = _parser()
    names = list(COMMANDS)
    if argv and not argv[0].startswith("-") and argv[0] not in COMMANDS:
        parser.fail(UNKNOWN_COMMAND(given=argv[0], hint=suggestion(argv[0], names), commands=quoted_list(names)))
    if argv and argv[0] in COMMANDS:
        sub, command = parsers[argv[0]], COMMANDS[argv[0]]
        for at, word in enumerate(argv[1:], 1):
            option = next((a for a in command.arguments if a.takes_value and word in a.names), None)
            if option and (at + 1 == len(argv) or argv[at + 1].startswith("-")):
                sub.fail(NEEDS_VALUE(option=word, value=option.example))
    args, extra = parser.parse_known_args(argv)
    if args.command is None:
        parser.fail(extra and unknown(extra[0], parser, "") or
                    NO_COMMAND(commands=quoted_list(names), example=f"{PY} check"))
    sub = parsers[args.command]
    if extra:
        sub.fail(unknown(extra[0], sub, args.command))
    if args.command == "new":
        kinds = quoted_list(KIND_NAMES)
        if args.kind is None:
            sub.fail(MISSING_KIND(kinds=kinds, example=COMMANDS["new"].examples[0]))
        if args.kind not in KIND_NAMES:
            sub.fail(UNKNOWN_KIND(given=args.kind, hint=suggestion(args.kind, KIND_NAMES, KIND_WORDS),
                                  kinds=kinds))
        for option, value in (("--edition", args.edition), ("--title", args.title)):
            if value is None:
                example = next(a.example for a in COMMANDS["new"].arguments if option in a.names)
                sub.fail(MISSING_OPTION(option=option, what=WHAT_IS_MISSING[option], value=example))
        if not args.edition.strip().isdigit():
            sub.fail(NOT_A_YEAR(given=args.edition))
        args.edition = int(args.edition)
    return args


def unknown(given: str, parser: Parser, command: str) -> str:
    """What to say of an argument the command does not know: an option (with the closest one), or a word."""
    if not command:
        return UNKNOWN_FIRST(given=given, example=COMMANDS["check"].examples[-1])
    options = [name for a in COMMANDS[command].arguments if not a.positional for name in a.names] + ["--help"]
    if given.startswith("-"):
        return UNKNOWN_OPTION(given=given, command=command, hint=suggestion(given.split("=")[0], options),
                              help=f"{parser.prog} --help")
    return EXTRA_ARGUMENT(given=given, command=command, help=f"{parser.prog} --help")


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
    args = parse(sys.argv[1:] if argv is None else argv)
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
            print(PM.BUILD_WRITTEN(files=M.counted(written, "veranderd bestand", "veranderde bestanden"),
                                   out=args.out))
        elif args.command == "new":
            path = new_entry(args.content, KIND_NAMES[args.kind], args.edition, args.title)
            print(EM.NEW_WRITTEN(path=path, command=CHECK_HINT))
        elif args.command == "diff":
            print(diff(args.content, args.base), end="")
        elif args.command == "site":
            site, printed = build_site(args.root.resolve(), site_url=args.site_url)
            print(f"{SM.SITE_BUILT(site=site)}\n{printed}")
    except ContentError as error:
        for problem in error.problems:
            print(problem)
        print(M.SUMMARY(found=M.found(error.errors, len(error.problems) - error.errors)), file=sys.stderr)
        return 1
    except (OutputError, BuildError, MissingAsset, NewEntryError, DiffError, PrintError,
            SearchIndexError) as error:
        print(ERROR_LINE.format(message=error), file=sys.stderr)
        return 1
    return 0
