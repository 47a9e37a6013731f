"""The offline edition, derived from the online build (no second MkDocs build) and packed into a deterministic zip.

What a MkDocs build for file:// (`use_directory_urls: false` and Material's offline plugin) does differently from
the online build is small and mechanical, so it is done here on the online build's output instead of building the
whole site again (which doubled the cost of `make site`):

- a page is a file: `voorstellen/2025/001-x/index.html` (directory URL `voorstellen/2025/001-x/`) becomes
  `voorstellen/2025/001-x.html`, by MkDocs' own rule (`x/index.md` stays `x/index.html`, `x/y.md` becomes
  `x/y.html`), and every relative href and src of every page is recomputed from where it now lives;
- Material's page scope and configuration (`__md_scope`, the `base` and `search` of `__config`) follow the page;
- the search index is shipped as a script (`search/search_index.js`, `var __index = …`, as the offline plugin
  writes it) with the new page addresses; the JSON copy is left out (Material reads only the script from file://);
- the iframe-worker shim is shipped and loaded by every page: a Web Worker cannot start from file://, and the
  offline plugin would load the shim from a public CDN, so search would fail with a SecurityError. The shim comes
  from the npm registry at install time (package.json);
- what only makes sense on a web server (the 404 page, the sitemaps) and the zip itself are left out, and so is
  every element marked `online-only` (the links to the zip).

`tests/test_offline.py` proves the result equivalent to a full offline MkDocs build of the same content.
"""
from __future__ import annotations

import html
import json
import posixpath
import re
import time
import zipfile
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import quote, unquote

from ..content.markup import unescape
from . import messages as M

SHIM_SOURCE = Path("node_modules/iframe-worker/shim/index.js")
SHIM_TARGET = "assets/javascripts/iframe-worker-shim.js"
ZIP_ROOT = "symposium-offline"
SEARCH_JSON, SEARCH_SCRIPT = "search/search_index.json", "search/search_index.js"
ONLINE_ONLY = "online-only"  # class of an element the offline edition leaves out

# Pages that only make sense on a web server: the 404 page (absolute links) and the sitemaps.
SERVER_ONLY = ("404.html", "sitemap.xml", "sitemap.xml.gz")


class MissingAsset(Exception):
    pass


# --- which page goes where -------------------------------------------------------------------------------------

def page_files(docs: Path) -> dict[str, str]:
    """Every Markdown page of `docs`: its online directory (site-relative, '.' for the home page) → its offline
    file. MkDocs' rule for `use_directory_urls` true and false: `index.md` and `README.md` name their folder."""
    pages = {}
    for source in sorted(docs.rglob("*.md")):
        folder, _, name = source.relative_to(docs).as_posix().rpartition("/")
        stem = name[: -len(".md")]
        if stem in ("index", "README"):
            pages[folder or "."] = posixpath.join(folder, "index.html")
        else:
            pages[posixpath.join(folder, stem)] = posixpath.join(folder, stem + ".html")
    return pages


# --- rewriting one page ----------------------------------------------------------------------------------------

# The tags of an HTML document, skipping comments and the text inside <script> and <style> (which is no markup);
# text between tags never holds a '<' followed by a letter (Markdown and Jinja escape it as &lt;).
_ATTRS = r"""(?:\s+[^\s=/>"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*"""
_TOKEN = re.compile(rf"""<!--.*?-->|<(?P<name>[a-zA-Z][^\s/>]*)(?P<attrs>{_ATTRS})\s*/?>"""
                    r"""|</(?P<end>[a-zA-Z][^\s/>]*)\s*>""", re.S)
# Only the tags that carry a URL, found by the regex engine: a page has ten times as many tags as URLs, and a
# Python call per tag was most of the cost of deriving the edition.
_URL_TAG = re.compile(rf"""<!--.*?-->|<(?=[a-zA-Z][^\s/>]*{_ATTRS}?\s+(?i:href|src)\s*=)"""
                      rf"""(?P<name>[a-zA-Z][^\s/>]*)(?P<attrs>{_ATTRS})\s*/?>""", re.S)
_ATTR = re.compile(r"""(?P<lead>\s+)(?P<key>[^\s=/>"']+)(?:(?P<eq>\s*=\s*)(?P<value>"[^"]*"|'[^']*'|[^\s"'>]+))?""")
_RAW_TEXT = re.compile(r"(?P<open><(?P<tag>script|style)\b[^>]*>)(?P<body>.*?)(?P<close></(?P=tag)\s*>)", re.S | re.I)
_ABSOLUTE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|/|#|$)")
URL_ATTRIBUTES = ("href", "src")


