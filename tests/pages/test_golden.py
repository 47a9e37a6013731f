"""Golden files: the generated Markdown and data of the sample tree, byte for byte.

After an intended change, regenerate with `UPDATE_GOLDEN=1 make test` and review the diff like any other change.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.pages.generate import generate, load_catalog

from conftest import SAMPLE

GOLDEN = Path(__file__).parents[1] / "golden" / "sample"
GENERATED = {k: v for k, v in generate(load_catalog(SAMPLE)).items() if not k.startswith("assets/")}


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
