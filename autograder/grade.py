"""`rnngrade grade`: a folder of submissions into a gradebook, feedback files and a class summary.

Every submission goes through the one grading engine (autograder.engine): its cells run in a
sandboxed process of their own and the tests run where its code cannot reach. A submission
that cannot be read, hangs or crashes gets its row with a reason; the batch always completes.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from . import assignment as assignments
from .engine.batch import Options, grade_all
from .engine.confine import Limits
from .engine.outcome import Outcome
from .engine.session import Budget
from .engine.submission import SUFFIXES

DEFAULT_TIMEOUT = 300  # seconds for one submission, all its cells and tests
DEFAULT_MEMORY = 2048  # MiB of address space for a submission's process


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


def submissions_in(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).iterdir() if p.is_file() and p.suffix in SUFFIXES)


def cell(text: str) -> str:
    """text as a spreadsheet shows it, never as a formula (a file name may start with '=')."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write_gradebook(rows: list[Outcome], questions: list[str], path: Path) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["submission", *questions, "total", "possible", "status", "reason"])
        for row in rows:
            possible = row.total_possible
            writer.writerow(
                [
                    cell(row.submission),
                    *(f"{row.scores[q]:g}" for q in questions),
                    f"{row.total:g}",
                    f"{possible:g}",
                    row.status,
                    cell(row.reason),
                ]
            )


def write_feedback(row: Outcome, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    lines = [f"{row.submission}: {row.total:g} / {sum(row.possible.values()):g}"]
    if row.reason:
        lines.append(row.reason)
    for question, messages in row.feedback.items():
        lines.append(f"\n{question}: {row.scores[question]:g} / {row.possible[question]:g}")
        lines += [f"  - {m}" for m in messages]
    (folder / f"{Path(row.submission).stem}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def summary(rows: list[Outcome], questions: list[str]) -> str:
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


def write_summary(rows: list[Outcome], questions: list[str], path: Path) -> None:
    if rows:
        path.write_text(summary(rows, questions) + "\n", encoding="utf-8")


def table(rows: list[Outcome], questions: list[str]) -> str:
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


def describe_sandbox(missing: dict[str, str]) -> str:
    """One line on what the sandbox has on this machine, and what it lacks and why."""
    from .engine.confine import MECHANISMS

    have = [m for m in MECHANISMS if m not in missing]
    line = "sandbox: " + ", ".join(have)
    if missing:
        line += "; MISSING: " + "; ".join(f"{m} ({why})" for m, why in missing.items())
    return line


def main(
    *,
    assignment: str,
    submissions: str | Path,
    output: str | Path = "gradebook.csv",
    autograder: str | Path | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    memory: int = DEFAULT_MEMORY,
    jobs: int | None = None,
) -> list[Outcome]:
    """Grade every .ipynb, .zip and .py in `submissions`; write the gradebook and feedback files.

    autograder -- the zip; default dist/autograder/<assignment>-autograder.zip
    timeout -- seconds for one submission; memory -- MiB for its process
    jobs -- how many submissions are graded at once (default: one per core)
    """
    chosen = assignments.load(assignment)
    autograder_zip = Path(autograder or Path("dist") / "autograder" / f"{assignment}-autograder.zip")
    if not autograder_zip.is_file():
        raise FileNotFoundError(f"no autograder zip at {autograder_zip}: run `rnngrade build` first")
    paths = submissions_in(Path(submissions))
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    questions = list(chosen.questions)
    done: dict[str, Outcome] = {}
    order = [p.name for p in paths]

    def keep(outcome: Outcome) -> None:
        # written as each submission finishes: an interrupted batch keeps what it graded
        done[outcome.submission] = outcome
        write_feedback(outcome, output.parent / f"{output.stem}-feedback")
        write_gradebook([done[n] for n in order if n in done], questions, output)

    options = Options(
        jobs=jobs or Options().jobs,
        limits=Limits(memory=memory * 2**20, cpu=int(timeout) + 10),
        budget=Budget(cell=min(Budget.cell, timeout), call=min(Budget.call, timeout), submission=timeout),
    )
    rows = grade_all(
        autograder_zip,
        [(p.name, p) for p in paths],
        options,
        on_outcome=keep,
        on_sandbox=lambda missing: print(describe_sandbox(missing), file=sys.stderr),
    )
    write_summary(rows, questions, output.parent / f"{output.stem}-summary.txt")
    return rows
