"""Property-based: whatever an editor saves, the pipeline answers with a catalog or with problems, never a crash.
And whatever passes the check renders."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content.model import ContentError
from generator.pages.generate import generate, load_catalog
from generator.content.schema import SCHEMAS

from conftest import SAMPLE

KEYS = sorted({k for schema in SCHEMAS.values() for k in schema["properties"]}) + ["leiders", "naam", "rol"]
scalars = st.none() | st.booleans() | st.integers(-5, 10**6) | st.floats(allow_nan=True) | st.text(max_size=40)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), inner, max_size=4), max_leaves=12)
front_matter = st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=12), values, max_size=10)
body_lines = st.sampled_from(["## Beoogd effect", "## Beoogd efect", "# Titel", "- punt", "<script>x</script>",
                              "<b onclick=x>", "[a](javascript:x)", "```", "---", "| a | b |", "tekst *nadruk*"])
bodies = st.lists(body_lines | st.text(max_size=30), max_size=12).map("\n".join)
VALID = {"nummer": 1, "titel": "Oefen de wijk", "thema": "bewustwording", "ideeen": [1]}


def _fresh() -> Path:
    content = Path(tempfile.mkdtemp(prefix="fuzz-")) / "content"
    shutil.copytree(SAMPLE, content)
    return content


CONTENT = _fresh()
TARGET = CONTENT / "proposals/2025/001-oefen-de-wijk.md"


def _outcome():
    try:
        catalog = load_catalog(CONTENT)
    except ContentError as error:
        assert error.problems and all(str(p).startswith("content/") for p in error.problems)
        return
    generate(catalog)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front_matter, bodies)
def test_any_front_matter_and_body(meta, body):
    TARGET.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body + "\n", encoding="utf-8")
    _outcome()


words = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1, max_size=60)
typed_extras = st.fixed_dictionaries({}, optional={
    "samenvatting": words, "groep": st.integers(1, 99), "vrijwilligers": st.integers(0, 500) | words,
    "afwijkingen": st.lists(words, max_size=3), "titel": words})
safe_bodies = st.lists(st.sampled_from(["## Beoogd effect", "## Eerste stap", "## Iets anders", "- punt", "| a | b |",
                                        "### Onderkop", "```", "tekst *nadruk*", "&amp; [link](../x.md)"])
                       | words, max_size=12).map("\n".join)


@settings(max_examples=150, deadline=None)
@given(typed_extras, safe_bodies)
def test_nearly_valid_entries_render_or_are_reported(extra, body):
    """Start from a valid entry so that the renderer is reached often, with odd but typed values."""
    meta = {**VALID, **extra}
    TARGET.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body + "\n", encoding="utf-8")
    _outcome()


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_bytes(data):
    TARGET.write_bytes(data)
    _outcome()
