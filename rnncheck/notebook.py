"""What the student's notebook calls: `grader.check("qN")` and `grader.export()`.

    grader = Notebook("word_representation.ipynb")   # the notebook's first code cell
    grader.check("q3")     # the public tests of q3 on the notebook's functions
    grader.check_all()     # every question, one line each
    grader.export()        # every check once more, then the file to submit

A check runs the public test cases in `tests/qN.py` (beside this package) against the
notebook's globals and shows each failure's message, and only its message, in the release's
language. A call of a student function that does not return is stopped after a time limit
(rnncheck.student). Nothing here decides a grade: grading runs the hidden tests too, on other
inputs, in the grading engine.
"""

from __future__ import annotations

import ast
import builtins
import html
import inspect
import json
import os
import re
import subprocess
import sys
import tempfile
import textwrap
import time
import types
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .cells import cell_name, functions_defined
from .feedback import Feedback
from .messages import say
from .script import cells as script_cells

PACKAGE = os.path.dirname(os.path.abspath(__file__))
RELEASE = os.path.dirname(PACKAGE)  # the student release: notebook, tests/, rnncheck/, data


@dataclass
class Case:
    """One test case of a test file: its name, points, whether hidden, and its body."""

    name: str
    points: float
    hidden: bool
    body: Callable[..., None]


CASE = "_rnncheck_case"  # the attribute our test_case decorator puts on each case's function


class _CaseDecorator:
    """otter's `test_case` decorator, as far as a test file uses it: it marks the function."""

    def __init__(self, points: float | None = None, hidden: bool = False, name: str | None = None, **_: Any):
        self.points, self.hidden, self.name = points, hidden, name

    def __call__(self, function: Callable[..., None]) -> Callable[..., None]:
        setattr(function, CASE, Case(self.name or "", float(self.points or 0), bool(self.hidden), function))
        return function