class Page:
    """One online page and where it goes offline: rewrites its URLs, its Material scope and its configuration."""

    def __init__(self, folder: str, target: str, pages: dict[str, str], files: set[str],
                 memo: dict[tuple[str, str, str], str] | None = None):
        self.folder, self.target, self.pages, self.files = folder, target, pages, files
        self.online_base = posixpath.relpath(".", folder)
        self.offline_base = posixpath.relpath(".", posixpath.dirname(target) or ".")
        # URLs that climb out of the page's folder (the theme's assets, the navigation), and tags whose URLs all do
        # or are absolute, read the same on every page whose folder has the same parent and that lands in the same
        # offline folder: pages of one kind and edition share them, through `memo` (keyed by that parent, that
        # folder and the URL or tag), over one derivation. At 2,000 proposals: 5.1 s without, 3.3 s with.
        self.memo = memo if memo is not None and folder != "." else None
        self.climb = (posixpath.dirname(folder), posixpath.dirname(target))
        self._local = False  # whether the tag being rewritten has a URL that depends on the page's own folder

    def url(self, url: str) -> str:
        """A URL of this page as it must read offline; absolute URLs, anchors and empty URLs stay as they are."""
        if self.memo is None or not url.startswith("../"):
            self._local = self._local or not _ABSOLUTE.match(url)
            return self._url(url)
        key = (*self.climb, url)
        if (found := self.memo.get(key)) is None:
            found = self.memo[key] = self._url(url)
        return found

    def _url(self, url: str) -> str:
        if _ABSOLUTE.match(url):
            return url
        cut = min((i for i in (url.find("?"), url.find("#")) if i >= 0), default=len(url))
        path, rest = url[:cut], url[cut:]
        target = posixpath.normpath(posixpath.join(self.folder, unquote(path)))
        if target.startswith(".."):
            return url  # outside the site: not ours to change
        if target in self.pages:
            target = self.pages[target]
        elif target not in self.files and posixpath.join(target, "index.html") in self.files:
            target = posixpath.join(target, "index.html")
        start = posixpath.dirname(self.target) or "."
        return quote(relative(target, start), safe="/!$&'()*+,;=:@~") + rest

    def attributes(self, attrs: str) -> str:
        def one(match: re.Match) -> str:
            value = match["value"]
            if match["key"].lower() not in URL_ATTRIBUTES or value is None:
                return match[0]
            quote_mark = value[0] if value[0] in "\"'" else ""
            old = unescape(value[1:-1] if quote_mark else value)
            new = self.url(old)
            if new == old:
                return match[0]
            return f'{match["lead"]}{match["key"]}{match["eq"]}"{html.escape(new, quote=True)}"'

        return _ATTR.sub(one, attrs)

    def script(self, open_tag: str, body: str) -> str:
        """Material's inline scripts that carry the page's place: the storage scope and the JSON configuration."""
        online, offline = json.dumps(self.online_base), json.dumps(self.offline_base)
        body = body.replace(f"new URL({online},location)", f"new URL({offline},location)")
        if 'id="__config"' in open_tag:
            body = body.replace(f'"base": {online}', f'"base": {offline}', 1)
            body = re.sub(r'"search": "([^"\\]*)"', lambda m: f'"search": {json.dumps(self.url(m[1]))}', body, 1)
        return body

    def rewrite(self, text: str) -> str:
        text = drop_online_only(text)
        pieces, last = [], 0
        for raw in _RAW_TEXT.finditer(text):  # tags outside scripts and styles, then each script or style
            pieces.append(self._tags(text[last:raw.start()]))
            body = raw["body"]
            if raw["tag"].lower() == "script" and "src=" not in raw["open"]:
                body = self.script(raw["open"], body)
            pieces += [self._tags(raw["open"]), body, raw["close"]]
            last = raw.end()
        pieces.append(self._tags(text[last:]))
        shim = posixpath.join(self.offline_base, SHIM_TARGET) if self.offline_base != "." else SHIM_TARGET
        return "".join(pieces).replace("</head>", f'  <script src="{shim}"></script>\n  </head>', 1)

    def _tags(self, text: str) -> str:
        def tag(match: re.Match) -> str:
            if not match["name"]:
                return match[0]
            if self.memo is not None:
                key = (*self.climb, match[0])
                if (found := self.memo.get(key)) is not None:
                    return found
                self._local = False
            start, end = match.span("attrs")
            found = match[0][: start - match.start()] + self.attributes(match["attrs"]) + match[0][end - match.start():]
            if self.memo is not None and not self._local:
                self.memo[key] = found
            return found

        return _URL_TAG.sub(tag, text)


