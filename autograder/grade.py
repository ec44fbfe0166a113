"""`rnngrade grade`: a folder of submissions into a gradebook, feedback files and a class summary.

Each submission goes through these steps, in order; the first that fails gives the row its
reason and a zero, and the batch goes on with the next submission:

    find_notebook      the .ipynb itself, the single .ipynb inside an otter export .zip, or
                       a .py script as a notebook of one cell
    read_notebook      valid JSON and a valid notebook, of this assignment
    run_worker         otter run with the autograder zip, in its own process, timed out

Only the notebook is handed to otter: other files inside a submitted zip are ignored, so a
submission cannot replace the tests or their support code.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import json
import os
import signal
import subprocess
import sys
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import Any

import nbformat

from rnncheck.messages import say

from . import assignment as assignments

DEFAULT_TIMEOUT = 300  # seconds for one submission: otter run of a correct one takes ~3 s
SUBMISSION_SUFFIXES = (".ipynb", ".zip", ".py")


class Rejected(Exception):
    """A submission that cannot be graded; str(self) is the reason."""


@dataclasses.dataclass
class Row:
    """One line of the gradebook."""

    submission: str
    scores: dict[str, float]
    possible: dict[str, float]
    status: str = "graded"
    reason: str = ""
    feedback: dict[str, list[str]] = dataclasses.field(default_factory=dict)

    @property
    def total(self) -> float:
        return sum(self.scores.values())


def find_notebook(path: Path, workdir: Path) -> Path:
    if path.suffix == ".ipynb":
        return path
    if path.suffix == ".py":  # a script is graded as a notebook of one cell, as otter does
        target = workdir / f"{path.stem}.ipynb"
        source = path.read_bytes().decode("utf-8", "replace")
        nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)]), str(target))
        return target
    try:
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if n.endswith(".ipynb") and "__MACOSX" not in n]
            if not names:
                raise Rejected(say("reason_no_notebook"))
            if len(names) > 1:
                raise Rejected(say("reason_many_notebooks", names=", ".join(sorted(names))))
            target = workdir / Path(names[0]).name
            target.write_bytes(archive.read(names[0]))
            return target
    except zipfile.BadZipFile as error:
        raise Rejected(say("reason_bad_zip", detail=error)) from None


def read_notebook(path: Path, assignment: assignments.Assignment, workdir: Path) -> Path:
    """A clean copy of the notebook, named as the assignment expects, tagged with its name."""
    try:
        nb = nbformat.from_dict(json.loads(path.read_bytes()))
        nb = nbformat.convert(nb, 4)
        nbformat.validate(nb)
    except json.JSONDecodeError as error:
        raise Rejected(
            say("reason_not_json", detail=f"JSON: {error.msg}, {error.lineno}:{error.colno}")
        ) from None
    except Exception as error:
        detail = (str(error).splitlines() or [type(error).__name__])[0][:120]
        raise Rejected(say("reason_not_json", detail=detail)) from None
    found = nb.metadata.get("otter", {}).get("assignment_name")
    if found not in (None, assignment.name):
        raise Rejected(say("reason_other_assignment", found=found))
    nb.metadata.setdefault("otter", {})["assignment_name"] = assignment.name
    target = workdir / "grading" / assignment.notebook_name
    target.parent.mkdir()
    nbformat.write(nb, str(target))
    return target


def run_worker(notebook: Path, autograder_zip: Path, timeout: float) -> dict[str, Any]:
    result = notebook.parent.parent / "result.json"
    errors = notebook.parent.parent / "worker.err"
    with open(errors, "wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "autograder.worker", str(notebook), str(autograder_zip), str(result)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            start_new_session=True,  # its own process group: a timeout kills the kernel too
        )
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise Rejected(say("reason_timeout", seconds=int(timeout))) from None
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)  # a kernel left behind
    if not result.is_file():
        tail = errors.read_bytes()[-300:].decode("utf-8", "replace").strip().splitlines()
        raise Rejected(say("reason_crashed", detail=tail[-1] if tail else f"exit code {process.returncode}"))
    return json.loads(result.read_text(encoding="utf-8"))


def _reason(outcome: dict[str, Any], assignment: assignments.Assignment) -> str:
    """Why a graded submission scored nothing, in a few words; '' when it scored something."""
    if outcome.get("error"):
        return say("reason_grader_error", detail=outcome["error"][:200])
    if any(q["score"] for q in outcome["questions"].values()):
        return ""
    not_done = {say("not_implemented", name=f) for f in assignment.functions}
    failures = [f["message"] for q in outcome["questions"].values() for f in q["failures"]]
    if failures and all(m in not_done for m in failures):
        return say("reason_nothing_done")
    if outcome.get("cell_error"):
        return say("reason_cell_error", detail=outcome["cell_error"])
    return ""


_POINTS: dict[str, dict[str, float]] = {}


def points(assignment: assignments.Assignment) -> dict[str, float]:
    """Question -> points possible, read once from the assignment's test files as otter reads them."""
    from otter.test_files.exception_test import ExceptionTestFile

    if assignment.name not in _POINTS:
        _POINTS[assignment.name] = {
            path.stem: float(ExceptionTestFile.from_file(str(path)).possible)
            for path in assignment.test_files
        }
    return dict(_POINTS[assignment.name])