def read_cases(path: str) -> list[Case]:
    """The test cases of the otter test file at path, in the order they are defined, without
    importing otter: the file's `from otter.test_files import test_case` gets a decorator that
    marks each case (as otter does, the cases are then read off the file's namespace)."""
    with open(path, encoding="utf-8") as f:
        source = f.read()
    stand_in = types.ModuleType("otter.test_files")
    stand_in.test_case = _CaseDecorator  # type: ignore[attr-defined]

    def importer(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "otter.test_files":
            return stand_in
        return builtins.__import__(name, *args, **kwargs)

    namespace: dict[str, Any] = {"__builtins__": {**vars(builtins), "__import__": importer}}
    exec(compile(source, path, "exec"), namespace)
    cases = [
        getattr(value, CASE) for value in namespace.values() if isinstance(getattr(value, CASE, None), Case)
    ]
    question = str(namespace.get("name", os.path.splitext(os.path.basename(path))[0]))
    for number, case in enumerate(cases, 1):
        case.name = case.name or f"{question} - {number}"
    return cases


def run_case(case: Case, env: dict[str, Any]) -> str:
    """'' if the case passes against env, else the message saying why it failed."""
    try:
        case.body(env)
    except Feedback as failure:
        return str(failure)
    except Exception as error:  # a bug in a test, not in the student's code
        return say("check_test_error", error=f"{type(error).__name__}: {str(error)[:300]}")
    return ""


@dataclass
class QuestionCheck:
    """The public tests of one question: (case name, points, failure message or '') each."""

    question: str
    results: list[tuple[str, float, str]] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(not message for _, _, message in self.results)

    @property
    def cases_passed(self) -> int:
        return sum(1 for _, _, message in self.results if not message)

    @property
    def score(self) -> float:
        return sum(points for _, points, message in self.results if not message)

    @property
    def possible(self) -> float:
        return sum(points for _, points, _ in self.results)

    @property
    def failures(self) -> list[str]:
        return list(dict.fromkeys(message for _, _, message in self.results if message))

    def lines(self) -> list[str]:
        if self.passed:
            return [say("check_passed", question=self.question, count=len(self.results))]
        failed = sum(1 for _, _, message in self.results if message)
        head = say("check_failed", question=self.question, failed=failed, count=len(self.results))
        return [head] + [f"  - {message}" for message in self.failures]

    def __repr__(self) -> str:
        return "\n".join(self.lines())

    def _repr_html_(self) -> str:
        head, *rest = self.lines()
        color = "#1a7f37" if self.passed else "#b42318"
        items = "".join(f"<li>{html.escape(line[4:])}</li>" for line in rest)
        return f'<p style="color: {color}"><strong>{html.escape(head)}</strong></p>' + (
            f"<ul>{items}</ul>" if items else ""
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "passed": self.cases_passed,
            "score": self.score,
            "possible": self.possible,
            "failures": self.failures,
        }


@dataclass
class Summary:
    """The public checks of every question."""

    checks: list[QuestionCheck]

    @property
    def passed(self) -> bool:
        return all(check.passed for check in self.checks)

    def lines(self) -> list[str]:
        lines = []
        for check in self.checks:
            mark = "✔" if check.passed else "✘"
            first = check.failures[0] if check.failures else ""
            lines.append(f"{mark} {check.question:<4} {first}".rstrip())
        passed = sum(check.passed for check in self.checks)
        lines.append(say("check_summary", passed=passed, count=len(self.checks)))
        return lines

    def __repr__(self) -> str:
        return "\n".join(self.lines())

    def _repr_html_(self) -> str:
        return "<pre>" + html.escape(repr(self)) + "</pre>"


def tests_folder() -> str:
    return os.path.join(RELEASE, "tests")


def questions() -> list[str]:
    """The questions with public tests in this release, in order (q1, q2, ..., q10)."""
    names = [
        name[:-3] for name in os.listdir(tests_folder()) if name.startswith("q") and name.endswith(".py")
    ]
    return sorted((n for n in names if n[1:].isdigit()), key=lambda n: int(n[1:]))


def check_question(question: str, env: dict[str, Any]) -> QuestionCheck:
    """Run the public cases of question (e.g. "q3") against env, the notebook's globals."""
    path = os.path.join(tests_folder(), f"{question}.py")
    if not os.path.isfile(path):
        raise ValueError(say("check_unknown_question", question=question, known=", ".join(questions())))
    check = QuestionCheck(question)
    for case in read_cases(path):
        if not case.hidden:
            check.results.append((case.name, case.points, run_case(case, env)))
    return check


def check_all(env: dict[str, Any]) -> Summary:
    return Summary([check_question(question, env) for question in questions()])


def _callers_globals() -> dict[str, Any]:
    frame = inspect.currentframe()
    assert frame is not None and frame.f_back is not None and frame.f_back.f_back is not None
    return frame.f_back.f_back.f_globals


def on_colab() -> bool:
    return "google.colab" in sys.modules


def notebook_files(name: str, env: dict[str, Any]) -> list[str]:
    """The files that may be the notebook, most likely first: the one the front end names
    (JupyterLab and Notebook 7 set JPY_SESSION_NAME, VS Code __vsc_ipynb_file__), then `name`
    in the working folder, in the release and beside it (a release zip unpacked next to the
    notebook, as on Colab)."""
    candidates = [os.environ.get("JPY_SESSION_NAME", ""), str(env.get("__vsc_ipynb_file__", ""))]
    folders = [os.getcwd(), RELEASE, os.path.dirname(RELEASE)]
    candidates += [os.path.join(folder, name) for folder in folders] if name else []
    found = [os.path.abspath(c) for c in candidates if c.endswith(".ipynb") and os.path.isfile(c)]
    return list(dict.fromkeys(found))


def code_cells(path: str) -> list[tuple[int, str, list[str]]]:
    """(cell number from 1, source, tags) of each code cell of the notebook file at path, or of
    a notebook saved as a .py script (rnncheck.script: its code cells numbered from 1);
    ValueError, in the release's language, if it is not a notebook."""
    try:
        with open(path, encoding="utf-8") as f:
            if path.endswith(".py"):
                return [(n, source, tags) for n, (source, tags) in enumerate(script_cells(f.read()), 1)]
            cells = json.load(f)["cells"]
    except Exception as error:  # whatever a malformed file makes json or jupytext raise
        raise ValueError(say("check_not_a_notebook", path=path, detail=type(error).__name__)) from None
    found = []
    for number, cell in enumerate(cells, 1):
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            source = cell.get("source", "")
            source = "".join(source) if isinstance(source, list) else str(source)
            found.append((number, source, list(cell.get("metadata", {}).get("tags", []))))
    return found


def saved_sources(path: str) -> str:
    """The code of the notebook file at path as saved, all its code cells joined."""
    return "\n".join(source for _, source, _ in code_cells(path))


def unsaved_functions(env: dict[str, Any], saved: str) -> list[str]:
    """The notebook's functions whose code, as run in the kernel, is not in the saved file."""
    unsaved = []
    for name, value in env.items():
        if (
            isinstance(value, types.FunctionType)
            and value.__module__ == "__main__"
            and not name.startswith("_")
        ):
            try:
                source = inspect.getsource(value)
            except (OSError, TypeError):
                continue
            if source.strip() not in saved:
                unsaved.append(name)
    return sorted(unsaved)


FRESH_RUN = "RNNCHECK_FRESH_RUN"  # set in the fresh process that export runs: it exports nothing
FRESH_TIME_LIMIT = 600.0  # seconds the fresh run of the saved notebook may take in all


def run_saved(path: str) -> dict[str, Any]:
    """What `python -m rnncheck --json` finds in the saved notebook at path: its cells run top
    to bottom in a fresh process of this Python, with the cell and call limits of the checks
    (rnncheck.__main__), as grading runs it. Its lines of progress are printed as they come.
    RuntimeError, with a short reason, if that run gives no answer."""
    environment = {**os.environ, "MPLBACKEND": "Agg", "PYTHONIOENCODING": "utf-8", FRESH_RUN: "1"}
    with tempfile.TemporaryFile() as answer:
        process = subprocess.Popen(
            [sys.executable, "-m", "rnncheck", "--json", path],
            cwd=RELEASE,
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=answer,
            stderr=subprocess.PIPE,
        )
        assert process.stderr is not None
        start = time.monotonic()
        last = ""  # the last line of what the run printed that is not progress: why it ended
        for line in process.stderr:  # a line at least every 10 s (rnncheck.__main__.progress)
            text = line.decode("utf-8", "replace").rstrip()
            if text.startswith("…"):
                print(text, flush=True)
            elif text.strip():
                last = text.strip()
            if time.monotonic() - start > FRESH_TIME_LIMIT:
                process.kill()
        code = process.wait()
        answer.seek(0)
        output = answer.read().decode("utf-8", "replace").strip().splitlines()
    try:
        found = json.loads(output[-1])
    except (IndexError, ValueError):
        raise RuntimeError(f"exit status {code}: {last[:200]}" if last else f"exit status {code}") from None
    if not isinstance(found, dict) or "questions" not in found:
        reason = found.get("error", code) if isinstance(found, dict) else code
        raise RuntimeError(f"{reason}")
    return found


def _last_definitions(path: str) -> dict[str, tuple[str, str]]:
    """Function name -> (its source, the source of the cell) of the last top-level definition
    of each function in the saved notebook: the one a run from top to bottom leaves."""
    found: dict[str, tuple[str, str]] = {}
    for _, source, _ in code_cells(path):
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError):
            continue
        lines = source.splitlines()
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                start = min([node.lineno, *(d.lineno for d in node.decorator_list)])  # as inspect
                found[node.name] = ("\n".join(lines[start - 1 : node.end_lineno]), source)
    return found


