"""Layers point one way: no module imports a layer above its own, and no import circles.

Every import counts, at any depth (inside functions too), except under
``if TYPE_CHECKING:``, which only names types for the checker.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "chronicle"

# The layers, lowest first: a module may import its own layer and the ones before it in this
# list, never one after it. A row names modules or packages under chronicle (a package covers its
# modules); "chronicle" itself is the package's __init__, the public facade.
# Example: chronicle.store.writer is in "store" (layer 4); importing chronicle.pipeline (layer 3) is
# allowed, importing chronicle.ingest (layer 5) is not.
LAYERS = (
    ("errors", "about", "records"),  # what every layer speaks
    ("readers",),  # files and streams -> Article
    ("nlp",),  # the spaCy components
    ("pipeline", "extraction"),  # loading a pipeline; Docs -> ArticleRecord
    ("store",),  # records -> DuckDB
    ("ingest", "corpus", "scale"),  # the pipeline over inputs, into a store
    ("web", "render", "queries", "cli", "launch", "chronicle"),  # what people run
)
# The store holds records in DuckDB and knows nothing of reading or extracting.
STORE_MAY_IMPORT = {"chronicle.errors", "chronicle.records", "duckdb", "_duckdb"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> int:
    """The layer of a chronicle module: the row naming it or the package holding it."""
    parts = module.split(".")
    names = [".".join(parts[1:depth]) for depth in range(len(parts), 1, -1)] or ["chronicle"]
    for name in names:
        for layer, row in enumerate(LAYERS):
            if name in row:
                return layer
    raise LookupError(f"{module} is in no layer: add it to LAYERS")


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _nodes(tree: ast.AST):
    """Every node, leaving out the bodies of ``if TYPE_CHECKING:``."""
    todo = [tree]
    while todo:
        node = todo.pop()
        yield node
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            todo.extend(node.orelse)
            continue
        todo.extend(ast.iter_child_nodes(node))


def _known(name: str) -> str:
    """The chronicle module an imported name lives in: the longest prefix that is a module."""
    parts = name.split(".")
    for depth in range(len(parts), 0, -1):
        candidate = ".".join(parts[:depth])
        if candidate in MODULES:
            return candidate
    return name


def imports(module: str) -> set[str]:
    """What ``module`` imports: chronicle modules by full name, anything else by its top-level name."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in _nodes(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from .x import y
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            # "from chronicle import nlp" imports the module chronicle.nlp; "from x import f", x
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        else:
            continue
        for name in names:
            found.add(_known(name) if name.split(".")[0] == "chronicle" else name.split(".")[0])
    found.discard(module)
    return found


GRAPH = {module: {m for m in imports(module) if m in MODULES} for module in MODULES}


def test_every_module_has_a_layer():
    for module in MODULES:
        layer_of(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_a_higher_layer(module):
    mine = layer_of(module)
    upward = sorted(m for m in GRAPH[module] if layer_of(m) > mine)
    assert not upward, f"{module} (layer {mine}) imports {', '.join(f'{m} (layer {layer_of(m)})' for m in upward)}"


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle as a path that ends where it starts, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_no_import_cycles():
    cycle = find_cycle(GRAPH)
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_find_cycle_finds_one():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_store_imports_only_records_and_duckdb():
    for module in (m for m in MODULES if m == "chronicle.store" or m.startswith("chronicle.store.")):
        outside = {
            m for m in imports(module)
            if not m.startswith("chronicle.store") and m not in sys.stdlib_module_names and m != "__future__"
        }
        assert outside <= STORE_MAY_IMPORT, f"{module} imports {sorted(outside - STORE_MAY_IMPORT)}"
