"""The shape of ranpe/ (ARCHITECTURE.md): no import cycle, streamlit only in ranpe.web, no benchmarks import,
a documented __init__.py in every subpackage, and every module importable on its own in a fresh interpreter.

The modules are found from the file tree at test time, never from a list kept by hand."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections import deque
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE_DIR = REPO / "ranpe"
WEB_PACKAGE = "ranpe.web"
# Seconds one cold import may take (streamlit, plotly and kaleido are the slow ones, about 2 s together).
IMPORT_TIMEOUT_S = 120


# -- the walker ------------------------------------------------------------------------------------


def module_files(package_dir: Path = PACKAGE_DIR) -> dict[str, Path]:
    """Every module under package_dir by dotted name; a package is named by its folder and read from __init__.py."""
    found = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = path.relative_to(package_dir.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if all(part.isidentifier() for part in parts):
            found[".".join(parts)] = path
    return found


def subpackage_dirs(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """Every folder below package_dir that holds Python files (each must be a package with an __init__.py)."""
    folders = {path.parent for path in package_dir.rglob("*.py")} - {package_dir}
    return sorted(folder for folder in folders if folder.name.isidentifier())


def _string_argument(call: ast.Call) -> str | None:
    if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
        return call.args[0].value
    return None


def imports_in(path: Path, module: str) -> set[tuple[str, str | None]]:
    """What a file imports anywhere in it (module level, functions, classes), as absolute (base, name) pairs:
    `import a.b` is ("a.b", None), `from a import b, c` gives ("a", "b") and ("a", "c"), relative imports are
    resolved against the module's package; importlib.import_module("x") and __import__("x") count as `import x`."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[tuple[str, str | None]] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update((alias.name, None) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, node.module] if node.module else anchor)
            else:
                base = node.module or ""
            found.update((base, None if alias.name == "*" else alias.name) for alias in node.names)
        elif isinstance(node, ast.Call):
            function = node.func
            name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", None)
            target = _string_argument(node)
            if name in ("import_module", "__import__") and target and not target.startswith("."):
                found.add((target, None))
    return found


def _known_module(dotted: str, modules: Mapping[str, Path]) -> str | None:
    """The longest prefix of dotted that is a module of ours (import a.b.c where c is a name, not a file)."""
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in modules:
            return candidate
    return None


def import_graph(package_dir: Path = PACKAGE_DIR) -> dict[str, set[str]]:
    """Module → the modules of the same package it imports. `from p import m` is an edge to p.m when m is a
    submodule's file, otherwise to p; a package's __init__ importing its own submodules is an edge like any
    other. A module importing itself is left out (it cannot be a cycle between modules)."""
    modules = module_files(package_dir)
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        targets = set()
        for base, name in imports_in(path, module):
            submodule = f"{base}.{name}" if name else None
            target = submodule if submodule in modules else _known_module(base, modules)
            if target is not None and target != module:
                targets.add(target)
        graph[module] = targets
    return graph


def external_imports(package_dir: Path = PACKAGE_DIR) -> dict[str, set[str]]:
    """Module → the dotted names it imports (bases and `from` names joined), for checks on outside packages."""
    modules = module_files(package_dir)
    return {
        module: {f"{base}.{name}" if name else base for base, name in imports_in(path, module)}
        for module, path in modules.items()
    }


