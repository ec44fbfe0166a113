"""The otter test files: their public part, running them, and recording the reference's answers.

Test files are otter's exception-based format: functions decorated with
`@test_case(points=..., hidden=...)`. Hidden cases keep their inputs inside their own body,
so removing a hidden function removes everything it would reveal.
"""

from __future__ import annotations

import ast
import io
import re
import shutil
import tempfile
import tokenize
from contextlib import chdir
from pathlib import Path
from typing import Any

from otter.test_files.exception_test import ExceptionTestFile

from rnncheck.answers import recording

from .assignment import Assignment
from .fill import defined_functions
from .recorder import Recorder
from .source import first_line


def _is_hidden(node: ast.stmt) -> bool:
    if not isinstance(node, ast.FunctionDef):
        return False
    for decorator in node.decorator_list:
        if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", None) == "test_case":
            for keyword in decorator.keywords:
                if keyword.arg == "hidden":
                    if not isinstance(keyword.value, ast.Constant):
                        raise ValueError(f"line {keyword.lineno}: hidden= must be a literal True/False")
                    return bool(keyword.value.value)
    return False


def has_hidden_cases(source: str) -> bool:
    """Whether the test file source has any hidden test case."""
    return any(_is_hidden(node) for node in ast.parse(source).body)


def public_source(source: str) -> str:
    """The test file without its hidden test cases (decorator to last line, and blank lines after)."""
    lines = source.splitlines()
    drop: set[int] = set()
    for node in ast.parse(source).body:
        if _is_hidden(node):
            assert isinstance(node, ast.FunctionDef)
            first = first_line(node)
            last = node.end_lineno or node.lineno
            while last < len(lines) and not lines[last].strip():
                last += 1
            drop.update(range(first - 1, last))
    kept = [line for i, line in enumerate(lines) if i not in drop]
    return "\n".join(kept).rstrip("\n") + "\n"


def public_cases(source: str) -> list[tuple[str, float]]:
    """(name, points) of each public test case of the test file source, in order."""
    cases = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef) and not _is_hidden(node):
            for decorator in node.decorator_list:
                if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", None) == "test_case":
                    points = [k.value for k in decorator.keywords if k.arg == "points"]
                    cases.append((node.name, float(ast.literal_eval(points[0]) if points else 1)))
    return cases


def without_notes(source: str) -> str:
    """source without its comments and docstrings, the code and its layout otherwise as they are
    (a body that was only a docstring becomes `...`)."""
    lines = source.splitlines()
    dropped: set[int] = set()  # 0-based line numbers
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            row, col = token.start
            code = lines[row - 1][:col].rstrip()
            lines[row - 1] = code
            if not code:
                dropped.add(row - 1)
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            first = node.body[0] if node.body else None
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                span = range(first.lineno - 1, first.end_lineno or first.lineno)
                if len(node.body) == 1:
                    lines[span[0]] = " " * first.col_offset + "..."
                    span = span[1:]
                dropped.update(span)
                after = span.stop
                while not isinstance(node, ast.Module) and after < len(lines) and not lines[after].strip():
                    dropped.add(after)  # the blank line that set the docstring apart
                    after += 1
    kept = [line for i, line in enumerate(lines) if i not in dropped]
    return re.sub(r"\n{3,}(?=\S)", "\n\n\n", "\n".join(kept).strip("\n")) + "\n"


def with_header(source: str, header: str) -> str:
    """The public test file source in the release's language: its own (English) notes taken
    out, and `header`, written in that language, as its docstring."""
    text = header.strip().replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return f'"""{text}\n"""\n\n' + without_notes(source)


def run(source: str, env: dict[str, Any], path: str = "<test>") -> ExceptionTestFile:
    """Run one test file's cases against env, as otter does; the results are on the object."""
    test_file = ExceptionTestFile.from_string(source, path=path)
    test_file.run(env)
    return test_file


def namespace(*sources: str) -> dict[str, Any]:
    """The globals of the given module sources executed one after the other, as a notebook would."""
    env: dict[str, Any] = {"__name__": "__notebook__"}
    for source in sources:
        exec(compile(source, "<module>", "exec"), env)
    return env


def feedback_of(path: Path) -> Any:
    """A catalogue file's FEEDBACK phrase, or None."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "FEEDBACK" for t in node.targets):
            return ast.literal_eval(node.value)
    return None


class ReferenceFailed(RuntimeError):
    """The reference solution fails one of its own tests: a bug in the tests or the solution."""


def record_answers(assignment: Assignment, sources: dict[str, str], seed: int = 0) -> Recorder:
    """Run the test `sources` (name -> text) against the reference and record its answers.

    The catalogued mistakes that carry a FEEDBACK phrase are recorded too, so that feedback
    can name them. Hidden cases draw their inputs with `seed` (rnncheck.hidden_rng). Raises
    ReferenceFailed if any test case fails on the reference.
    """
    reference_source = assignment.solution_path.read_text(encoding="utf-8")
    reference = namespace(reference_source)
    mistakes = []
    for path in assignment.catalogue("mistakes"):
        phrase = feedback_of(path)
        if phrase is not None:
            wrong = namespace(reference_source, path.read_text(encoding="utf-8"))
            mistakes.append((phrase, wrong, defined_functions(path)))
    recorder = Recorder(reference, mistakes, seed)
    failures = []
    with tempfile.TemporaryDirectory() as folder, recording(recorder), chdir(folder):
        for path in assignment.data_files:  # tests read data files relative to the notebook
            target = Path(folder) / path.relative_to(assignment.folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        for name, source in sources.items():
            result = run(source, dict(reference), path=name)
            failures += [f"{name}: {r.message}" for r in result.test_case_results if not r.passed]
    if failures:
        raise ReferenceFailed("the reference solution fails its own tests:\n" + "\n".join(failures))
    return recorder
