"""The outcomes of a workshop edition (issue 28) on the pages and in the open data, on the outcomes sample tree
(tests/fixtures/outcomes/content: 2025 as the sample tree, 2026 with four workshops, three with outcomes).

Golden files: the generated Markdown and data of that tree, byte for byte, in tests/golden/outcomes/ (regenerate
with `UPDATE_GOLDEN=1` after an intended change and review the diff); the exact open data fields; and a real,
strict MkDocs build of the tree with the key pages' HTML and the search index read back.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from generator.pipeline import build_docs, generate, load_catalog
from generator.site import mkdocs_build

from conftest import ROOT, site_root

OUTCOMES = ROOT / "tests" / "fixtures" / "outcomes" / "content"
GOLDEN = Path(__file__).parent / "golden" / "outcomes"
GENERATED = {k: v for k, v in generate(load_catalog(OUTCOMES)).items() if not k.startswith("assets/")}


def test_golden_file_set_matches():
    if os.environ.get("UPDATE_GOLDEN"):
        for stale in GOLDEN.rglob("*"):
            if stale.is_file() and stale.relative_to(GOLDEN).as_posix() not in GENERATED:
                stale.unlink()
        for rel, text in GENERATED.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_text(text, encoding="utf-8")
    on_disk = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file())
    assert on_disk == sorted(GENERATED)


@pytest.mark.parametrize("rel", sorted(GENERATED))
def test_generated_file_matches_golden(rel):
    assert GENERATED[rel] == (GOLDEN / rel).read_text(encoding="utf-8")
