"""Where the processor time of one command goes, by kind of process: MkDocs, Chromium's renderers, Node, ….

    .venv/bin/python bench/processes.py --proposals 2000
    .venv/bin/python bench/processes.py -- .venv/bin/python -m generator check

The first makes synthetic content of 2,000 proposals as `make bench` does (in RAM where it can) and measures the
whole publication built from it, `python -m generator site`, as `make site` does; the second, any command. Runs it,
reads /proc every 0.1 s for it and every process it starts (children, grandchildren), and prints the processor
seconds (user + system) of each kind when it ends, with the machine's busy time over the same span (/proc/stat) to
compare. A process is counted as last seen, so one that lives less than 0.1 s may be missed: the machine's figure is
the complete one. Linux only.
"""
from __future__ import annotations

import argparse
import collections
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")
KINDS = [  # (part of the command line, kind): the first that matches
    ("--type=renderer", "Chromium: renderers (layout, paint, tags)"),
    ("--utility-sub-type=printing", "Chromium: print compositor (PDF)"),
    ("--type=utility", "Chromium: other services (network, storage)"),
    ("--type=gpu-process", "Chromium: GPU process"),
    ("--type=zygote", "Chromium: zygote"),
    ("chromium", "Chromium: browser process"),
    ("playwright/driver", "Node: Playwright's driver"),
    ("mkdocs build", "MkDocs: site build"),
    ("node", "Node: other (search index)"),
    ("-m generator", "Python: generator (check, generation, offline edition, zip, PDF numbers, Playwright)"),
]


def kind(command: str) -> str:
    return next((name for part, name in KINDS if part in command), command.split(" ")[0] or "?")


def busy() -> float:
    fields = [int(v) for v in open("/proc/stat").readline().split()[1:]]
    return (sum(fields) - fields[3] - fields[4]) / TICK  # all but idle and iowait


def sample(root: int, seen: dict[int, tuple[float, str]]) -> None:
    parents, stats = {}, {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            fields = open(f"/proc/{name}/stat").read().rsplit(")", 1)[1].split()
            command = open(f"/proc/{name}/cmdline").read().replace("\0", " ").strip()
        except OSError:
            continue
        parents[int(name)] = int(fields[1])
        stats[int(name)] = ((int(fields[11]) + int(fields[12])) / TICK, command)
    for pid, stat in stats.items():
        ancestor = pid
        while ancestor not in (root, 0, 1) and ancestor in parents:
            ancestor = parents[ancestor]
        if ancestor == root and stat[1]:
            seen[pid] = stat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--proposals", type=int, help="measure the whole publication of this many synthetic proposals")
    parser.add_argument("command", nargs="*", help="the command to measure, after --")
    args = parser.parse_args()
    if bool(args.proposals) == bool(args.command):
        parser.error("give either --proposals N or a command after --")
    if args.proposals:
        sys.path.insert(0, str(Path(__file__).parent))
        import bench

        base = Path(tempfile.mkdtemp(prefix="processes-", dir=bench.scratch_dir(on_disk=False)))
        try:
            root = bench.make_root(base, args.proposals)
            raise SystemExit(measure([sys.executable, "-m", "generator", "site", "--root", str(root)], cwd=root,
                                     env=bench.ENV))
        finally:
            shutil.rmtree(base, ignore_errors=True)
    raise SystemExit(measure(args.command))


def measure(command: list[str], **options) -> int:
    """Run `command` and print its processor time by kind of process; its exit code."""
    seen: dict[int, tuple[float, str]] = {}
    machine, started = busy(), time.perf_counter()
    process = subprocess.Popen(command, **options)
    while process.poll() is None:
        sample(process.pid, seen)
        time.sleep(0.1)
    wall, machine = time.perf_counter() - started, busy() - machine
    totals = collections.Counter()
    for cpu, line in seen.values():
        totals[kind(line)] += cpu
    for name, cpu in totals.most_common():
        print(f"{cpu:7.1f} s  {name}")
    print(f"{sum(totals.values()):7.1f} s  all processes seen\n{machine:7.1f} s  machine busy, in {wall:.1f} s")
    return process.returncode


if __name__ == "__main__":
    main()
