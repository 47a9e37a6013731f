"""Stage 5: put the generated files into the docs directory.

Only files whose bytes changed are rewritten and stale ones are removed, so that `mkdocs serve` sees (and
rebuilds for) just what an edit changed. The directory is the generator's own: it never lies inside `content/`.
"""
from __future__ import annotations

from pathlib import Path

from . import messages as M

MARKER = ".generated-by-symposium"


class OutputError(Exception):
    pass


def write_tree(files: dict[str, str], out: Path, content: Path) -> int:
    """Make `out` hold exactly `files`; returns how many files were written."""
    out_resolved, content_resolved = out.resolve(), content.resolve()
    if out_resolved == content_resolved or out_resolved.is_relative_to(content_resolved) \
            or content_resolved.is_relative_to(out_resolved):
        raise OutputError(M.OUT_OVERLAPS(out=out, content=content))
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise OutputError(M.OUT_NOT_OURS(out=out))
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text(M.MARKER_TEXT, encoding="utf-8")
    written = 0
    for rel, text in files.items():
        target = out / rel
        data = text.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
        written += 1
    wanted = {out / rel for rel in files} | {out / MARKER}
    for path in sorted(out.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return written