def _question_cells(path: str) -> dict[str, str]:
    """Question -> the source of the cell of code just above its `grader.check("qN")` cell."""
    found: dict[str, str] = {}
    above = ""
    for _, source, _ in code_cells(path):
        check = re.match(r"\s*grader\.check\(\s*[\"'](q\d+)[\"']", source)
        if check:
            found.setdefault(check.group(1), above)
        else:
            above = source
    return found


def redefined(env: dict[str, Any], path: str) -> dict[str, str]:
    """Function -> the source of the cell that defines it last in the saved notebook, for each
    of the notebook's functions whose code as run in the kernel is not that last definition
    (a fixed version run last in a cell above the wrong one)."""
    last = _last_definitions(path)
    found = {}
    for name, value in env.items():
        if isinstance(value, types.FunctionType) and value.__module__ == "__main__" and name in last:
            try:
                source = inspect.getsource(value)
            except (OSError, TypeError):
                continue
            if _dedented(source) != _dedented(last[name][0]):
                found[name] = last[name][1]
    return found


def _dedented(source: str) -> str:
    return "\n".join(line.rstrip() for line in textwrap.dedent(source).strip().splitlines())


def differences(live: Summary, fresh: dict[str, Any], env: dict[str, Any], path: str) -> list[str]:
    """What the saved notebook, run top to bottom, gives differently from the kernel: a line for
    each question whose public tests pass a different number of cases there, and for each
    question whose function is defined last, further down, by other code than the kernel ran
    (the hidden tests would grade that one); each names the cell that explains it. Empty when
    the two agree."""
    saved = {q.get("question"): q for q in fresh.get("questions", []) if isinstance(q, dict)}
    changed = redefined(env, path)
    cells = _question_cells(path)
    lines = []
    for check in live.checks:
        other = saved.get(check.question)
        own = functions_defined(cells.get(check.question, ""))
        culprit = next((name for name in own if name in changed), "")
        same = other is None or (
            other.get("score") == check.score and other.get("passed") == check.cases_passed
        )
        if same and not culprit:
            continue
        culprit = culprit or next(iter(changed), "")  # a function it uses, defined elsewhere
        if culprit:
            cell = cell_name(changed[culprit])
            lines.append(say("export_redefined", question=check.question, function=culprit, cell=cell))
        elif other is not None:
            cell = cell_name(cells[check.question]) if cells.get(check.question) else check.question
            counts = {"saved": other.get("passed"), "live": check.cases_passed}
            lines.append(say("export_differs", question=check.question, cell=cell, **counts))
    return lines


