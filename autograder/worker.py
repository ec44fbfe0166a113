"""Grade one notebook with an otter autograder zip and write the outcome as JSON.

Run as `python -m autograder.worker <notebook> <autograder.zip> <result.json>`, one process
per submission, so that the batch in autograder.grade can time it out and carry on whatever
happens here. The JSON holds, per question, the score, the points possible and the
messages of the failed test cases, plus the first error raised by a notebook cell.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
from typing import Any

# Only this much of what the grading prints is kept (a submission may print megabytes).
MAX_LOG = 20_000


def failure_text(message: str | None) -> str:
    """The student-facing part of an otter failure message: its last line, minus the prefix."""
    lines = [line.strip() for line in (message or "").strip().splitlines() if line.strip()]
    if not lines:
        return ""
    last = lines[-1]
    for prefix in ("Feedback: ", "AssertionError: "):
        if last.startswith(prefix):
            return last[len(prefix) :]
    return last


def first_cell_error(notebook: Any) -> str:
    """'NameError: name 'x' is not defined' for the first cell that raised, or ''."""
    if notebook is None:
        return ""
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return f"{output.get('ename')}: {str(output.get('evalue'))[:200]}"
    return ""


def question_outcome(test_file: Any) -> dict[str, Any]:
    """Score, points possible and failed cases of one otter test file after it ran."""
    failures = [
        {"hidden": r.test_case.hidden, "message": failure_text(r.message), "case": r.test_case.name}
        for r in test_file.test_case_results
        if not r.passed
    ]
    return {"score": test_file.score, "possible": test_file.possible, "failures": failures}


def summarize(results: Any) -> dict[str, Any]:
    questions = {name: question_outcome(test_file) for name, test_file in results.results.items()}
    catastrophic = getattr(results, "_catastrophic_error", None)
    return {
        "questions": questions,
        "cell_error": first_cell_error(getattr(results, "notebook", None)),
        "error": f"{type(catastrophic).__name__}: {catastrophic}" if catastrophic else "",
    }


def grade(notebook: str, autograder_zip: str) -> dict[str, Any]:
    from otter.run import main as otter_run

    log = io.StringIO()
    with contextlib.redirect_stdout(log), contextlib.redirect_stderr(log):
        results = otter_run(notebook, autograder=autograder_zip, output_dir=None, no_logo=True)
    outcome = summarize(results)
    outcome["log"] = log.getvalue()[-MAX_LOG:]
    return outcome


def main(argv: list[str]) -> int:
    notebook, autograder_zip, target = argv
    try:
        outcome = grade(notebook, autograder_zip)
    except Exception as error:  # reported in the gradebook, never a traceback
        outcome = {"questions": {}, "cell_error": "", "error": f"{type(error).__name__}: {error}"}
    with open(target, "w", encoding="utf-8") as f:
        json.dump(outcome, f)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
