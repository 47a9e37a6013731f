"""Golden files: the generated Markdown and data of a sample tree, byte for byte, in tests/golden/<name>/.

After an intended change, regenerate with `UPDATE_GOLDEN=1 make test` and review the diff like any other change.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.pages.generate import generate, load_catalog

GOLDEN = Path(__file__).parent / "golden"


def golden_tests(content: Path, name: str):
    """What `content` generates (without the static assets), and the two tests a test module binds to module
    names: the golden folder holds exactly those files, and each is the same byte for byte."""
    golden = GOLDEN / name
    generated = {k: v for k, v in generate(load_catalog(content)).items() if not k.startswith("assets/")}

    def test_golden_file_set_matches():
        if os.environ.get("UPDATE_GOLDEN"):
            for stale in golden.rglob("*"):
                if stale.is_file() and stale.relative_to(golden).as_posix() not in generated:
                    stale.unlink()
            for rel, text in generated.items():
                (golden / rel).parent.mkdir(parents=True, exist_ok=True)
                (golden / rel).write_text(text, encoding="utf-8")
        on_disk = sorted(p.relative_to(golden).as_posix() for p in golden.rglob("*") if p.is_file())
        assert on_disk == sorted(generated)

    @pytest.mark.parametrize("rel", sorted(generated))
    def test_generated_file_matches_golden(rel):
        assert generated[rel] == (golden / rel).read_text(encoding="utf-8")

    return generated, test_golden_file_set_matches, test_generated_file_matches_golden