def find_cycles(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """One shortest cycle [a, b, ..., a] through each group of nodes that reach one another (Tarjan's strongly
    connected components); an empty list when the graph has no cycle."""
    successors = {node: sorted(set(targets)) for node, targets in graph.items()}
    for targets in list(successors.values()):
        for target in targets:
            successors.setdefault(target, [])
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in successors[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1 or node in successors[node]:
                groups.append(group)

    for node in sorted(successors):
        if node not in index:
            visit(node)
    return sorted(_cycle_through(min(group), successors, group) for group in groups)


def _cycle_through(start: str, successors: Mapping[str, list[str]], members: set[str]) -> list[str]:
    """The shortest path from start back to start inside members (breadth first)."""
    previous: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for target in successors[node]:
            if target == start:
                path: list[str] = []
                step: str | None = node
                while step is not None:
                    path.append(step)
                    step = previous[step]
                return [*reversed(path), start]
            if target in members and target not in previous:
                previous[target] = node
                queue.append(target)
    raise AssertionError(f"no cycle through {start} in {sorted(members)}")


# -- the walker can fail ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("graph", "cycles"),
    [
        ({"a": {"b"}, "b": {"a"}}, [["a", "b", "a"]]),
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c", "a"]]),
        ({"a": {"b", "c"}, "b": {"a"}, "c": {"a"}}, [["a", "b", "a"]]),
        ({"a": {"b"}, "b": {"a"}, "x": {"y"}, "y": {"x"}}, [["a", "b", "a"], ["x", "y", "x"]]),
        ({"a": {"a"}}, [["a", "a"]]),
        ({}, []),
    ],
    ids=["two", "chain", "three-with-tail", "two-ways-back", "two-groups", "self", "empty"],
)
def test_cycle_finder(graph: dict[str, set[str]], cycles: list[list[str]]) -> None:
    assert find_cycles(graph) == cycles


def test_walker_reads_every_kind_of_import(tmp_path: Path) -> None:
    """A package whose __init__ imports a submodule that imports it back, through each import form."""
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    files = {
        "__init__.py": '"""A package."""\nfrom pkg import first\n',
        "first.py": "def f():\n    from . import second\n",
        "second.py": "import pkg.sub.third\n",
        "sub/__init__.py": "",
        "sub/third.py": "from ..first import f\nfrom .. import helper_value\nimport streamlit.components.v1\n",
        "fourth.py": "import importlib\nimportlib.import_module('pkg.first')\nfrom pkg.first import f\n",
    }
    for name, text in files.items():
        (package / name).write_text(text, encoding="utf-8")

    graph = import_graph(package)

    assert graph == {
        "pkg": {"pkg.first"},
        "pkg.first": {"pkg.second"},
        "pkg.second": {"pkg.sub.third"},
        "pkg.sub": set(),
        "pkg.sub.third": {"pkg.first", "pkg"},
        "pkg.fourth": {"pkg.first"},
    }
    assert find_cycles(graph) == [["pkg", "pkg.first", "pkg.second", "pkg.sub.third", "pkg"]]
    assert "streamlit.components.v1" in external_imports(package)["pkg.sub.third"]
    assert subpackage_dirs(package) == [package / "sub"]


# -- the rules -------------------------------------------------------------------------------------


def test_no_import_cycle_between_modules_of_ranpe() -> None:
    graph = import_graph()
    assert any(graph.values()), f"the walker found no import between modules of {PACKAGE_DIR}"
    cycles = find_cycles(graph)
    assert not cycles, "import cycles between modules of ranpe (each a list of module names, first = last):\n" + (
        "\n".join(f"  {cycle}" for cycle in cycles)
    )


def test_only_ranpe_web_imports_streamlit() -> None:
    offenders = sorted(
        f"{module} imports {name}"
        for module, names in external_imports().items()
        if module != WEB_PACKAGE and not module.startswith(f"{WEB_PACKAGE}.")
        for name in names
        if name.split(".")[0] == "streamlit"
    )
    assert not offenders, "streamlit imported outside ranpe/web/:\n" + "\n".join(offenders)


def test_ranpe_never_imports_benchmarks() -> None:
    offenders = sorted(
        f"{module} imports {name}"
        for module, names in external_imports().items()
        for name in names
        if name.split(".")[0] == "benchmarks"
    )
    assert not offenders, "ranpe imports the benchmarks package:\n" + "\n".join(offenders)


@pytest.mark.parametrize("folder", subpackage_dirs(), ids=lambda folder: ".".join(folder.relative_to(REPO).parts))
def test_subpackage_says_what_it_owns_and_may_import(folder: Path) -> None:
    init = folder / "__init__.py"
    assert init.is_file(), f"{init.relative_to(REPO)} is missing"
    docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
    assert docstring and docstring.strip(), f"{init.relative_to(REPO)} has no docstring"
    summary = docstring.split("\n\n")[0]
    assert re.search(r"\bimports\b", summary, re.IGNORECASE), (
        f"{init.relative_to(REPO)}'s docstring does not say what the package may import"
        f" (e.g. 'Imports: config, i18n.' or 'imports nothing of ranpe'): {summary!r}"
    )


@pytest.mark.slow
@pytest.mark.parametrize("module", sorted(module_files()))
def test_module_imports_alone_in_a_fresh_interpreter(module: str) -> None:
    """A cycle can pass in a warm process and break on the first import of one module (a page, the CLI)."""
    if module.endswith(".__main__"):
        # Importing __main__ runs the command line; its help proves the import chain and exits 0.
        command = [sys.executable, "-m", module.removesuffix(".__main__"), "--help"]
    else:
        command = [sys.executable, "-c", f"import {module}"]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=IMPORT_TIMEOUT_S)
    assert result.returncode == 0, f"{' '.join(command[1:])} exited {result.returncode}:\n{result.stderr[-4000:]}"