def _remove_stale(target: str) -> None:
    """A refused export leaves no earlier file to submit beside the notebook."""
    if os.path.isfile(target):
        try:
            os.remove(target)
        except OSError:
            return
        print(say("export_stale_removed", path=target))


class Notebook:
    """The `grader` of a student notebook.

    notebook -- the notebook's file name, e.g. "word_representation.ipynb" (in the release folder)
    """

    def __init__(self, notebook: str = "") -> None:
        self.notebook = notebook

    def check(self, question: str, global_env: dict[str, Any] | None = None) -> QuestionCheck:
        """The public tests of question on the calling notebook's functions."""
        return check_question(question, global_env if global_env is not None else _callers_globals())

    def check_all(self, global_env: dict[str, Any] | None = None) -> Summary:
        """The public tests of every question, one line each."""
        return check_all(global_env if global_env is not None else _callers_globals())

    def export(self, global_env: dict[str, Any] | None = None) -> None:
        """Check every question once more, then check the saved notebook as grading runs it
        (top to bottom, in a fresh process), and only if it gives the same, make the file to
        submit and say where it is. A refused export deletes an earlier file to submit."""
        env = global_env if global_env is not None else _callers_globals()
        if os.environ.get(FRESH_RUN):
            return  # inside the fresh run of export itself
        live = check_all(env)
        print(repr(live))
        print()
        if on_colab():
            print(say("export_colab", notebook=self.notebook))
            return
        paths = notebook_files(self.notebook, env)
        if not paths:
            print(say("export_not_found", notebook=self.notebook, folder=os.getcwd()))
            return
        # the saved file that holds the code that ran; else the likeliest, to say what to save
        unsaved_in = {path: unsaved_functions(env, saved_sources(path)) for path in paths}
        path = next((p for p in paths if not unsaved_in[p]), paths[0])
        unsaved = unsaved_in[path]
        target = os.path.splitext(path)[0] + say("export_suffix") + ".zip"
        if unsaved:
            print(say("export_unsaved", functions=", ".join(f"`{name}`" for name in unsaved)))
            _remove_stale(target)
            return
        print(say("export_checking"), flush=True)
        try:
            problems = differences(live, run_saved(path), env, path)
        except (RuntimeError, OSError) as error:  # packed anyway: the kernel's checks passed
            detail = str(error)[:300] or type(error).__name__
            print(say("export_fresh_failed_run", python=sys.executable, detail=detail))
            problems = []
        if problems:
            print("\n".join(problems))
            print(say("export_refused"))
            _remove_stale(target)
            return
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(path, os.path.basename(path))
        print(say("export_done", path=target, notebook=path))
