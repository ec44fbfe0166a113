"""A notebook's cell named the way a student finds it: by its first line.

JupyterLab, classic Notebook, VS Code and Colab number cells differently, or not at all, so
feedback never says "cell 20": it says "the cell that begins with `def tokenize(text):`",
and, where that line does not show it, the function the cell defines.
"""

from __future__ import annotations

import ast

from .messages import say

SHOWN = 60  # characters of the first line that are shown


def first_line(source: str) -> str:
    """The cell's first line that is not blank, cut to SHOWN characters ('' for an empty cell)."""
    line = next((line.strip() for line in source.splitlines() if line.strip()), "")
    line = line.replace("`", "'")
    return line if len(line) <= SHOWN else line[: SHOWN - 1] + "…"


def functions_defined(source: str) -> list[str]:
    """The functions the cell defines at its top level, in order ([] if it does not parse, as a
    cell with IPython's magics does not)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return []
    return [node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]


def cell_name(source: str, *, capital: bool = False) -> str:
    """The cell named by its first line and, when that line is not its `def`, the function it
    defines: "la celda que empieza con `def tokenize(text):`". capital -- to begin a sentence."""
    first = first_line(source)
    functions = functions_defined(source)
    if functions and not first.startswith(("def ", "async def ")):
        name = say("cell_named_function", function=functions[0], first=first)
    else:
        name = say("cell_named", first=first)
    return name[:1].upper() + name[1:] if capital else name