def relative(target: str, start: str) -> str:
    """posixpath.relpath for two normalised paths inside the site, without asking the file system where it is."""
    to, base = [] if target == "." else target.split("/"), [] if start == "." else start.split("/")
    common = 0
    while common < min(len(to), len(base)) and to[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."


def drop_online_only(text: str) -> str:
    """Remove every element whose class list holds `online-only`, with all it contains."""
    while ONLINE_ONLY in text:
        start = next((m for m in _TOKEN.finditer(text) if m["name"] and _has_class(m["attrs"], ONLINE_ONLY)), None)
        if start is None:
            break
        name, depth = start["name"].lower(), 0
        for match in _TOKEN.finditer(text, start.start()):
            if (match["name"] or "").lower() == name and not match[0].endswith("/>"):
                depth += 1
            elif (match["end"] or "").lower() == name:
                depth -= 1
                if depth == 0:
                    text = text[: start.start()] + text[match.end():]
                    break
        else:
            raise ValueError(f"<{name} class=\"{ONLINE_ONLY}\"> is never closed")
    return text


def _has_class(attrs: str, name: str) -> bool:
    for match in _ATTR.finditer(attrs):
        if match["key"].lower() == "class" and match["value"]:
            value = match["value"].strip("\"'")
            return name in value.split()
    return False


# --- the whole edition -----------------------------------------------------------------------------------------

def derive(root: Path, site: Path, docs: Path, leave_out: Iterable[str] = (),
           index_ready=None) -> Iterator[tuple[str, bytes | Path]]:
    """The offline edition of the online build `site` (made from the Markdown in `docs`), as (relative path, bytes
    of a rewritten page or the search script, or the online file to copy as it is), in the order the zip holds
    them: every file sorted, then the search script. A page is rewritten only when its turn comes, so that `pack`
    compresses each as it goes; `index_ready()`, if given, waits for the search index, which is still being built
    meanwhile."""
    shim = root / SHIM_SOURCE
    if not shim.is_file():
        raise MissingAsset(M.SHIM_MISSING(shim=SHIM_SOURCE))
    files = {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()}
    pages = page_files(docs)
    skip = {*SERVER_ONLY, SEARCH_JSON, *leave_out}
    online_pages = {posixpath.join(folder, "index.html") if folder != "." else "index.html": folder
                    for folder in pages}
    members: dict[str, Path | tuple[str, Path]] = {SHIM_TARGET: shim}  # a file to copy, or a page's folder and file
    for rel, path in files.items():
        if rel in skip:
            continue
        if (folder := online_pages.get(rel)) is not None:
            members[pages[folder]] = (folder, path)
        else:
            members[rel] = path
    return _members(members, pages, set(files), files.get(SEARCH_JSON), index_ready)


def _members(members: dict[str, Path | tuple[str, Path]], pages: dict[str, str], names: set[str],
             index: Path | None, index_ready) -> Iterator[tuple[str, bytes | Path]]:
    memo: dict[tuple[str, str, str], str] = {}
    for rel in sorted(members):
        if isinstance(member := members[rel], Path):
            yield rel, member
        else:
            folder, online = member
            page = Page(folder, rel, pages, names, memo)
            yield rel, page.rewrite(online.read_text(encoding="utf-8")).encode("utf-8")
    if index_ready is not None:
        index_ready()
    if index is not None:
        yield SEARCH_SCRIPT, search_script(index, pages)


def search_script(index: Path, pages: dict[str, str]) -> bytes:
    """The search index as the offline plugin ships it (a script that sets `__index`), with offline addresses."""
    data = json.loads(index.read_text(encoding="utf-8"))
    for doc in data.get("docs", []):
        path, hash_, anchor = doc["location"].partition("#")
        folder = posixpath.normpath(path) if path else "."
        doc["location"] = pages.get(folder, path) + hash_ + anchor
    return ("var __index = " + json.dumps(data, ensure_ascii=False, separators=(",", ":"))).encode("utf-8")


def pack(members: Iterable[tuple[str, bytes | Path]], zip_path: Path, epoch: int) -> None:
    """Zip `members` (relative path, bytes or a file) under one top folder, in the order given and dated `epoch`,
    so that equal input gives equal bytes. Each member is compressed as soon as the iterable yields it: the
    edition's pages while the search index and the last PDFs are still being made."""
    stamp = time.gmtime(max(epoch, 315532800))[:6]
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    # zlib's default level: level 9 took 2.6 times as long (7.9 s against 3.2 s for the pages and PDFs at 2,000
    # proposals, at the end of the build) for a zip 1 % smaller (44.4 against 44.8 MB).
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for rel, content in members:
            info = zipfile.ZipInfo(f"{ZIP_ROOT}/{rel}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content if isinstance(content, bytes) else content.read_bytes())
