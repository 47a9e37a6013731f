"""The layout shows the pipeline (issue 27): every module of generator/ lives in the subpackage of its stage, but
for the command line, the MkDocs adapter and the entry points; imports run one way, content ← pages ← publish, with
the editors' tools, the adapter and the command line on top; the core never imports MkDocs."""
from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

GENERATOR = ROOT / "generator"
TOP = {"__init__.py", "__main__.py", "cli.py", "mkdocs_hooks.py"}
# What each stage may import of the others.
MAY_IMPORT = {"content": set(), "pages": {"content"}, "publish": {"content", "pages"},
              "editing": {"content", "pages"}}


def _imports(path: Path) -> list[tuple[str, int]]:
    """(module below generator, line) of every import in `path`, relative or absolute, resolved to dotted form."""
    package = path.relative_to(GENERATOR).parent.parts
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package[: len(package) - node.level + 1])
                names = [node.module] if node.module else [alias.name for alias in node.names]
                found += [(".".join(base + name.split(".")), node.lineno) for name in names]
            elif node.module and node.module.split(".")[0] in ("generator", "mkdocs", "material"):
                found.append((node.module.removeprefix("generator.") if node.module != "generator" else "", node.lineno))
        elif isinstance(node, ast.Import):
            found += [(alias.name.removeprefix("generator."), node.lineno) for alias in node.names
                      if alias.name.split(".")[0] in ("generator", "mkdocs", "material")]
    return found


def _stage_modules():
    for path in sorted(GENERATOR.rglob("*.py")):
        parts = path.relative_to(GENERATOR).parts
        if len(parts) > 1:
            yield parts[0], path


def test_every_module_lives_in_the_folder_of_its_stage():
    loose = sorted(path.name for path in GENERATOR.glob("*.py") if path.name not in TOP)
    assert loose == []
    assert sorted(path.name for path in GENERATOR.iterdir() if path.is_dir() and path.name != "__pycache__") == sorted(MAY_IMPORT)
    for stage in MAY_IMPORT:
        doc = ast.get_docstring(ast.parse((GENERATOR / stage / "__init__.py").read_text(encoding="utf-8")))
        assert doc and "import" in doc.lower(), stage  # says what it is for and what it may import


def test_imports_run_one_way_and_the_core_never_imports_mkdocs():
    wrong = []
    for stage, path in _stage_modules():
        for module, line in _imports(path):
            target = module.split(".")[0]
            if target in ("mkdocs", "material") or (target in MAY_IMPORT and target != stage
                                                    and target not in MAY_IMPORT[stage]):
                wrong.append(f"{path.relative_to(ROOT)}:{line}: imports {module}")
            if target in TOP or target in ("cli", "mkdocs_hooks"):
                wrong.append(f"{path.relative_to(ROOT)}:{line}: imports the top layer ({module})")
    assert wrong == []


def test_no_import_cycle():
    graph = {}
    for stage, path in _stage_modules():
        name = ".".join(path.relative_to(GENERATOR).with_suffix("").parts)
        graph[name] = {module for module, _ in _imports(path) if module.split(".")[0] in MAY_IMPORT}
    cycles = []

    def visit(node, trail):
        if node in trail:
            cycles.append(trail[trail.index(node):] + [node])
            return
        for target in sorted(graph.get(node, ())):
            visit(target, trail + [node])

    for node in sorted(graph):
        visit(node, [])
    assert cycles == []
