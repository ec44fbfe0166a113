"""Grade many trusted notebooks quickly, without a Jupyter kernel: the audit's fast path.

It uses what the autograder zip holds (the tests, the checker with its recorded answers, the
data), and does what otter run does with them, minus the kernel: each notebook runs in a
forked process of its own, its code cells executed in order (a cell that raises does not
stop the next, as with otter's allow_errors), then every test file run against the
names the cells defined. It returns the same outcome as autograder.worker; the test suite
proves the two give the same scores on a sample. Only for our own catalogue: student code
is graded through otter (autograder.grade).
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import os
import shutil
import sys
import tempfile
import warnings
import zipfile
from pathlib import Path
from typing import Any

import nbformat

from .worker import failure_text

# Lines that only make sense inside Jupyter with otter's grader: not run on this path.
SKIPPED_PREFIXES = ("%", "!", "import otter", "grader =", "grader.")


def runnable_source(cell: Any) -> str:
    """The code of a notebook cell as this path runs it: otter's own calls and magics left out."""
    if "otter_ignore" in cell.get("metadata", {}).get("tags", []):
        return ""
    lines = cell.source.splitlines()
    return "\n".join("" if line.lstrip().startswith(SKIPPED_PREFIXES) else line for line in lines)


def _grade_in_child(job: tuple[str, str]) -> dict[str, Any]:
    notebook_path, folder = job
    from otter.test_files.exception_test import ExceptionTestFile

    os.chdir(folder)
    warnings.resetwarnings()  # as in a fresh kernel: a warning is printed, never raised
    warnings.simplefilter("default")
    for name in [m for m in sys.modules if m == "rnncheck" or m.startswith("rnncheck.")]:
        del sys.modules[name]  # use the checker shipped in the zip, with its answers
    sys.path.insert(0, folder)
    nb = nbformat.read(notebook_path, as_version=4)
    env: dict[str, Any] = {"__name__": "__main__"}
    cell_error = ""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        for number, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            try:
                exec(compile(runnable_source(cell), f"<cell {number}>", "exec"), env)
            except BaseException as error:  # as allow_errors: note it, run the next cell
                cell_error = cell_error or f"{type(error).__name__}: {str(error)[:200]}"
        questions = {}
        for test in sorted(Path(folder, "tests").glob("q*.py")):
            test_file = ExceptionTestFile.from_file(str(test))
            test_file.run(env)
            failures = [
                {"hidden": r.test_case.hidden, "message": failure_text(r.message), "case": r.test_case.name}
                for r in test_file.test_case_results
                if not r.passed
            ]
            questions[test.stem] = {
                "score": test_file.score,
                "possible": test_file.possible,
                "failures": failures,
            }
    return {"questions": questions, "cell_error": cell_error, "error": ""}


def grade_all(notebooks: list[Path], autograder_zip: Path, jobs: int = 2) -> dict[str, dict[str, Any]]:
    """Notebook file name -> outcome, for each notebook, each in a fresh forked process."""
    with tempfile.TemporaryDirectory(prefix="rnnfast-") as workdir:
        folder = Path(workdir)
        with zipfile.ZipFile(autograder_zip) as archive:
            archive.extractall(folder / "source")
        shutil.copytree(folder / "source" / "files", folder / "run")
        shutil.copytree(folder / "source" / "tests", folder / "run" / "tests")
        context = multiprocessing.get_context("fork")
        with context.Pool(processes=max(1, jobs), maxtasksperchild=1) as pool:
            outcomes = pool.map(_grade_in_child, [(str(p.resolve()), str(folder / "run")) for p in notebooks])
    return {p.name: outcome for p, outcome in zip(notebooks, outcomes)}
