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
import signal
import sys
from collections.abc import Callable
from typing import Any

from .messages import say
from .notebook import check_all, code_cells

CELL_TIME_LIMIT = 60.0  # seconds; RNNCHECK_CELL_TIME_LIMIT overrides it
SKIPPED_TAG = "otter_ignore"


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


def run_cells(cells: list[tuple[int, str]], env: dict[str, Any]) -> list[str]:
    """Run the cells in env, in order, silently; the first error of each cell that failed."""
    errors = []
    limit = cell_time_limit()
    python = _translator()

    def stop(signum: int, frame: Any) -> None:
        raise CellTimeUp

    previous = signal.signal(signal.SIGALRM, stop)
    try:
        for number, source in cells:
            output = io.StringIO()
            try:
                with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
                    signal.setitimer(signal.ITIMER_REAL, limit)
                    try:
                        exec(compile(python(source), f"<celda {number}>", "exec"), env)
                    finally:
                        signal.setitimer(signal.ITIMER_REAL, 0)
            except CellTimeUp:
                errors.append(say("check_cell_time", number=number, seconds=f"{limit:g}"))
            except (Exception, SystemExit) as error:
                detail = f"{type(error).__name__}: {str(error)[:200]}"
                errors.append(say("check_cell_error", number=number, error=detail))
    finally:
        signal.signal(signal.SIGALRM, previous)
    return errors


def main(arguments: list[str]) -> int:
    as_json = "--json" in arguments
    given = [a for a in arguments if a != "--json"]
    os.environ.setdefault("MPLBACKEND", "Agg")  # plots are drawn, never shown
    try:
        path = os.path.abspath(find_notebook(given[0] if given else None))
        cells = cells_to_run(path)
    except ValueError as error:
        print(json.dumps({"error": str(error)}) if as_json else str(error))
        return 2
    os.chdir(os.path.dirname(path))  # the notebook reads its data relative to its folder
    sys.path.insert(0, os.path.dirname(path))
    if not as_json:
        print(say("check_running", path=os.path.basename(path)), flush=True)
    env: dict[str, Any] = {"__name__": "__main__"}
    errors = run_cells(cells, env)
    summary = check_all(env)
    if as_json:
        print(json.dumps({"cell_errors": errors, "questions": [c.to_dict() for c in summary.checks]}))
    else:
        for line in errors:
            print(line)
        print(repr(summary))
    return 0 if summary.passed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
