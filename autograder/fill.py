"""Fill a skeleton notebook with implementations taken from Python modules, by function name.

The one mechanism behind "the reference scores 100%", the catalogue of mistakes and
correct alternatives, and the sample submissions: each top-level function of a module
replaces the function of the same name in the notebook's code cells. Later modules win, so
`fill(nb, [reference, mistake])` is the reference with one mistake swapped in. Whatever a
function needs from its module (imports, helpers, constants) that the notebook lacks comes
along, in the same cell, just above it.
"""

from __future__ import annotations

import ast
import copy
from collections.abc import Sequence
from pathlib import Path

import nbformat

from .source import first_line, lines_of


class FillError(ValueError):
    """A module defines a function that the notebook does not have."""


def _definitions(source: str) -> tuple[dict[str, ast.FunctionDef], list[ast.stmt], list[str]]:
    tree = ast.parse(source)
    functions = {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}
    return functions, tree.body, source.splitlines()


def defined_functions(path: Path) -> set[str]:
    """The names of the top-level functions a module file defines."""
    return set(_definitions(path.read_text(encoding="utf-8"))[0])


def _segment(node: ast.stmt, lines: list[str]) -> str:
    return "\n".join(lines_of(node, lines))


def _bound_names(node: ast.stmt) -> set[str]:
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return {(alias.asname or alias.name).split(".")[0] for alias in node.names}
    if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
        return {node.name}
    if isinstance(node, (ast.Assign, ast.AnnAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
    return set()


def _used_names(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _needed(function: ast.stmt, body: list[ast.stmt], skip: set[str]) -> list[ast.stmt]:
    """Module-level statements that `function` uses, transitively, in module order."""
    needed: list[ast.stmt] = []
    wanted = _used_names(function)
    changed = True
    while changed:
        changed = False
        for node in body:
            if node is function or node in needed:
                continue
            if (_bound_names(node) - skip) & wanted:
                needed.append(node)
                wanted |= _used_names(node)
                changed = True
    return [node for node in body if node in needed]


def _parse(source: str) -> list[ast.stmt]:
    try:
        return ast.parse(source).body
    except SyntaxError:  # a cell with IPython magics, or a student's broken cell
        return []


def _notebook_names(nb: nbformat.NotebookNode) -> tuple[set[str], set[str]]:
    """Functions defined, and names imported, at the top level of nb's code cells."""
    functions: set[str] = set()
    imported: set[str] = set()
    for cell in nb.cells:
        if cell.cell_type == "code":
            for node in _parse(cell.source):
                if isinstance(node, ast.FunctionDef):
                    functions.add(node.name)
                elif isinstance(node, (ast.Import, ast.ImportFrom)):
                    imported |= _bound_names(node)
    return functions, imported


def fill(nb: nbformat.NotebookNode, sources: Sequence[str | Path]) -> nbformat.NotebookNode:
    """A copy of nb whose functions are replaced by those defined in `sources`.

    sources -- module paths or module source texts, applied in order (later ones win)

    Every top-level function of a module that nb also defines is filled in; the module's
    other definitions are helpers, copied above each function that uses them. Raises
    FillError when a module fills no function of nb.
    """
    nb = copy.deepcopy(nb)
    in_notebook, imported = _notebook_names(nb)
    for source in sources:
        if isinstance(source, str) and "\n" not in source and Path(source).is_file():
            raise FillError(f"{source!r} is a file name: pass pathlib.Path({source!r}) to fill from it")
        text = Path(source).read_text(encoding="utf-8") if isinstance(source, Path) else source
        functions, body, lines = _definitions(text)
        filled = [name for name in functions if name in in_notebook]
        if not filled:
            raise FillError(f"the module defines none of the notebook's functions: {sorted(in_notebook)}")
        for name in filled:
            node = functions[name]
            skip = (in_notebook - {name}) | imported
            helpers = [h for h in _needed(node, body, skip) if _bound_names(h) - skip]
            replacement = "\n".join([_segment(h, lines) for h in helpers] + [_segment(node, lines)])
            _replace(nb, name, replacement)
    return nb


def extract(source: str, names: Sequence[str]) -> str:
    """The functions `names` of a module, with the module-level statements they use, as module text."""
    functions, body, lines = _definitions(source)
    missing = [name for name in names if name not in functions]
    if missing:
        raise FillError(f"the module has no function {missing}")
    wanted = [functions[name] for name in names]
    needed = {node for f in wanted for node in _needed(f, body, skip=set())}
    kept = [node for node in body if node in needed or node in wanted]
    return "\n\n\n".join(_segment(node, lines) for node in kept) + "\n"


def _replace(nb: nbformat.NotebookNode, name: str, replacement: str) -> None:
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for node in _parse(cell.source):
            if isinstance(node, ast.FunctionDef) and node.name == name:
                lines = cell.source.splitlines()
                cell.source = "\n".join(
                    lines[: first_line(node) - 1] + [replacement] + lines[node.end_lineno :]
                )
                return
    raise FillError(f"the notebook has no function {name!r} to fill")
