"""Python source text, read with `ast`: where a top-level definition starts and ends."""

from __future__ import annotations

import ast


def first_line(node: ast.stmt) -> int:
    """The 1-based line where a statement starts: its first decorator, if it has any."""
    decorators = getattr(node, "decorator_list", [])
    return min([node.lineno] + [d.lineno for d in decorators])


def lines_of(node: ast.stmt, lines: list[str]) -> list[str]:
    """The statement's lines, decorators included, from the module's lines."""
    return lines[first_line(node) - 1 : node.end_lineno]
