"""End to end: real `mkdocs build --strict` of the sample tree and of the real content, deterministic output."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT, SAMPLE, add_hook, run_cli, site_root, snapshot
from dutch import assert_dutch


def test_sample_builds_every_page_type(sample_site):
    expected = [
        "index.html", "voorstellen/index.html", "voorstellen/2025/001-oefen-de-wijk/index.html",
        "ideeen/index.html", "ideeen/2025/002-voorraden/index.html", "categorieen/2025/voorbereiden/index.html",
        "themas/2025/bewustwording/index.html", "groepen/2025/groep-2/index.html", "workshops/index.html",
        "workshops/2026/001-burgerreserve/index.html", "matrix/index.html", "matrix/2025/index.html", "verantwoording/index.html",
        "edities/2026/index.html", "data/proposals.json", "data/ideas.csv", "data/workshops.json",
        "search/search_index.json", "downloads/symposium-offline.zip", "downloads/pdf/2025-voorbereiden.pdf",
        "partijen/index.html", "partijen/gemeenten/index.html", "data/parties.json", "data/parties.csv",
        "workshops/2026/dossier/index.html", "downloads/pdf/workshops-2026.pdf",
    ]
    missing = [rel for rel in expected if not (sample_site / rel).is_file()]
    assert missing == []


def test_pages_are_dutch_and_make_no_external_requests(sample_site):
    for page in sample_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert '<html lang="nl"' in html, page
        external = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
        # Only the repository link (edit/source) may point outside; nothing is loaded from elsewhere.
        assert all("github.com" in url for url in external), (page, external)
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
    config = (sample_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"lang":["nl"]' in config.replace(" ", "")


def test_back_links_and_discrepancies_reach_the_pages(sample_site):
    idea = (sample_site / "ideeen/2025/002-voorraden/index.html").read_text(encoding="utf-8")
    assert "1. Oefen de wijk" in idea and "2. Noodpakket" in idea
    assert "Afwijking in de bron" in idea and "De tabellen spellen de titel anders." in idea
    report = (sample_site / "verantwoording/index.html").read_text(encoding="utf-8")
    for note in ("De bron noemt 3 en 2 voorstellen.", "Op de kaart staat geen nummer.",
                 "De tabellen spellen de titel anders."):
        assert note in report


def test_two_builds_are_byte_identical(tmp_path):
    first, second = site_root(tmp_path / "a", SAMPLE), site_root(tmp_path / "b", SAMPLE)
    for root in (first, second):
        result = run_cli("site", "--root", str(root))
        assert result.returncode == 0, result.stdout + result.stderr
    assert snapshot(first / "site") == snapshot(second / "site")


def test_a_rebuild_prints_only_the_dossiers_whose_page_changed(tmp_path):
    """Printing is most of the cost of the publication: a dossier whose page and theme did not change since the
    last build is taken from there (build/pdf-cache/), with this build's time stamps; the site stays the same."""
    root = site_root(tmp_path, SAMPLE)
    site, cache = root / "site", root / "build/pdf-cache"

    def build(**env: str) -> str:
        result = run_cli("site", "--root", str(root), env=env)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    assert build() == f"De site staat klaar in {site}\nPDF-dossiers: 4 gedrukt, 0 ongewijzigd sinds de vorige bouw\n"
    first = snapshot(site)
    assert build() == f"De site staat klaar in {site}\nPDF-dossiers: 0 gedrukt, 4 ongewijzigd sinds de vorige bouw\n"
    assert snapshot(site) == first
    # An hour later on the same day: the same dossiers, dated by this build.
    assert build(SOURCE_DATE_EPOCH="315536400").endswith("0 gedrukt, 4 ongewijzigd sinds de vorige bouw\n")
    dossier = (site / "downloads/pdf/2025-oefenen.pdf").read_bytes()
    assert b"/CreationDate (D:19800101010000" in dossier and b"(D:19800101000000" not in dossier

    proposal = root / "content/proposals/2025/002-noodpakket.md"  # in the dossier Voorbereiden only
    proposal.write_text(proposal.read_text(encoding="utf-8").replace("titel: Noodpakket", "titel: Noodpakket thuis"),
                        encoding="utf-8")
    assert build().endswith("PDF-dossiers: 1 gedrukt, 3 ongewijzigd sinds de vorige bouw\n")
    after = snapshot(site)
    assert [rel for rel in sorted(first) if rel.endswith(".pdf") and first[rel] != after[rel]] == \
        ["downloads/pdf/2025-voorbereiden.pdf"]
    text = subprocess.run(["pdftotext", str(site / "downloads/pdf/2025-voorbereiden.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "2. Noodpakket thuis" in text
    assert len(list(cache.glob("*.pdf"))) == 4  # what this build used, nothing older


def stop_the_build(root, event: str) -> None:
    """A hook of the test's that stops the site's build at `event`: before it has written any page for the printers
    (on_nav) or once it has written every page (on_post_build), while the dossiers print."""
    add_hook(root, "stop.py", "from mkdocs.exceptions import PluginError\n\n\n"
                              f"def {event}(*args, **kwargs):\n"
                              f"    raise PluginError('build stopped by the test at {event}')\n")


@pytest.mark.parametrize("event", ["on_nav", "on_post_build"])
def test_a_failed_mkdocs_build_keeps_the_previous_site_and_stops_the_printers(tmp_path, event):
    """The printers start as soon as the site's build has written the first dossier page, while the build goes on;
    when it fails (before that, or while the dossiers print), `generator site` reports MkDocs' error, leaves the
    previous site as it was and no printer behind."""
    root = site_root(tmp_path, SAMPLE)
    assert run_cli("site", "--root", str(root)).returncode == 0
    before = snapshot(root / "site")
    stop_the_build(root, event)
    (root / "content/proposals/2025/002-noodpakket.md").unlink()  # a changed dossier: it prints again
    result = run_cli("site", "--root", str(root), timeout=300)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("fout: de bouw van de site met MkDocs is mislukt; de vorige site blijft staan. "
                                    "Wat MkDocs meldt, staat hieronder:\n")
    assert f"build stopped by the test at {event}" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(root / "site") == before
    left = ["docs", "pdf-cache", "site.new"] if event == "on_post_build" else ["docs", "pdf-cache"]  # no spool
    assert sorted(p.name for p in (root / "build").iterdir()) == left


# Before MkDocs copies its static files (among them the placeholders of the PDFs), wait until the printers, which
# started beside the build, have printed every dossier (each lands in the print cache).
SLOW_SITE_BUILD = """import time
from pathlib import Path


def on_env(env, config, files):
    root = Path(config.config_file_path).parent
    wanted = len(list((root / "build/docs/downloads/pdf").glob("*.pdf")))
    deadline = time.monotonic() + 120
    while len(list((root / "build/pdf-cache").glob("*.pdf"))) < wanted and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1)
    return env
"""


def test_dossiers_printed_before_the_site_build_copies_its_files_are_published(tmp_path):
    """Printing runs beside the site's build: however early a dossier is printed, the site and the zip publish its
    PDF, never the placeholder MkDocs copies from the docs (here the site's build waits for the printers)."""
    root = site_root(tmp_path, SAMPLE)
    add_hook(root, "slow.py", SLOW_SITE_BUILD)
    result = run_cli("site", "--root", str(root), timeout=300)
    assert result.returncode == 0, result.stderr
    published = sorted((root / "site/downloads/pdf").glob("*.pdf"))
    assert len(published) == 4
    for pdf in published:
        assert pdf.read_bytes().startswith(b"%PDF-"), pdf.name
    with zipfile.ZipFile(root / "site/downloads/symposium-offline.zip") as archive:
        zipped = [name for name in archive.namelist() if name.endswith(".pdf")]
        assert len(zipped) == 4
        for name in zipped:
            assert archive.read(name).startswith(b"%PDF-"), name


def test_a_browser_that_does_not_start_is_reported_without_a_traceback(tmp_path):
    root = site_root(tmp_path, SAMPLE)
    result = run_cli("site", "--root", str(root), env={"CHROMIUM": "/bin/false"})
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("fout: Chromium (/bin/false) start niet ('")
    assert result.stderr.endswith("'): installeer het met scripts/system-packages, of zet CHROMIUM op een Chromium- "
                                  "of Chrome-programma\n")
    assert_dutch(result.stderr.splitlines())
    assert "Traceback" not in result.stderr
    assert not (root / "site").exists()


def test_real_content_builds_strictly(tmp_path):
    root = site_root(tmp_path, ROOT / "content")
    result = run_cli("site", "--root", str(root))
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(list((root / "site/voorstellen/2025").glob("*/index.html"))) == 52
    assert len(list((root / "site/ideeen/2025").glob("*/index.html"))) == 37
    assert len(list((root / "site/categorieen/2025").glob("*/index.html"))) == 4
    assert len(list((root / "site/workshops/2026").glob("[0-9]*/index.html"))) == 15
    # "printing the 2026 workshops gives nothing" (issue 28) no more: the edition's workshops have a dossier
    assert (root / "site/workshops/2026/dossier/index.html").is_file()
    assert (root / "site/downloads/pdf/workshops-2026.pdf").read_bytes().startswith(b"%PDF-")
    defensie = (root / "site/partijen/defensie/index.html").read_text(encoding="utf-8")
    assert defensie.count('href="../../voorstellen/2025/') == 12  # 11 proposals, one both needs and is helped
    nav = (root / "site/index.html").read_text(encoding="utf-8")
    assert 'href="partijen/"' in nav


def test_unsafe_html_is_sanitised_even_when_the_check_is_skipped(tmp_path):
    """Write generated pages, inject what the check would reject, and build with MkDocs directly."""
    root = site_root(tmp_path, SAMPLE)
    assert run_cli("build", "--content", str(root / "content"), "--out", str(root / "build/docs")).returncode == 0
    page = root / "build/docs/voorstellen/2025/001-oefen-de-wijk.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<script>alert("x")</script>\n\n<iframe src="https://e.org">'
                    '</iframe>\n\n<img src="a.png" onerror="alert(1)">\n\n[klik](javascript:alert(1))\n',
                    encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet"], cwd=root, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    html = (root / "site/voorstellen/2025/001-oefen-de-wijk/index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    assert "<script" not in article and "<iframe" not in article
    assert "onerror" not in article and "javascript:" not in article
    assert "Burgers weten wat ze moeten doen." in article


def test_every_known_injection_is_seen_as_active_markdown():
    """The sanitiser's fast path skips only Markdown that cannot produce active HTML; each vector must be caught."""
    from generator.pages.sanitize import may_be_active

    vectors = ["<script>x</script>", "<img src=x onerror=y>", "[a](javascript:alert(1))", "[a](JaVaScRiPt:x)",
               "[a](java\tscript:x)", "[a](&#106;avascript:x)", "[a](javascript&colon;x)", "[a](data:text/html,x)",
               "# Kop { onclick=\"x\" }", "<javascript:alert(1)>", "[a]: vbscript:x"]
    assert [v for v in vectors if not may_be_active(v)] == []
    assert not may_be_active("## Beoogd effect\n\n- Mensen & Bedrijven\n\n[Idee](../idee.md) { .no-print }")
    matrix = '<div class="matrix" markdown>\n\n| [1. Titel](a.md) | ● |\n\n</div>\n'
    assert not may_be_active(matrix)
    assert [v for v in vectors if not may_be_active(matrix.replace("Titel", v))] == []


def test_build_says_what_it_wrote_and_refuses_a_folder_it_did_not_make(content, tmp_path):
    """The `build` command's line and its refusals, in Dutch (issue 29); nothing is written where it refuses."""
    out = tmp_path / "docs"
    first = run_cli("build", "--out", str(out), cwd=content.parent)
    assert first.returncode == 0, first.stderr
    assert re.fullmatch(rf"\d+ veranderde bestanden geschreven naar {re.escape(str(out))}\n", first.stdout)
    again = run_cli("build", "--out", str(out), cwd=content.parent)
    assert again.stdout == f"0 veranderde bestanden geschreven naar {out}\n"
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine/notes.txt").write_text("mine", encoding="utf-8")
    refused = run_cli("build", "--out", str(tmp_path / "mine"), cwd=content.parent)
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr == (f"fout: er wordt niets in {tmp_path / 'mine'} geschreven, want die map is niet leeg en "
                              "niet door de generator gemaakt: kies met '--out' een lege of nieuwe map, bijv. "
                              "build/docs\n")
    before = snapshot(content)
    inside = run_cli("build", "--out", "content/docs", cwd=content.parent)
    assert (inside.returncode, inside.stdout) == (1, "")
    assert inside.stderr == ("fout: er wordt niets naar content/docs geschreven, want die map overlapt met de inhoud "
                             "in content: kies met '--out' een map buiten de inhoud, bijv. build/docs\n")
    assert snapshot(content) == before
    assert_dutch(first.stdout.splitlines() + refused.stderr.splitlines() + inside.stderr.splitlines())
