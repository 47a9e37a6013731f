"""The offline edition: a second MkDocs build for file:// (Material's offline plugin), with the iframe-worker shim
shipped inside it, packed into a deterministic zip.

Material's offline plugin would load the shim from a public CDN; with no network, search would then fail with a
SecurityError. The shim comes from the npm registry at build time (package.json) and is copied into the edition;
the MkDocs adapter points the polyfill at this local copy.
"""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

SHIM_SOURCE = Path("node_modules/iframe-worker/shim/index.js")
SHIM_TARGET = "assets/javascripts/iframe-worker-shim.js"
ZIP_ROOT = "symposium-offline"


class MissingAsset(Exception):
    pass


# Pages that only make sense on a web server: the 404 page (absolute links) and the sitemaps.
SERVER_ONLY = ("404.html", "sitemap.xml", "sitemap.xml.gz")


def prepare(root: Path, edition: Path) -> None:
    """Make a MkDocs offline build self-contained: ship the shim, drop what only a web server uses."""
    add_shim(root, edition)
    for name in SERVER_ONLY:
        (edition / name).unlink(missing_ok=True)


def add_shim(root: Path, edition: Path) -> None:
    source = root / SHIM_SOURCE
    if not source.is_file():
        raise MissingAsset(f"{SHIM_SOURCE} is missing: run 'npm ci --ignore-scripts' (make site does this)")
    target = edition / SHIM_TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def pack(edition: Path, zip_path: Path, epoch: int) -> None:
    """Zip the edition under one top folder, entries sorted and dated `epoch`, so equal input gives equal bytes."""
    import time

    stamp = time.gmtime(max(epoch, 315532800))[:6]
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in edition.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{ZIP_ROOT}/{path.relative_to(edition).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
