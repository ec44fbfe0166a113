"""Gradescope's run_autograder: the submission in /autograder/submission, graded by the same
engine as `rnngrade grade`, into /autograder/results/results.json.

The submission folder is graded as one student's folder (engine.submission.choose): only the
notebook is graded (or the single .ipynb inside an uploaded .zip, or a .py); any other file
the student uploads beside it (a `rnncheck/`, `tests/`, `numpy.py`) is never read,
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


def main(root: str | Path = "/autograder") -> None:
    from rnncheck import say

    root = Path(root)
    source = root / "source"
    os.chmod(source, 0o700)
    autograder = Autograder(source)
    manifest = autograder.manifest
    results = root / "results"
    results.mkdir(exist_ok=True)
    submission = root / "submission"  # one student's folder: only its notebook is read
    outcome = grade_all(
        source,
        [(manifest["notebook"], submission)],
        Options(jobs=1),
        on_sandbox=lambda m: print("sandbox:", m, file=sys.stderr),
    )[0]
    payload = outcome.gradescope(say("hidden_tests"))
    (results / "results.json").write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
