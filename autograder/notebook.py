"""The student notebook, rendered from `assignments/<name>/notebook.yaml` in one language.

Cell kinds in notebook.yaml, in order:
- `markdown: {es: ..., en: ...}` prose, one text per language
- `code: ...` given code, the same in every language; with `grading: skip` it is tagged
  otter_ignore, so that grading leaves it out (a demonstration too slow to run for every
  submission, such as training the full model, that no test needs)
- `function: name` (with `question: qN`, optional `hint: {es, en}` and `docstring: {es: ...}`):
  the skeleton, made from the reference solution's signature and docstring (English; the
  `docstring` of the release's language when there is one), whose body says it is not done yet
- `code` may be `{es: ..., en: ...}` when its comments or printed words differ by language
- `check: qN`: `grader.check("qN")`, the public tests of qN (rnncheck.notebook), with a comment
  that says to run the setup cell first, which the NameError of a check run before it shows
- `export: true`: the export cell, `grader.export()`, ignored when grading

Added here, after the title (the first markdown cell): how to get started (own computer,
JupyterLab or VS Code, Colab), how the notebook is checked and graded and how to submit it,
and the first code cell, which finds the release's files and makes `grader` (SETUP). Cell ids
are derived from the cell's position, so building twice gives the same notebook.
"""

from __future__ import annotations

import ast
import textwrap

import nbformat

from rnncheck.messages import MESSAGES

from .assignment import Assignment
from .source import first_line
from .versions import NUMPY, bounds

KERNELSPEC = {"display_name": "Python 3", "language": "python", "name": "python3"}


def _heads(source: str) -> dict[str, tuple[list[str], ast.FunctionDef]]:
    """Top-level function name -> (its lines from `def` to the end of its docstring, node)."""
    lines = source.splitlines()
    heads = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef):
            docstring = node.body[0]
            if not (isinstance(docstring, ast.Expr) and isinstance(docstring.value, ast.Constant)):
                raise ValueError(f"function {node.name!r} has no docstring")
            heads[node.name] = (lines[first_line(node) - 1 : docstring.end_lineno], node)
    return heads


def _docstring_lines(text: str) -> list[str]:
    """A docstring as the lines of a function body: triple quotes, indented by four spaces."""
    lines = text.strip("\n").splitlines()
    if len(lines) == 1:
        return [f'    """{lines[0]}"""']
    return [f'    """{lines[0]}', *[f"    {line}".rstrip() for line in lines[1:]], '    """']


def with_docstrings(source: str, docstrings: dict[str, str]) -> str:
    """The module source with the docstring of each function named in docstrings replaced by
    its text (the text between the quotes, without the function's indentation)."""
    lines = source.splitlines()
    for _, node in sorted(_heads(source).values(), key=lambda item: -item[1].lineno):
        if node.name in docstrings:
            docstring = node.body[0]
            assert docstring.end_lineno is not None
            lines[docstring.lineno - 1 : docstring.end_lineno] = _docstring_lines(docstrings[node.name])
    return "\n".join(lines) + "\n"


def skeleton(
    solution_source: str,
    name: str,
    language: str,
    hint: str | None = None,
    docstring: str | None = None,
) -> str:
    """The skeleton of function `name`: its reference signature and docstring (or `docstring`,
    the docstring in the release's language), no body."""
    if docstring is not None:
        solution_source = with_docstrings(solution_source, {name: docstring})
    heads = _heads(solution_source)
    if name not in heads:
        raise ValueError(f"the solution has no function {name!r}")
    body = []
    if hint:
        body += ["# " + line if line else "#" for line in hint.strip().splitlines()]
    todo = MESSAGES[language]["todo"].format(name=name)
    body += [MESSAGES[language]["your_code"], f"raise NotImplementedError({todo!r})"]
    return "\n".join(heads[name][0] + [textwrap.indent(line, "    ") for line in body])


def without_bodies(source: str, statement: str) -> str:
    """The module source with the body of every top-level function replaced by `statement`."""
    lines = source.splitlines()
    for head, node in sorted(_heads(source).values(), key=lambda item: -item[1].lineno):
        lines[first_line(node) - 1 : node.end_lineno] = head + ["    " + statement]
    return "\n".join(lines) + "\n"


def _text(value: object, language: str) -> str:
    if isinstance(value, dict):
        return str(value[language]).rstrip("\n")
    return str(value).rstrip("\n")


