"""`python -m rnncheck [notebook.ipynb]`: every public check of a notebook (or a .py file), from a terminal.

A .py file is read into cells as the grader reads it (rnncheck.script): Jupyter's own script
export and jupytext's formats; without jupytext installed, cells split at `# %%` lines.

Run in the folder of the student release. The notebook's code cells run in order, as a
fresh kernel would run them, except those tagged otter_ignore (slow demonstrations that no
check needs) and the check cells; a cell that raises or runs past CELL_TIME_LIMIT seconds
is reported and skipped. Then every question's public tests run, one line each. Exit status
0 when every question passes, 1 otherwise, 2 when the notebook cannot be read.

    --json    one JSON object instead of lines (what `rnngrade check` reads)
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any, TextIO

from . import student
from .cells import cell_name
from .messages import say
from .notebook import Summary, check_question, code_cells, questions
from .student import innermost, innermost_frame, stopped_after

CELL_TIME_LIMIT = 60.0  # seconds; RNNCHECK_CELL_TIME_LIMIT overrides it
SKIPPED_TAG = "otter_ignore"
PROGRESS_EVERY = 10.0  # seconds between the lines that say a cell or a check is still running


class CellTimeUp(BaseException):
    """A cell ran past its time limit (a BaseException, which `except Exception` lets through)."""


def cell_time_limit() -> float:
    try:
        return float(os.environ.get("RNNCHECK_CELL_TIME_LIMIT", CELL_TIME_LIMIT))
    except ValueError:
        return CELL_TIME_LIMIT


def find_notebook(argument: str | None) -> str:
    """The notebook to check: the one given, or the only .ipynb in the current folder."""
    if argument:
        return argument
    folder = os.getcwd()
    found = sorted(name for name in os.listdir(folder) if name.endswith(".ipynb"))
    if not found:
        raise ValueError(say("check_no_notebook", folder=folder))
    if len(found) > 1:
        raise ValueError(say("check_many_notebooks", folder=folder, names=", ".join(found)))
    return found[0]


def _translator() -> Callable[[str], str]:
    """A cell's source as plain Python: IPython's own translation of magics and shell lines
    when IPython is there, otherwise those lines left out."""
    try:
        from IPython.core.inputtransformer2 import TransformerManager
    except ImportError:
        return lambda source: "\n".join(
            line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))
        )
    return TransformerManager().transform_cell


def cells_to_run(path: str) -> list[tuple[int, str]]:
    """(cell number from 1, source) of each code cell to run, of a notebook or of a notebook
    saved as a .py script (its cells as rnncheck.script reads them)."""
    return [
        (number, source)
        for number, source, tags in code_cells(path)
        if SKIPPED_TAG not in tags and not source.strip().startswith("grader.check")
    ]


@contextlib.contextmanager
def progress(
    what: str, stream: TextIO | None, every: float = PROGRESS_EVERY, env: dict[str, Any] | None = None
) -> Iterator[None]:
    """While this block runs, a line on stream every `every` seconds says what is still running,
    so that a long wait is never silent (nothing when stream is None), and, given env (the
    notebook's globals), the innermost function of the notebook that this thread is running
    then (read from its frames: it works while that function is inside numpy)."""
    if stream is None:
        yield
        return
    done = threading.Event()
    start = time.monotonic()
    watched = threading.get_ident()

    def tell() -> None:
        while not done.wait(every):
            seconds = int(time.monotonic() - start)
            inner = innermost_frame(sys._current_frames().get(watched), env) if env is not None else ""
            if inner:
                line = say("check_still_running_inside", what=what, inner=inner, seconds=seconds)
            else:
                line = say("check_still_running", what=what, seconds=seconds)
            print(line, file=stream, flush=True)

    teller = threading.Thread(target=tell, name="rnncheck progress", daemon=True)
    teller.start()
    try:
        yield
    finally:
        done.set()
        teller.join()  # no line once the block has ended


def run_cells(cells: list[tuple[int, str]], env: dict[str, Any], stream: TextIO | None = None) -> list[str]:
    """Run the cells in env, in order, silently; the first error of each cell that failed, the
    cell named by its first line. A cell stopped at its time limit is said to have been inside
    the innermost function of the notebook that was running then. stream -- where to say that a
    cell is still running (every PROGRESS_EVERY seconds); nowhere when None."""
    errors = []
    limit = cell_time_limit()
    python = _translator()
    for number, source in cells:
        name = cell_name(source, capital=True)
        output = io.StringIO()
        try:
            with contextlib.ExitStack() as stack:
                stack.enter_context(progress(cell_name(source), stream, env=env))
                stack.enter_context(contextlib.redirect_stdout(output))
                stack.enter_context(contextlib.redirect_stderr(output))
                stack.enter_context(stopped_after(limit, CellTimeUp))
                exec(compile(python(source), f"<cell {number}>", "exec"), env)
        except CellTimeUp as stopped:
            inner = innermost(stopped, env)
            seconds = f"{limit:g}"
            if inner:
                errors.append(say("check_cell_stopped_inside", cell=name, seconds=seconds, inner=inner))
            else:
                errors.append(say("check_cell_stopped", cell=name, seconds=seconds))
        except (Exception, SystemExit) as error:
            detail = f"{type(error).__name__}: {str(error)[:200]}"
            errors.append(say("check_cell_failed", cell=name, error=detail))
    return errors


def check_each(env: dict[str, Any], stream: TextIO | None) -> Summary:
    """Every question's public tests, each question's line on stream as soon as it is known
    (and, every PROGRESS_EVERY seconds, that one is still running)."""
    checks = []
    for question in questions():
        with progress(say("check_question_running", question=question), stream, env=env):
            checks.append(check_question(question, env))
        if stream is not None:
            print(Summary([checks[-1]]).lines()[0], file=stream, flush=True)
    return Summary(checks)


def main(arguments: list[str]) -> int:
    as_json = "--json" in arguments
    given = [a for a in arguments if a != "--json"]
    os.environ.setdefault("MPLBACKEND", "Agg")  # plots are drawn, never shown
    for output in (sys.stdout, sys.stderr):  # a Windows file or pipe in cp1252 cannot show ✔
        reconfigure = getattr(output, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    try:
        path = os.path.abspath(find_notebook(given[0] if given else None))
        cells = cells_to_run(path)
    except ValueError as error:
        print(json.dumps({"error": str(error)}) if as_json else str(error))
        return 2
    os.chdir(os.path.dirname(path))  # the notebook reads its data relative to its folder
    sys.path.insert(0, os.path.dirname(path))
    # progress goes where a person sees it: the terminal, or stderr beside the JSON
    stream = sys.stderr if as_json else sys.stdout
    student.notices = stream  # a call stuck in C is said to be there too (rnncheck.student.limited)
    if not as_json:
        print(say("check_running", path=os.path.basename(path)), flush=True)
    env: dict[str, Any] = {"__name__": "__main__"}
    errors = run_cells(cells, env, stream)
    if not as_json:
        for line in errors:
            print(line)
    summary = check_each(env, stream)
    if as_json:
        print(json.dumps({"cell_errors": errors, "questions": [c.to_dict() for c in summary.checks]}))
    else:
        print(summary.lines()[-1])
    return 0 if summary.passed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
