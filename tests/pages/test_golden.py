"""Golden files: the generated Markdown and data of the sample tree, byte for byte.

After an intended change, regenerate with `UPDATE_GOLDEN=1 make test` and review the diff like any other change.
"""
from __future__ import annotations

from conftest import SAMPLE
from goldens import golden_tests

GENERATED, test_golden_file_set_matches, test_generated_file_matches_golden = golden_tests(SAMPLE, "sample")
