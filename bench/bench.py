"""`make bench`: how the build grows with the number of entries, against the floor that MkDocs itself sets.

For each size it writes synthetic content shaped like the real 2025 content (the real card texts, reused; 37 ideas
per 52 proposals; one edition per 500 proposals) and the 2026 edition's workshops (15 per edition, 12 of them with
outcomes: a report, insights, recommendations and follow-up steps that name parties of the register; every proposal
names its workshop; from the second edition on, every fifth proposal and idea and every workshop builds on an idea
of the edition before) into a temporary directory in RAM
(/dev/shm, so that the disk's speed does not blur the figures; --on-disk for the system's temporary directory) and
measures, over several runs (median):

- check: `python -m generator check` (load, validate, link);
- generation: `python -m generator build` minus the check (render and write the docs directory);
- MkDocs: `mkdocs build --strict` with the project's configuration;
- floor (up to 2,000 proposals): a plain `mkdocs build` of the same generated Markdown with a minimal
  configuration (same theme, search and Markdown extensions, the same small navigation; none of the project's hooks);
- naive (up to 2,000 proposals: it grows with the square): the floor plus a navigation that lists every entry;
- per size, median of three: the seconds from opening the offline edition with `?q=` in Chromium (file://) to
  the first results (SEARCH_QUERY), with the size of the search index;
- the whole publication (`python -m generator site`: check, generation, the online build, the PDF dossiers of
  every edition and the offline edition with its zip, as `make site` makes it the first time: every dossier
  printed), the median of --runs up to 2,000 proposals like the floor it is set against, once at 10,000; then once
  the offline edition alone (derived from the online build and zipped) and the PDF dossiers of one edition alone;
  peak memory and output sizes;
- once per size up to 2,000: the whole publication again after one changed proposal, when the dossiers that did
  not change come from the last build;
- at 2,000 proposals: the rebuild after one changed content file under `mkdocs serve` (with and without --dirty).

MkDocs builds and the whole publication at 10,000 proposals, the naive navigation and the full serve rebuild run
once (each takes minutes or a whole build); the --dirty serve rebuild is the median of three saves; everything else
is the median of --runs runs, but where it says once.

Usage: python bench/bench.py [--quick] [--sizes 52 500 ...] [--runs 3] [--no-readme] [--on-disk] [--search-only]
       [--no-naive] [--no-serve]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.publish.offline import ZIP_ROOT, derive, pack  # noqa: E402
from generator.publish.pdf import print_pages  # noqa: E402

PY = sys.executable
PER_EDITION = 500
IDEAS_PER_PROPOSAL = 37 / 52
WORKSHOPS_PER_EDITION = 15
NAIVE_LIMIT = 2000
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
README_START, README_END = "<!-- bench:start -->", "<!-- bench:end -->"
SEARCH_QUERY = "noodpakket"  # in the real cards that the synthetic proposals reuse


# --- synthetic content -----------------------------------------------------------------------------------------

def real_cards() -> list[tuple[dict, str]]:
    cards = []
    for path in sorted((ROOT / "content/proposals/2025").glob("*.md")):
        _, fm, body = path.read_text(encoding="utf-8").split("---\n", 2)
        cards.append((yaml.safe_load(fm), body))
    return cards


def write_content(root: Path, proposals: int) -> None:
    """Synthetic content: every proposal reuses a real card's text; ideas and links in the real proportions."""
    cards = real_cards()
    edition_file = (ROOT / "content/editions/2025.md").read_text(encoding="utf-8")
    editions = max(1, -(-proposals // PER_EDITION))
    content = root / "content"
    # The register of parties: the cards' party lines are matched against it.
    write(content / "partijen.yml", (ROOT / "content/partijen.yml").read_text(encoding="utf-8"))
    number = 0
    for e in range(editions):
        year = 2025 + e
        count = min(PER_EDITION, proposals - number)
        ideas = max(1, round(count * IDEAS_PER_PROPOSAL))
        (content / "editions").mkdir(parents=True, exist_ok=True)
        (content / f"editions/{year}.md").write_text(edition_file, encoding="utf-8")
        # `verwante_ideeen` goes to an earlier edition only: from the second edition on, to the one before.
        earlier = (lambda n: [f"{year - 1}/{n % previous_ideas + 1}"]) if e else None
        for i in range(1, ideas + 1):
            category = ["bewustwording", "oefenen-en-simuleren", "voorbereiden", "beleidsmaatregelen"][(i - 1) * 4 // ideas]
            sub = "\nsubcategorie: lokaal-voorbereiden" if category == "voorbereiden" else ""
            related = f"\nverwante_ideeen: {json.dumps(earlier(i))}" if earlier and i % 5 == 0 else ""
            write(content / f"ideas/{year}/{i:03d}-idee-{i}.md",
                  f"---\nnummer: {i}\ntitel: Synthetisch idee {i}\ncategorie: {category}{sub}{related}\n---\n")
        for p in range(1, count + 1):
            meta, body = cards[(number + p - 1) % len(cards)]
            links = sorted({(p - 1) % ideas + 1, (p * 7) % ideas + 1})
            # The workshops are entries: a proposal names its workshop (`groep` is refused there).
            fm = {"nummer": p, "titel": f"{meta['titel']} ({year}-{p})", "thema": meta["thema"],
                  "workshop": (p - 1) % WORKSHOPS_PER_EDITION + 1, "ideeen": links}
            if earlier and p % 5 == 0:
                fm["verwante_ideeen"] = earlier(p)
            for key in ("samenvatting", "vrijwilligers"):
                if key in meta:
                    fm[key] = meta[key]
            write(content / f"proposals/{year}/{p:03d}-voorstel-{p}.md",
                  "---\n" + yaml.safe_dump(fm, allow_unicode=True, sort_keys=False) + "---\n" + body)
        for w in range(1, WORKSHOPS_PER_EDITION + 1):
            write(content / f"workshops/{year}/{w:03d}-workshop-{w}.md", workshop_file(w, cards, earlier))
        number += count
        previous_ideas = ideas


# The outcome sections of a synthetic workshop (generator/content/model.py OUTCOME_SECTIONS), from the real cards' texts;
# the follow-up steps name parties of the real register, as "Wie: wat".
STEP_PARTIES = ("Gemeenten", "Veiligheidsregio's", "Defensie", "Burgerreserve", "Rijksoverheid")
WITHOUT_OUTCOMES = 3  # the last three workshops of an edition have none yet ("De uitkomsten volgen.")


def workshop_file(w: int, cards: list[tuple[dict, str]], earlier) -> str:
    fm = {"nummer": w, "titel": f"Workshop {w}", "leiders": [{"naam": f"Spreker {w}"}]}
    if earlier:
        fm["verwante_ideeen"] = earlier(w)
    text = f"\nBeschrijving van workshop {w}.\n"
    if w <= WORKSHOPS_PER_EDITION - WITHOUT_OUTCOMES:
        fm["deelnemers"] = 10 + w
        meta, body = cards[w % len(cards)]
        paragraphs = [part.strip() for part in re.split(r"^## .*$", body, flags=re.M) if part.strip()]
        lines = [line.strip().removeprefix("- ") for part in paragraphs for line in part.splitlines()]
        items = ([line for line in lines if line and not line.startswith(("#", "|"))]
                 + [f"Een uitkomst van workshop {w}."] * 6)[:6]
        bullets = lambda lines: "".join(f"- {line}\n" for line in lines)  # noqa: E731
        steps = "".join(f"- {STEP_PARTIES[(w + k) % len(STEP_PARTIES)]}: {line}\n" for k, line in enumerate(items[:3]))
        report = " ".join(line for line in lines[:12] if line and not line.startswith(("#", "|")))
        text += (f"\n## Verslag\n\n{meta['titel']}. {report}\n\n"
                 f"## Belangrijkste inzichten\n\n{bullets(items[:3])}\n## Aanbevelingen\n\n{bullets(items[3:])}\n"
                 f"## Vervolgstappen\n\n{steps}")
    return "---\n" + yaml.safe_dump(fm, allow_unicode=True, sort_keys=False) + "---\n" + text


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def make_root(base: Path, proposals: int) -> Path:
    root = base / f"n{proposals}"
    root.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "generator").symlink_to(ROOT / "generator")
    (root / "node_modules").symlink_to(ROOT / "node_modules")
    (root / "overrides").symlink_to(ROOT / "overrides")
    write_content(root, proposals)
    return root


def floor_config(root: Path, naive_nav: list | None = None) -> Path:
    """The project's configuration without its hooks: the same theme, search and extensions, nothing of ours."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvTagLoader)
    config.pop("hooks", None)
    config["docs_dir"] = "build/docs"
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "offline" in p)]
    config["extra"] = {"generator": False}
    config["use_directory_urls"] = True
    config["site_url"] = ""
    config.pop("strict", None)
    if naive_nav is not None:
        config["nav"] = naive_nav
    name = "mkdocs-naive.yml" if naive_nav is not None else "mkdocs-floor.yml"
    path = root / name
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


class _EnvTagLoader(yaml.SafeLoader):
    pass


_EnvTagLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def naive_nav(docs: Path) -> list:
    nav = [{"Home": "index.md"}]
    for section in ("voorstellen", "ideeen", "workshops"):
        pages = sorted(p.relative_to(docs).as_posix() for p in (docs / section).rglob("*.md") if p.name != "index.md")
        nav.append({section: [f"{section}/index.md", *pages]})
    return nav


# --- measuring -------------------------------------------------------------------------------------------------

MEASURE = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
           "r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
           "print(r.returncode, time.perf_counter() - t, "
           "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.stderr.write(r.stderr[-3000:])")


def timed(command: list[str], cwd: Path, **env: str) -> tuple[float, int]:
    """Seconds and peak memory (KiB) of one command, measured by a small parent process of its own."""
    result = subprocess.run([PY, "-c", MEASURE, *command], cwd=cwd, env={**ENV, **env}, capture_output=True,
                            text=True)
    code, seconds, peak = result.stdout.split()
    if code != "0":
        raise SystemExit(f"failed: {' '.join(command)}\n{result.stderr}")
    return float(seconds), int(peak)


def median_of(runs: int, command: list[str], cwd: Path, before=None, **env: str) -> tuple[float, int]:
    samples = []
    for _ in range(runs):
        if before:
            before()
        samples.append(timed(command, cwd, **env))
    return statistics.median(s[0] for s in samples), max(s[1] for s in samples)


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def measure_size(base: Path, proposals: int, runs: int, naive: bool = True, serve: bool = True) -> dict:
    root = make_root(base, proposals)
    docs, site = root / "build/docs", root / "site"
    clean_docs = lambda: shutil.rmtree(docs, ignore_errors=True)  # noqa: E731
    generator = [PY, "-m", "generator"]
    # At 10,000 proposals one MkDocs build takes minutes: one run each keeps `make bench` under 30 minutes.
    mk_runs = runs if proposals <= NAIVE_LIMIT else 1
    progress(proposals, "check and generation")
    check, check_mem = median_of(runs, [*generator, "check"], root)
    build, build_mem = median_of(runs, [*generator, "build", "--out", str(docs)], root, before=clean_docs)
    progress(proposals, f"MkDocs build, {mk_runs} run(s)")
    mkdocs, mkdocs_mem = median_of(mk_runs, project_build(root), root)
    row = {"proposals": proposals, "ideas": len(list((root / "content/ideas").rglob("*.md"))),
           "pages": len(list(docs.rglob("*.md"))), "check": check, "generation": max(build - check, 0.0),
           "mkdocs": mkdocs, "online": build + mkdocs, "peak_mib": max(check_mem, build_mem, mkdocs_mem) / 1024}
    # Floor and naive navigation up to 2,000 proposals, where their ratios are targets: at 10,000 they would cost
    # minutes (the naive one hours) of a run that must stay under 30 minutes.
    if proposals <= NAIVE_LIMIT:
        progress(proposals, f"floor, {mk_runs} run(s)" + ("; naive navigation, 1 run" if naive else ""))
        row["floor"] = median_of(mk_runs, floor_build(root), root)[0]
        if naive:
            row["naive"], _ = timed(floor_build(root, naive_nav(docs)), root)
    page = next((site / "voorstellen/2025").glob("001-*/index.html"))
    row.update(site_mib=tree_size(site) / 2**20, page_kib=page.stat().st_size / 1024,
               search_kib=(site / "search/search_index.json").stat().st_size / 1024)
    progress(proposals, "whole publication (make site), offline edition and PDFs")
    row.update(measure_publication(root, mk_runs))
    if proposals <= NAIVE_LIMIT:
        progress(proposals, "whole publication again, after one changed proposal")
        row["rebuild"] = measure_rebuild(root)
    if proposals == 2000 and serve:
        progress(proposals, "mkdocs serve")
        try:
            row.update(measure_serve(root))
        except SystemExit as error:  # report it, keep the other figures
            print(f"serve measurement failed: {error}", file=sys.stderr, flush=True)
    shutil.rmtree(root, ignore_errors=True)
    return row


def project_build(root: Path) -> list[str]:
    return [PY, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(root / "site")]


def floor_build(root: Path, nav: list | None = None) -> list[str]:
    """The floor's build command; with `nav`, the naive one (the floor with that navigation)."""
    site = root / ("site-naive" if nav is not None else "site-floor")
    return [PY, "-m", "mkdocs", "build", "--quiet", "-f", str(floor_config(root, nav)), "-d", str(site)]


def scratch_dir(on_disk: bool) -> str | None:
    """RAM (/dev/shm) for the synthetic sites unless --on-disk: the figures should measure the build, not the
    disk. On the benchmark machine's disk, creating a file took about 0.5 ms (10 to 20 times as long as in RAM) and
    varied from run to run; the generated Markdown is 3,590 files at 2,000 proposals. None: the system's temporary
    directory."""
    shm = Path("/dev/shm")
    if on_disk or not shm.is_dir() or not os.access(shm, os.W_OK) or shutil.disk_usage(shm).free < 6 * 2**30:
        return None
    return str(shm)


def progress(proposals: int, step: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {proposals:,} proposals: {step}", file=sys.stderr, flush=True)


def measure_publication(root: Path, runs: int) -> dict:
    """The whole publication as `make site` makes it the first time (the median of `runs`, each with every dossier
    printed: like the floor it is set against), then, on its online site, the offline edition alone (derived and
    zipped, without the PDFs printed meanwhile) and the PDF dossiers of one edition alone."""
    seconds, peak = median_of(runs, [PY, "-m", "generator", "site", "--root", str(root)], root,
                              before=lambda: shutil.rmtree(root / "build/pdf-cache", ignore_errors=True))
    site = root / "site"
    # A figure is only worth what was built: every dossier a real PDF (not the placeholder MkDocs copies).
    for pdf in (site / "downloads/pdf").glob("*.pdf"):
        if not pdf.read_bytes().startswith(b"%PDF-"):
            raise SystemExit(f"{pdf}: not a PDF; the publication measured is broken")
    row = {"publication": seconds, "publication_peak_mib": peak / 1024,
           "zip_mib": (site / "downloads/symposium-offline.zip").stat().st_size / 2**20}
    started = time.perf_counter()
    pack(derive(root, site, root / "build/docs", leave_out=["downloads/symposium-offline.zip"]),
         root / "build/offline.zip", 1700000000)
    row["offline"] = time.perf_counter() - started
    # Dossiers are per edition (at most 500 proposals each), so printing one edition's shows the cost per edition:
    # with several editions only the first edition's are printed, and the count column says how many.
    # An edition's dossiers: one per category and the workshops' dossier.
    pages = [*sorted((site / "categorieen").glob("2025/*/index.html")), site / "workshops/2025/dossier/index.html"]
    jobs = [(p.parent.relative_to(site).as_posix() + "/", root / "build/pdf" / f"{p.parent.name}-{i}.pdf")
            for i, p in enumerate(pages)]
    started = time.perf_counter()
    print_pages(site, jobs, 1700000000)
    row.update(pdf=time.perf_counter() - started, pdfs=len(jobs))
    return {**row, **measure_search(unzipped(site, root / "build/unzipped"))}


def measure_rebuild(root: Path) -> float:
    """`make site` after an editor changed one proposal's title: what a rebuild costs when most dossiers did not
    change (they come from the last build, generator/publish/printcache.py)."""
    proposal = next((root / "content/proposals/2025").glob("001-*.md"))
    text = proposal.read_text(encoding="utf-8")
    proposal.write_text(re.sub(r"^(titel: .*)$", r"\1 gewijzigd", text, count=1, flags=re.M), encoding="utf-8")
    seconds, _ = timed([PY, "-m", "generator", "site", "--root", str(root)], root)
    proposal.write_text(text, encoding="utf-8")
    return seconds


def unzipped(site: Path, target: Path) -> Path:
    """The offline edition as a reader has it: the published zip, unpacked."""
    shutil.rmtree(target, ignore_errors=True)
    with zipfile.ZipFile(site / "downloads/symposium-offline.zip") as archive:
        archive.extractall(target)
    return target / ZIP_ROOT
def measure_search(offline: Path, runs: int = 3) -> dict:
    """Seconds from opening the offline edition's home page with ?q= (file://, a fresh browser context each time)
    to the first search results shown, median of `runs`; and the size of the search index it loads."""
    from playwright.sync_api import sync_playwright

    from generator.publish.pdf import launch

    samples = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for _ in range(runs):
                context = browser.new_context()
                page = context.new_page()
                started = time.perf_counter()
                page.goto((offline / "index.html").as_uri() + f"?q={SEARCH_QUERY}")
                page.wait_for_selector(".md-search-result__item", timeout=120_000)
                samples.append(time.perf_counter() - started)
                context.close()
        finally:
            browser.close()
    return {"first_results": statistics.median(samples),
            "search_js_kib": (offline / "search/search_index.js").stat().st_size / 1024}


def measure_search_only(base: Path, proposals: int) -> dict:
    """--search-only: generate, build the offline edition and measure its search (no other figures)."""
    root = make_root(base, proposals)
    progress(proposals, "the publication and the offline edition's search")
    subprocess.run([PY, "-m", "generator", "site", "--root", str(root)], cwd=root, env=ENV, check=True,
                   capture_output=True)
    site = root / "site"
    row = {"proposals": proposals, "search_kib": (site / "search/search_index.json").stat().st_size / 1024,
           **measure_search(unzipped(site, root / "build/unzipped"))}
    shutil.rmtree(root, ignore_errors=True)
    return row


def measure_serve(root: Path) -> dict:
    """Seconds from saving one content file to MkDocs reporting the rebuilt site, under `mkdocs serve`."""
    results = {}
    # A full rebuild costs as much as a whole build, so it is saved once; --dirty takes seconds: median of three.
    for label, extra, saves in (("serve_rebuild", [], 1), ("serve_rebuild_dirty", ["--dirty", "--no-strict"], 3)):
        # Not --no-livereload: without live reload, MkDocs does not watch files at all.
        with socket.socket() as probe:  # a free port: a leftover server must not make this run fail
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        process = subprocess.Popen([PY, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", *extra],
                                   cwd=root, env=ENV, stderr=subprocess.PIPE, text=True)
        lines = queue.Queue()
        threading.Thread(target=lambda: [lines.put(line) for line in process.stderr], daemon=True).start()
        seen: list[str] = []
        try:
            wait_for(lines, "Serving on", seen=seen)
            target = next((root / "content/proposals/2025").glob("001-*.md"))
            samples = []
            for n in range(saves):
                # MkDocs polls for changes (every 0.5 s) from a snapshot taken when watching starts or a rebuild
                # ends: a save before that snapshot would go unnoticed.
                time.sleep(2)
                text = target.read_text(encoding="utf-8")
                target.write_text(text.replace("## Beoogd effect\n", f"## Beoogd effect\n\nWijziging {label} {n}.\n", 1),
                                  encoding="utf-8")
                saved = time.perf_counter()
                # Not "Documentation built in": MkDocs drops a log message identical to an earlier one.
                wait_for(lines, "Reloading browsers", seen=seen)
                samples.append(time.perf_counter() - saved)
            results[label] = statistics.median(samples)
        finally:
            process.terminate()
            process.wait(timeout=30)
    return results


def wait_for(lines: queue.Queue, marker: str, timeout: float = 300, seen: list | None = None) -> None:
    """Wait for MkDocs to print `marker`, at most `timeout` seconds; the error quotes what it printed last."""
    seen = [] if seen is None else seen
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            line = lines.get(timeout=max(0.1, deadline - time.time()))
        except queue.Empty:
            break
        seen.append(line)
        if marker in line:
            return
    tail = "".join([line for line in seen if not line.startswith("  - ")][-12:])
    raise SystemExit(f"mkdocs serve did not report '{marker}' within {timeout:.0f} s; it printed:\n{tail}")


# --- reporting -------------------------------------------------------------------------------------------------

def table(rows: list[dict]) -> str:
    head = ("| proposals | ideas | pages | check s | generation s | MkDocs s | online build s | floor s | "
            "online/floor | naive nav s | naive/online | peak MiB | site MiB | proposal page KiB | search index KiB | "
            "first search results s | offline edition s | zip MiB | PDFs of one edition s (count) | "
            "whole publication s | publication/floor | rebuild after one change s | rebuild/floor |")
    lines = [head, "|" + " ---: |" * (head.count("|") - 1)]
    for r in rows:
        floor = f"{r['floor']:.1f} | {r['online'] / r['floor']:.2f}×" if "floor" in r else "– | –"
        naive = f"{r['naive']:.1f}" if "naive" in r else "–"
        naive_ratio = f"{r['naive'] / r['online']:.1f}×" if "naive" in r else "–"
        publication = f"{r['publication'] / r['floor']:.2f}×" if "floor" in r else "–"
        rebuild = f"{r['rebuild']:.1f} | {r['rebuild'] / r['floor']:.2f}×" if "rebuild" in r else "– | –"
        lines.append(f"| {r['proposals']:,} | {r['ideas']:,} | {r['pages']:,} | {r['check']:.2f} | "
                     f"{r['generation']:.2f} | {r['mkdocs']:.1f} | {r['online']:.1f} | {floor} | "
                     f"{naive} | {naive_ratio} | {r['peak_mib']:.0f} | "
                     f"{r['site_mib']:.1f} | {r['page_kib']:.1f} | {r['search_kib']:,.0f} | {r['first_results']:.2f} | "
                     f"{r['offline']:.1f} | "
                     f"{r['zip_mib']:.1f} | {r['pdf']:.1f} ({r['pdfs']}) | {r['publication']:.1f} | {publication} | "
                     f"{rebuild} |")
    return "\n".join(lines)


def targets(rows: list[dict]) -> list[str]:
    by = {r["proposals"]: r for r in rows}
    out = []
    if 2000 in by:
        r = by[2000]
        out.append(f"- Online build at 2,000 proposals: {r['online']:.1f} s = {r['online'] / r['floor']:.2f}× the "
                   f"MkDocs floor ({r['floor']:.1f} s); target ≤ 1.15×.")
        out.append(f"- Whole publication (`make site`: online site, PDFs of every edition, offline edition) at 2,000: "
                   f"{r['publication']:.1f} s = {r['publication'] / r['floor']:.2f}× the floor; target ≤ 1.5×.")
        if "rebuild" in r:
            out.append(f"- The same after one changed proposal (unchanged dossiers taken from the last build): "
                       f"{r['rebuild']:.1f} s = {r['rebuild'] / r['floor']:.2f}× the floor.")
        if "naive" in r:
            out.append(f"- Naive navigation at 2,000: {r['naive']:.1f} s = {r['naive'] / r['online']:.1f}× slower "
                       "than the online build; target ≥ 5×.")
        if "serve_rebuild" in r:
            out.append(f"- `mkdocs serve` at 2,000, one content file saved → site rebuilt: {r['serve_rebuild']:.1f} s "
                       f"(full rebuild); {r['serve_rebuild_dirty']:.1f} s with `--dirty`.")
    if 2000 in by and 10000 in by:
        a, b = by[2000], by[10000]
        out.append(f"- Generation 10,000 vs 2,000: {b['generation']:.2f} s / {a['generation']:.2f} s = "
                   f"{b['generation'] / a['generation']:.1f}× (target ≤ 6×); {100 * b['generation'] / b['online']:.1f} % "
                   "of the online build at 10,000 (target < 5 %).")
    smallest, largest = rows[0], rows[-1]
    out.append(f"- One proposal page: {smallest['page_kib']:.1f} KiB at {smallest['proposals']:,} proposals, "
               f"{largest['page_kib']:.1f} KiB at {largest['proposals']:,} "
               f"({100 * (largest['page_kib'] / smallest['page_kib'] - 1):+.1f} %; target within ±20 %).")
    return out


def plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [r["proposals"] for r in rows]
    figure, axis = plt.subplots(figsize=(7, 4.2), dpi=100)
    axis.plot(sizes, [r["online"] for r in rows], "o-", label="online build (check + generation + MkDocs)")
    floor = [r for r in rows if "floor" in r]
    axis.plot([r["proposals"] for r in floor], [r["floor"] for r in floor], "s--",
              label="MkDocs floor (same pages, minimal config)")
    naive = [r for r in rows if "naive" in r]
    axis.plot([r["proposals"] for r in naive], [r["naive"] for r in naive], "x:", label="naive nav (every entry)")
    axis.plot(sizes, [r["generation"] for r in rows], "^-", label="generation only")
    axis.set_xscale("log")
    axis.set_yscale("log")
    axis.set_xlabel("proposals")
    axis.set_ylabel("seconds (median)")
    axis.grid(True, which="both", alpha=0.3)
    axis.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(path, metadata={"Software": None})
    plt.close(figure)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    memory = ""
    if Path("/proc/meminfo").exists():
        kib = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())[1])
        memory = f", {kib / 2**20:.0f} GiB"
    return f"{os.cpu_count()} cores ({cpu}){memory}, Python {platform.python_version()}, {platform.system()}"


def update_readme(report: str) -> None:
    readme = ROOT / "bench/README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = text.index(README_START), text.index(README_END)
    readme.write_text(text[: start + len(README_START)] + "\n" + report + "\n" + text[end:], encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="only 52 and 500 proposals")
    parser.add_argument("--sizes", type=int, nargs="+", default=[52, 500, 2000, 10000])
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement; the median is reported")
    parser.add_argument("--no-readme", action="store_true", help="print only; do not update bench/README.md")
    parser.add_argument("--search-only", action="store_true",
                        help="only the search index size and the time to the first results in the offline edition")
    parser.add_argument("--on-disk", action="store_true",
                        help="build in the system's temporary directory instead of RAM (/dev/shm)")
    parser.add_argument("--no-naive", action="store_true", help="leave out the naive navigation (minutes at 2,000)")
    parser.add_argument("--no-serve", action="store_true", help="leave out the serve rebuild at 2,000")
    args = parser.parse_args()
    sizes = [52, 500] if args.quick else args.sizes
    started = time.perf_counter()
    rows = []
    scratch = scratch_dir(args.on_disk)
    with tempfile.TemporaryDirectory(prefix="symposium-bench-", dir=scratch) as base:
        for size in sizes:
            if args.search_only:
                rows.append(measure_search_only(Path(base), size))
                print(json.dumps(rows[-1]), flush=True)
                continue
            rows.append(measure_size(Path(base), size, args.runs, naive=not args.no_naive, serve=not args.no_serve))
            print(json.dumps(rows[-1]), flush=True)
            publish(rows, args, time.perf_counter() - started, final=size == sizes[-1],
                    where=scratch or tempfile.gettempdir())


def publish(rows: list[dict], args, total: float, final: bool, where: str) -> None:
    """Print the report; unless --no-readme, also write it and the plot (after every size, so partial figures
    survive an interrupted run)."""
    runs = f"{args.runs} run{'s' if args.runs != 1 else ''}"
    ram = " (RAM)" if where.startswith("/dev/shm") else ""
    report = "\n".join([
        f"Measured with `make bench` on {time.strftime('%Y-%m-%d')}: {machine()}; sites built in {where}{ram}. "
        f"Median of {runs}, except one run for the naive navigation, for MkDocs builds and the whole publication at "
        "10,000 proposals (floor and naive navigation up to 2,000 only), for the offline edition alone, for the PDFs "
        "of one edition alone and for the rebuild after one change; one save for the full serve rebuild and the "
        "median of three with `--dirty`. "
        f"The whole benchmark took {total / 60:.1f} min.", "", table(rows), "",
        *targets(rows), "",
        "![Build time against the number of proposals](performance.png)"])
    if not final:
        report = "(Partial: the benchmark was still running or was interrupted after these sizes.)\n\n" + report
    print(report)
    if not args.no_readme:
        plot(rows, ROOT / "bench/performance.png")
        update_readme(report)


if __name__ == "__main__":
    main()
