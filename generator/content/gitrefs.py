"""The few git questions the generator asks: which branch is the main one, and which content files it already
has. Used to tell a copied entry from the published one it copies (link.py) and as the base of `generator diff`.

Every function answers None when git or the repository is not there: the generator works on a plain folder too,
it just cannot tell old from new then.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

# Where the main branch may be, most authoritative first: the remote's default branch, then the usual names.
MAIN_CANDIDATES = ("refs/remotes/origin/HEAD", "refs/remotes/origin/main", "refs/heads/main",
                   "refs/remotes/origin/master", "refs/heads/master")


def _git(cwd: Path, *args: str) -> str | None:
    if shutil.which("git") is None or not cwd.is_dir():
        return None
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    return result.stdout if result.returncode == 0 else None


def top_level(path: Path) -> Path | None:
    out = _git(path, "rev-parse", "--show-toplevel")
    return Path(out.strip()) if out else None


def main_branch(path: Path) -> str | None:
    """The ref of the main branch as git spells it (e.g. 'origin/main'), or None if there is none."""
    for ref in MAIN_CANDIDATES:
        out = _git(path, "rev-parse", "--verify", "--quiet", "--symbolic-full-name", ref)
        if out is not None and out.strip():
            name = out.strip()
            for prefix in ("refs/remotes/", "refs/heads/"):
                name = name.removeprefix(prefix)
            return name
    return None


def established_files(content: Path) -> set[str] | None:
    """The content files the main branch already has (or, without a main branch, the last commit), as paths
    relative to the content folder's parent, the way problems name them; None when git cannot say."""
    root = top_level(content)
    if root is None:
        return None
    ref = main_branch(content) or "HEAD"
    folder = content.resolve().relative_to(root.resolve()).as_posix()
    out = _git(root, "ls-tree", "-r", "-z", "--name-only", ref, "--", folder)
    if out is None:
        return None
    base = content.resolve().parent
    return {(root.resolve() / name).relative_to(base).as_posix() for name in out.split("\0") if name}