# The notebook's first code cell. It runs before anything of the release can be imported, so
# it holds its own few lines: find the release's files (unpacking the release zip where only
# the notebook and the zip were uploaded, as on Colab), install what is missing on Colab or say
# the one command that does it elsewhere, then make `grader`. When grading, the engine gives
# the notebook an inert `rnncheck`, so the cell does nothing there.
SETUP = """{comment}
import importlib.util
import os
import subprocess
import sys
import zipfile

ASSIGNMENT = {assignment!r}
if not os.path.isdir("rnncheck"):
    if not os.path.isdir(ASSIGNMENT) and os.path.isfile(ASSIGNMENT + ".zip"):
        with zipfile.ZipFile(ASSIGNMENT + ".zip") as release:
            release.extractall(".")
    if os.path.isdir(os.path.join(ASSIGNMENT, "rnncheck")):
        os.chdir(ASSIGNMENT)
if os.getcwd() not in sys.path:
    sys.path.insert(0, os.getcwd())


def missing_packages():
    missing = [name for name in ("numpy", "matplotlib") if importlib.util.find_spec(name) is None]
    if "numpy" not in missing:
        import numpy

        version = tuple(int(part) for part in numpy.__version__.split(".")[:2])
        if not {numpy_lowest!r} <= version < ({numpy_below!r},):
            missing.append({numpy!r})
    return missing


missing = missing_packages()
if missing and "google.colab" in sys.modules and os.path.isfile("requirements.txt"):
    print({installing!r}.format(packages=", ".join(missing)))
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "-r", "requirements.txt"], check=False)
    importlib.invalidate_caches()
    missing = missing_packages()
if missing:
    raise SystemExit({missing!r}.format(packages=", ".join(missing)))
try:
    from rnncheck.notebook import Notebook
except ImportError:
    raise SystemExit({no_release!r}) from None

grader = Notebook({notebook!r})"""


def setup_cell(assignment: Assignment, language: str) -> str:
    """The notebook's first code cell, in `language`."""
    messages = MESSAGES[language]
    lowest, below = bounds(NUMPY)  # the release's numpy, the one it is graded with
    return SETUP.format(
        comment=messages["setup_comment"].format(assignment=assignment.name),
        assignment=assignment.name,
        installing=messages["setup_installing"],
        missing=messages["setup_missing"],
        no_release=messages["setup_no_release"].format(assignment=assignment.name),
        notebook=assignment.notebook_name,
        numpy=NUMPY,
        numpy_lowest=lowest,
        numpy_below=below,
    )


def render(assignment: Assignment, language: str = "es") -> nbformat.NotebookNode:
    """The skeleton notebook of `assignment` in `language`."""
    solution = assignment.solution_path.read_text(encoding="utf-8")
    specs = list(assignment.spec["cells"])
    title = [specs.pop(0)] if specs and "markdown" in specs[0] else []
    cells = [nbformat.v4.new_markdown_cell(_text(spec["markdown"], language)) for spec in title]
    start = MESSAGES[language]["notebook_start"]
    cells.append(
        nbformat.v4.new_markdown_cell(
            start.format(assignment=assignment.name, notebook=assignment.notebook_name)
        )
    )
    cells.append(nbformat.v4.new_markdown_cell(MESSAGES[language]["notebook_grading"]))
    cells.append(nbformat.v4.new_code_cell(setup_cell(assignment, language)))
    for spec in specs:
        if "markdown" in spec:
            cells.append(nbformat.v4.new_markdown_cell(_text(spec["markdown"], language)))
        elif "code" in spec:
            cells.append(nbformat.v4.new_code_cell(_text(spec["code"], language)))
            if spec.get("grading") == "skip":
                cells[-1].metadata["tags"] = ["otter_ignore"]
        elif "function" in spec:
            hint = _text(spec["hint"], language) if "hint" in spec else None
            docstring = assignment.docstrings(language).get(spec["function"])
            cells.append(
                nbformat.v4.new_code_cell(skeleton(solution, spec["function"], language, hint, docstring))
            )
        elif "check" in spec:
            # its comment shows in the NameError of a check run before the setup cell
            check = f'grader.check("{spec["check"]}")  {MESSAGES[language]["check_cell_comment"]}'
            cells.append(nbformat.v4.new_code_cell(check))
        elif "export" in spec:
            cell = nbformat.v4.new_code_cell("grader.export()")
            cell.metadata["tags"] = ["otter_ignore"]
            cells.append(cell)
        else:
            raise ValueError(f"{assignment.name}: unknown cell {sorted(spec)}")
    for number, cell in enumerate(cells):
        cell.id = f"{assignment.name.replace('_', '-')}-{number:03d}"
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = KERNELSPEC
    nb.metadata["language_info"] = {"name": "python"}
    nb.metadata["otter"] = {"assignment_name": assignment.name}
    nb.metadata["rnnkit"] = {"assignment": assignment.name, "language": language}
    return nb