def blank_row(name: str, assignment: assignments.Assignment) -> Row:
    """A row with no points yet on any question."""
    return Row(name, {q: 0.0 for q in assignment.questions}, points(assignment))


def row_from(name: str, assignment: assignments.Assignment, outcome: dict[str, Any]) -> Row:
    """The gradebook row of a graded submission, from autograder.worker's outcome."""
    row = blank_row(name, assignment)
    for question, result in outcome["questions"].items():
        row.scores[question] = float(result["score"])
        row.possible[question] = float(result["possible"])
        row.feedback[question] = list(dict.fromkeys(f["message"] for f in result["failures"]))
    row.reason = _reason(outcome, assignment)
    if outcome.get("error"):
        row.status = "error"
    return row


def grade_one(path: Path, assignment: assignments.Assignment, autograder_zip: Path, timeout: float) -> Row:
    """The gradebook row of one submission file; never raises for a bad submission."""
    with tempfile.TemporaryDirectory(prefix="rnngrade-") as workdir_name:
        workdir = Path(workdir_name)
        try:
            notebook = read_notebook(find_notebook(path, workdir), assignment, workdir)
            outcome = run_worker(notebook, autograder_zip, timeout)
        except Rejected as rejected:
            row = blank_row(path.name, assignment)
            row.status, row.reason = "error", str(rejected)
            return row
    return row_from(path.name, assignment, outcome)


def submissions_in(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).iterdir() if p.is_file() and p.suffix in SUBMISSION_SUFFIXES)


def write_gradebook(rows: list[Row], questions: list[str], path: Path) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["submission", *questions, "total", "possible", "status", "reason"])
        for row in rows:
            possible = sum(row.possible.values())
            writer.writerow(
                [
                    row.submission,
                    *(f"{row.scores[q]:g}" for q in questions),
                    f"{row.total:g}",
                    f"{possible:g}",
                    row.status,
                    row.reason,
                ]
            )


def write_feedback(row: Row, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    lines = [f"{row.submission}: {row.total:g} / {sum(row.possible.values()):g}"]
    if row.reason:
        lines.append(row.reason)
    for question, messages in row.feedback.items():
        lines.append(f"\n{question}: {row.scores[question]:g} / {row.possible[question]:g}")
        lines += [f"  - {m}" for m in messages]
    (folder / f"{Path(row.submission).stem}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def summary(rows: list[Row], questions: list[str]) -> str:
    """The class at a glance: per question, the mean score and how many got full marks."""
    graded = [r for r in rows if r.status == "graded"]
    lines = [f"{len(rows)} submissions, {len(graded)} graded, {len(rows) - len(graded)} not gradable"]
    for q in questions + ["total"]:
        scores = [r.total if q == "total" else r.scores[q] for r in graded]
        possible = sum(rows[0].possible.values()) if q == "total" else rows[0].possible[q]
        full = sum(score >= possible for score in scores)
        mean = sum(scores) / len(scores) if scores else 0.0
        lines.append(f"{q:<6} mean {mean:5.2f} / {possible:g}   full marks {full}/{len(graded)}")
    return "\n".join(lines)


def write_summary(rows: list[Row], questions: list[str], path: Path) -> None:
    if rows:
        path.write_text(summary(rows, questions) + "\n", encoding="utf-8")


def table(rows: list[Row], questions: list[str]) -> str:
    """The gradebook as an aligned text table, for the terminal."""
    header = ["submission", *questions, "total", "reason"]
    body = [
        [
            r.submission,
            *(f"{r.scores[q]:g}" for q in questions),
            f"{r.total:g}/{sum(r.possible.values()):g}",
            r.reason,
        ]
        for r in rows
    ]
    widths = [max(len(str(line[i])) for line in [header, *body]) for i in range(len(header))]
    return "\n".join(
        "  ".join(str(c).ljust(w) for c, w in zip(line, widths)).rstrip() for line in [header, *body]
    )


def main(
    *,
    assignment: str,
    submissions: str | Path,
    output: str | Path = "gradebook.csv",
    autograder: str | Path | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    jobs: int = 1,
) -> list[Row]:
    """Grade every .ipynb and .zip in `submissions`; write the gradebook and feedback files.

    autograder -- the otter zip; default dist/autograder/<assignment>-autograder.zip
    jobs -- how many submissions are graded at once
    """
    chosen = assignments.load(assignment)
    autograder_zip = Path(autograder or Path("dist") / "autograder" / f"{assignment}-autograder.zip")
    if not autograder_zip.is_file():
        raise FileNotFoundError(f"no autograder zip at {autograder_zip}: run `rnngrade build` first")
    paths = submissions_in(Path(submissions))
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    questions = list(chosen.questions)
    done: dict[Path, Row] = {}
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        pending = {pool.submit(grade_one, p, chosen, autograder_zip.resolve(), timeout): p for p in paths}
        for future in as_completed(pending):
            # written as each submission finishes: an interrupted batch keeps what it graded
            done[pending[future]] = row = future.result()
            write_feedback(row, output.parent / f"{output.stem}-feedback")
            write_gradebook([done[p] for p in paths if p in done], questions, output)
    rows = [done[p] for p in paths]
    write_summary(rows, questions, output.parent / f"{output.stem}-summary.txt")
    return rows
