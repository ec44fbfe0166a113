"""Gradescope's run_autograder: the submission in /autograder/submission, graded by the same
engine as `rnngrade grade`, into /autograder/results/results.json.

Only the notebook is graded (or the single .ipynb inside an uploaded .zip, or a .py): any
other file the student uploads beside it (a `rnncheck/`, `tests/`, `numpy.py`) is never read,
copied or put on a path. The tests and answers in /autograder/source are made readable by
root only before anything of the student's runs.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from .batch import Options, grade_all
from .grading import Autograder
from .submission import SUFFIXES


def find_submission(folder: Path, notebook: str) -> Path | None:
    """The file to grade: the notebook named as the assignment's, else the only .ipynb, else the
    only .zip, else the only .py, at the top of the submission folder."""
    named = folder / notebook
    if named.is_file():
        return named
    for suffix in SUFFIXES:
        found = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix == suffix)
        if len(found) == 1:
            return found[0]
    return None


def main(root: str | Path = "/autograder") -> None:
    from rnncheck import say

    root = Path(root)
    source = root / "source"
    os.chmod(source, 0o700)
    autograder = Autograder(source)
    manifest = autograder.manifest
    results = root / "results"
    results.mkdir(exist_ok=True)
    path = find_submission(root / "submission", manifest["notebook"])
    if path is None:
        payload = {"score": 0, "output": say("reason_no_notebook"), "tests": []}
    else:
        outcome = grade_all(
            source,
            [(path.name, path)],
            Options(jobs=1),
            on_sandbox=lambda m: print("sandbox:", m, file=sys.stderr),
        )[0]
        payload = outcome.gradescope(say("hidden_tests"))
    (results / "results.json").write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
