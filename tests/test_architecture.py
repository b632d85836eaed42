"""The shape of generator/ (issue 21): small modules, small functions, imports that go one way.

Read from the source with ast, nothing imported or run:

- every module is at most MAX_MODULE_LINES lines and every function (methods and nested
  functions included, each counted on its own lines from `def` to its last line) at most
  MAX_FUNCTION_LINES;
- the graph of imports between generator's modules, counting imports inside functions (they are
  imports all the same, only later) and leaving out those under `if TYPE_CHECKING:` (never run),
  has no circle;
- no module imports a module of a stage above its own.

The stages, lowest first (STAGES below): what each may build on.

0. errors, files, untrusted, state: the project's exception, safe file writing and the output
   folder's state, safe reading of files that come from outside. They know no document.
1. content/: the YAML bound into the declared schema.
2. checks/: the rules over bound content.
3. document/: the format-neutral documents built from content.
4. writers/: a document shown as DOCX, PDF, HTML, CSV (and the Word XML they need).
5. render, workers, kinds: which documents a build makes and the processes that render them.
6. build, engine, project, targets: the build itself and the write engine every command writes
   output with.
7. collect/, importing/: make tong-hop (returned forms) and make nhap (a plan typed in Word),
   which read untrusted files and write through the engine.
8. commands/: the other commands (check, diff, new-year, nhan-sua, console output).
9. preview, cli, van_ban, __main__: what a clerk runs.

Modules of one stage may import each other (without a circle). The package's own __init__ is
stage 0: it holds the version only.

PENDING lists the violations of today owned by work under way elsewhere; each is named, so that
any other violation fails the test, and a PENDING entry that no longer happens fails it too
(remove it then).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60

STAGES: dict[str, int] = {
    "generator": 0,
    "generator.errors": 0,
    "generator.files": 0,
    "generator.fonts": 0,
    "generator.untrusted": 0,
    "generator.state": 0,
    "generator.content": 1,
    "generator.checks": 2,
    "generator.document": 3,
    "generator.writers": 4,
    "generator.render": 5,
    "generator.workers": 5,
    "generator.kinds": 5,
    "generator.build": 6,
    "generator.engine": 6,
    "generator.project": 6,
    "generator.targets": 6,
    "generator.collect": 7,
    "generator.importing": 7,
    "generator.commands": 8,
    "generator.preview": 9,
    "generator.cli": 9,
    "generator.van_ban": 9,
    "generator.__main__": 9,
}

# Owned by others today (issue 21's content/checks, document, collect and commands work): the
# merge empties this set.
PENDING: set[str] = set()


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _stage(module: str) -> int:
    name = module
    while name not in STAGES:
        assert "." in name, f"{module}: no stage declared for it in STAGES"
        name = name.rsplit(".", 1)[0]
    return STAGES[name]


def _type_checking_only(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return True
    return False


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> list[str]:
    """The generator modules an import statement reads (a name imported from a package that is
    itself a module counts as that module)."""
    if node.level:
        base = module.split(".") if is_package else module.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        target = ".".join([*base, *([node.module] if node.module else [])])
    else:
        target = node.module or ""
    if not target.startswith("generator"):
        return []
    result = []
    for alias in node.names:
        if f"{target}.{alias.name}" in MODULES:
            result.append(f"{target}.{alias.name}")
        elif target in MODULES:
            result.append(target)
    return result


def _imports(module: str, tree: ast.Module) -> set[str]:
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    is_package = MODULES[module].name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(tree):
        if _type_checking_only(node, parents):
            continue
        if isinstance(node, ast.ImportFrom):
            found.update(_resolve(module, is_package, node))
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in MODULES)
    found.discard(module)
    return found


TREES = {module: ast.parse(path.read_text(encoding="utf-8")) for module, path in MODULES.items()}
GRAPH = {module: _imports(module, tree) for module, tree in TREES.items()}


def _functions(module: str, tree: ast.Module) -> list[tuple[str, int]]:
    result = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                name = f"{prefix}.{child.name}"
                result.append((name, child.end_lineno - child.lineno + 1))
                visit(child, name)
            elif isinstance(child, ast.ClassDef):
                visit(child, f"{prefix}.{child.name}")
            else:
                visit(child, prefix)

    visit(tree, module)
    return result


def _circles() -> list[str]:
    """One entry per strongly connected set of modules (Tarjan), its members sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[str] = []

    def connect(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in sorted(GRAPH[module]):
            if other not in index:
                connect(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            members = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                members.append(member)
                if member == module:
                    break
            if len(members) > 1:
                found.append("circle: " + " -> ".join(sorted(members)))

    for module in sorted(GRAPH):
        if module not in index:
            connect(module)
    return found


def violations() -> set[str]:
    found = set()
    for module, path in MODULES.items():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            found.add(f"module {module}: {lines} lines")
        for name, length in _functions(module, TREES[module]):
            if length > MAX_FUNCTION_LINES:
                found.add(f"function {name}: {length} lines")
        for other in sorted(GRAPH[module]):
            if _stage(other) > _stage(module):
                found.add(f"stage: {module} ({_stage(module)}) imports {other} ({_stage(other)})")
    found.update(_circles())
    return found


def _kind(entry: str) -> str:
    """An entry without its measured size: a pending function that shrinks but stays too long is
    still the same pending entry."""
    return entry.split(":")[0] if entry.startswith(("module", "function")) else entry


def test_generator_keeps_its_shape():
    found = violations()
    pending = {_kind(entry) for entry in PENDING}
    new = sorted(entry for entry in found if _kind(entry) not in pending)
    assert not new, "new violations of the code's shape:\n" + "\n".join(new)


def test_every_pending_violation_still_happens():
    """A PENDING entry fixed since is removed from the set, so that it cannot come back unseen."""
    found = {_kind(entry) for entry in violations()}
    gone = sorted(entry for entry in PENDING if _kind(entry) not in found)
    assert not gone, "fixed, remove from PENDING:\n" + "\n".join(gone)


def test_the_checks_see_a_violation(tmp_path):
    """The measures themselves: a circle, a long function and an import upwards are found."""
    global GRAPH
    saved = GRAPH
    GRAPH = {"generator.errors": {"generator.files"}, "generator.files": {"generator.errors"}}
    try:
        assert _circles() == ["circle: generator.errors -> generator.files"]
    finally:
        GRAPH = saved
    tree = ast.parse("def f():\n" + "    x = 1\n" * 70)
    assert _functions("m", tree) == [("m.f", 71)]
    assert _stage("generator.writers.docx") > _stage("generator.document.plan")
    assert "generator.build" in GRAPH["generator.cli"]
