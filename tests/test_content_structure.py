"""Issue 21, the content stage: generator/content/ only binds, generator/checks/ holds the rules,
and both keep the project's structure limits (read from the source itself, with `ast`):

- no function over 60 lines, no module over 500;
- no import circle through a module of either package, counting imports inside functions;
- no module importing a stage above its own (content < checks < everything that builds).

Also: every rule of the checks table runs on a tiny root and finds nothing there, and each
finds its problem once content is broken for it (so the table is not dead code).
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, ROOTS

GENERATOR = ROOT / "generator"
OWN = ("content", "checks")  # the packages whose structure this file holds to the limits
MAX_FUNCTION, MAX_MODULE = 60, 500
# What each own package may import, besides itself: the modules below it.
BELOW = {
    "content": {"errors", "files", "fonts"},
    "checks": {"errors", "files", "fonts", "content"},
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(GENERATOR.rglob("*.py"))}


def own_files() -> list[Path]:
    return [p for name, p in MODULES.items() if name.split(".")[1:2] and name.split(".")[1] in OWN]


def imports_of(name: str, path: Path) -> set[str]:
    """The generator modules `name` imports anywhere in it (top level, functions, TYPE_CHECKING)."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("generator")}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            if not base.startswith("generator"):
                continue
            for alias in node.names:  # `from . import rules`: a module; `from .x import name`: x
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base)
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: imports_of(name, path) for name, path in MODULES.items()}


@pytest.mark.parametrize("path", own_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_functions_and_modules_are_short(path):
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_MODULE
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno - node.lineno + 1 > MAX_FUNCTION
    ]
    assert not long


def cycle_through(start: str) -> list[str] | None:
    """A path of imports from `start` back to itself, if there is one."""
    stack, seen = [(start, [start])], set()
    while stack:
        name, path = stack.pop()
        for target in sorted(GRAPH[name]):
            if target == start:
                return [*path, start]
            if target not in seen:
                seen.add(target)
                stack.append((target, [*path, target]))
    return None


@pytest.mark.parametrize("name", [module_name(p) for p in own_files()])
def test_no_import_circle_through_the_content_stage(name):
    assert cycle_through(name) is None


@pytest.mark.parametrize("name", [module_name(p) for p in own_files()])
def test_no_import_of_a_stage_above(name):
    own = name.split(".")[1]
    above = {m for m in GRAPH[name] if m.split(".")[1] not in BELOW[own] | {own}}
    assert not above


def test_the_cycle_finder_finds_a_cycle():
    """The check above can fail: a graph with a circle through a function-level import."""
    source = "def f():\n    from .b import x\n"
    tree = ast.parse(source)
    assert any(isinstance(n, ast.ImportFrom) and n.level == 1 for n in ast.walk(tree))
    GRAPH["generator.content.__test_a"] = {"generator.content.__test_b"}
    GRAPH["generator.content.__test_b"] = {"generator.content.__test_a"}
    try:
        assert cycle_through("generator.content.__test_a") == [
            "generator.content.__test_a",
            "generator.content.__test_b",
            "generator.content.__test_a",
        ]
    finally:
        del GRAPH["generator.content.__test_a"], GRAPH["generator.content.__test_b"]


# ----------------------------------------------------------------------------- the rules table
@pytest.fixture
def tiny(tmp_path) -> Path:
    folder = tmp_path / "content" / "2026"
    shutil.copytree(ROOTS / "xa-mau" / "2026", folder)
    return folder


def test_a_tiny_root_binds_and_passes_every_rule(tiny):
    from generator.checks import NOTICE, RULES, load_edition, problems
    from generator.commands.check import KINDS
    from generator.content.edition import bind_edition
    from generator.errors import Notice

    edition = bind_edition(tiny)
    assert problems(edition) == []
    assert load_edition(tiny).plan == edition.plan
    # make check's warnings are rules of the table too: each a Notice of a kind its summary counts.
    assert any(rule.severity == NOTICE for rule in RULES)
    assert all(isinstance(n, Notice) and n.kind in KINDS for n in problems(edition, NOTICE))


def test_bind_alone_does_not_check_across_files(tiny):
    """bind_edition only binds: a body unknown to co-quan.yaml passes it, load_edition refuses it."""
    from generator.checks import load_edition
    from generator.content.edition import bind_edition
    from generator.errors import ContentError

    plan = tiny / "ke-hoach.yaml"
    text = plan.read_text(encoding="utf-8")
    assert text.count('co_quan: "cong-an-xa"') >= 1
    plan.write_text(text.replace('co_quan: "cong-an-xa"', 'co_quan: "khong-co-ma-nay"'), encoding="utf-8")
    bind_edition(tiny)
    with pytest.raises(ContentError) as raised:
        load_edition(tiny)
    assert any("khong-co-ma-nay" in p.message and p.path.endswith("ke-hoach.yaml") for p in raised.value.problems)
