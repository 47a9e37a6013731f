"""How long `python -m generator check` takes on the real content plus one hostile file (issue 26, item 2).

Each payload of tests/bounds_cases.py is written into a copy of content/ in a temporary directory: as the text of
a new card (content/proposals/2025/099-vijandig.md), as its `samenvatting`, or into the register; then the check
runs as an editor runs it (a new Python process) and the seconds to its exit are printed, the median of --runs
runs, next to the real content alone. The target is under one second for each. Before this issue's changes,
several of these ran for more than 600 s; --timeout stops a run that takes longer than its value.

Usage: .venv/bin/python bench/hostile.py [--runs 3] [--timeout 120] [--only NAME ...]
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from bounds_cases import BODIES, party_lines, spellings  # noqa: E402

CARD = "content/proposals/2025/099-vijandig.md"
FRONT = "---\nnummer: 99\ntitel: Vijandig\nthema: bewustwording\nideeen: []\n{extra}---\n\n"


def card(text: str, extra: str = "") -> dict[str, str]:
    return {CARD: FRONT.format(extra=extra) + "## Beoogd effect\n\n" + text + "\n"}


def register(extra: str) -> dict[str, str]:
    return {"content/partijen.yml": (ROOT / "content/partijen.yml").read_text(encoding="utf-8") + extra}


def notes(line: str, count: int) -> str:
    """`afwijkingen` with `count` notes, each `line` with its number for {i}."""
    return "afwijkingen:\n" + "".join(line.format(i=i) for i in range(count))


PARTIES = "## Partijen benodigd bij uitvoering\n\n"
PAYLOADS: dict[str, dict[str, str]] = {
    "(the real content alone)": {},
    **{name: card(text) for name, text in BODIES.items()},
    "summary-of-attribute-list-openers": card("Tekst.", 'samenvatting: "' + "{:" * 200_000 + '"\n'),
    "front-matter-of-10001-values": card("Tekst.", notes("  - Noot {i}\n", 10_001)),
    "front-matter-of-9990-values": card("Tekst.", notes("  - Noot {i} *a* [b](c)\n", 9_980)),
    "register-of-56000-spellings": register(spellings(56_000)),
    "register-of-9000-spellings": register(spellings(9_000)),
    "card-of-15000-unmatched-party-lines": card(PARTIES + party_lines(15_000)),
    "both-of-the-above": {**register(spellings(9_000)), **card(PARTIES + party_lines(15_000))},
    "party-line-of-2500-words": card(PARTIES + "- Netbeheerdr" + " woord" * 2_499),
}


def run(root: Path, files: dict[str, str], timeout: float) -> tuple[float | None, int | None, str]:
    """Write the payload's files into a fresh copy of content/, run the check once: (seconds, exit code, last
    line of its output); seconds None when it ran past `timeout`."""
    shutil.rmtree(root / "content", ignore_errors=True)
    shutil.copytree(ROOT / "content", root / "content")
    for path, text in files.items():
        (root / path).write_text(text, encoding="utf-8")
    start = time.perf_counter()
    try:
        result = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=root, capture_output=True,
                                text=True, timeout=timeout, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    except subprocess.TimeoutExpired:
        return None, None, f"ran past {timeout:.0f} s"
    seconds = time.perf_counter() - start
    last = (result.stderr.strip().splitlines() or result.stdout.strip().splitlines() or [""])[-1]
    return seconds, result.returncode, last


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs per payload; the median is printed (default 3)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds before a run is stopped (default 120)")
    parser.add_argument("--only", nargs="*", help="only these payloads")
    args = parser.parse_args()
    names = [name for name in PAYLOADS if not args.only or name in args.only]
    print(f"| payload | file KiB | exit | check s (median of {args.runs}) | under 1 s | output (last line) |")
    print("| --- | ---: | ---: | ---: | :---: | --- |")
    with tempfile.TemporaryDirectory(prefix="hostile-", dir="/dev/shm" if Path("/dev/shm").is_dir() else None) as tmp:
        for name in names:
            files = PAYLOADS[name]
            size = max((len(text.encode()) for text in files.values()), default=0) / 1024
            results = [run(Path(tmp), files, args.timeout) for _ in range(args.runs)]
            times = [seconds for seconds, _, _ in results if seconds is not None]
            _, code, last = results[-1]
            median = f"{statistics.median(times):.2f}" if len(times) == len(results) else results[-1][2]
            ok = "yes" if len(times) == len(results) and statistics.median(times) < 1 else "NO"
            print(f"| {name} | {size:,.0f} | {code if code is not None else '–'} | {median} | {ok} | "
                  f"{last[:90].replace('|', '/')} |", flush=True)


if __name__ == "__main__":
    main()
