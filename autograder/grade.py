"""`rnngrade grade`: a folder of submissions into a gradebook, feedback files and a class summary.

Every submission goes through the one grading engine (autograder.engine): its cells run in a
sandboxed process of their own and the tests run where its code cannot reach. A submission
that cannot be read, hangs or crashes gets its row with a reason; the batch always completes.

Each outcome is kept in the store beside the gradebook (autograder.store) as soon as it is
known, so a batch that is stopped and run again grades only what is missing, and writes the
gradebook an uninterrupted run would have written.

    notas.csv                 one row per submission: scores, total, status, reason
    notas-final_grades.csv    the same grades in the column layout of otter's final_grades.csv
    notas-summary.txt         per question, the mean and how many got full marks
    notas-feedback/           one Markdown and one HTML file per student (autograder.feedback)
    notas-report.html         the class report (autograder.report)
    notas.sqlite              the store
"""

from __future__ import annotations

import csv
import json
import os
import sys
import zipfile
from pathlib import Path

from tqdm import tqdm

from . import assignment as assignments
from . import feedback, report
from .build import DIST, autograder_zip_in
from .engine.batch import Options, grade_all
from .engine.confine import Limits
from .engine.grading import MANIFEST
from .engine.outcome import ERROR, Outcome
from .engine.session import Budget
from .engine.submission import SUFFIXES, choose
from .store import file_hash, store_path, writing

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


def submissions_in(folder: Path) -> list[tuple[str, Path]]:
    """(identifier, path) of each submission in folder, by identifier: every .ipynb, .zip and
    .py at its top (the file's name is the identifier), and every subfolder, one student's as
    LMS downloads give them (the folder's name is the identifier; its notebook is graded)."""
    found = [
        (path.name, path)
        for path in Path(folder).iterdir()
        if (path.is_file() and path.suffix in SUFFIXES) or (path.is_dir() and not path.name.startswith("."))
    ]
    return sorted(found)


def content_hash(path: Path, notebook: str) -> str:
    """The hash of what is graded of a submission: its file, or the file chosen in its folder."""
    if path.is_dir():
        chosen = choose(path, notebook)
        return file_hash(chosen) if chosen is not None else "none:" + ",".join(sorted(os.listdir(path)))
    return file_hash(path)


def cell(text: str) -> str:
    """text as a spreadsheet shows it, never as a formula (a file name may start with '=')."""
    return "'" + text if text[:1] in report.FORMULA_STARTS else text  # report.unquoted undoes it


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


FINAL_GRADES_FIRST_ROW = "points-per-question"


def write_final_grades(rows: list[Outcome], questions: list[str], path: Path) -> None:
    """The grades in otter's final_grades.csv layout: file, the questions in otter's (text)
    order, total_points_earned, percent_correct, grading_status; first a row of points."""
    ordered = sorted(questions)
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["file", *ordered, "total_points_earned", "percent_correct", "grading_status"])
        if rows:
            possible = rows[0].possible
            total = sum(possible.values())
            writer.writerow(
                [FINAL_GRADES_FIRST_ROW, *(f"{possible[q]:g}" for q in ordered), f"{total:g}", 1, "--"]
            )
        for row in rows:
            status = "Completed" if row.status != ERROR else cell(row.reason)
            percent = row.total / row.total_possible if row.total_possible else 0.0
            scores = (f"{row.scores[q]:g}" for q in ordered)
            writer.writerow([cell(row.submission), *scores, f"{row.total:g}", f"{percent:.4g}", status])


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


class BadInput(ValueError):
    """A batch that cannot start: its reason, in one line."""


class Interrupted(KeyboardInterrupt):
    """Ctrl-C while the batch graded: `kept` submissions have their outcome in the store (a run
    of the same command grades only the others); `language` is the autograder's."""

    def __init__(self, kept: int, language: str) -> None:
        super().__init__(kept, language)
        self.kept, self.language = kept, language


def check_paths(submissions: Path, output: Path, autograder_zip: Path) -> None:
    """BadInput, before anything is written, for a folder or an output that will not do."""
    if not submissions.is_dir():
        raise BadInput(f"no folder of submissions at {submissions}")
    if not os.access(submissions, os.R_OK | os.X_OK):
        raise BadInput(f"cannot read the folder {submissions}")
    if not autograder_zip.is_file():
        raise BadInput(f"no autograder zip at {autograder_zip}: run `rnngrade build` first")
    folder = output.parent
    while not folder.exists():
        folder = folder.parent
    if not os.access(folder, os.W_OK | os.X_OK) or (output.exists() and not os.access(output, os.W_OK)):
        raise BadInput(f"cannot write {output}")


def read_manifest(autograder_zip: Path, assignment: str) -> dict:
    """The zip's rnngrade.json; BadInput if it is not an autograder zip of this assignment."""
    try:
        with zipfile.ZipFile(autograder_zip) as archive:
            manifest = json.loads(archive.read(MANIFEST))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise BadInput(f"{autograder_zip} is not an autograder zip of this kit: rebuild it") from None
    if manifest.get("assignment") != assignment:
        raise BadInput(f"{autograder_zip} grades {manifest.get('assignment')!r}, not {assignment!r}")
    return dict(manifest)


def main(
    *,
    assignment: str,
    submissions: str | Path,
    output: str | Path = "gradebook.csv",
    autograder: str | Path | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    memory: int = DEFAULT_MEMORY,
    jobs: int | None = None,
    fresh: bool = False,
) -> list[Outcome]:
    """Grade every submission in `submissions`; write the gradebook, its exports and feedback.

    autograder -- the zip; default dist/autograder/<assignment>-autograder.zip
    timeout -- seconds for one submission; memory -- MiB for its process
    jobs -- how many submissions are graded at once (default: one per core)
    fresh -- grade everything again, even what the store already has
    Raises BadInput (nothing written) for a folder, zip or output that will not do, or a folder
    with no submission in it, store.StoreError for a store of another assignment or in use by
    another batch, and Interrupted on Ctrl-C while grading (the gradebook then holds what was kept).
    """
    chosen = assignments.load(assignment)
    autograder_zip = Path(autograder or autograder_zip_in(DIST, assignment))
    output = Path(output)
    check_paths(Path(submissions), output, autograder_zip)
    manifest = read_manifest(autograder_zip, assignment)
    found = submissions_in(Path(submissions))
    if not found:
        raise BadInput(
            f"no submissions in {submissions}: no {', '.join(SUFFIXES)} file and no student folder"
        )
    questions = list(chosen.questions)
    zip_hash = file_hash(autograder_zip)
    output.parent.mkdir(parents=True, exist_ok=True)
    folder = feedback.feedback_folder(output)
    files = feedback.safe_names([name for name, _ in found])  # "ana.ipynb" and "ana.zip" apart
    done: dict[str, Outcome] = {}
    order = [name for name, _ in found]
    with writing(store_path(output), assignment) as store:
        if fresh:
            store.forget(zip_hash)
        store.manifest = manifest
        hashes = {name: content_hash(path, manifest["notebook"]) for name, path in found}
        for name, _ in found:
            known = store.get(name, hashes[name], zip_hash)
            if known is not None:
                done[name] = known
        todo = [(name, path) for name, path in found if name not in done]
        bar = tqdm(
            total=len(found), initial=len(done), unit="nb", disable=not sys.stderr.isatty(), file=sys.stderr
        )
        errors = sum(o.status == ERROR for o in done.values())

        def keep(outcome: Outcome) -> None:
            # kept as each submission finishes: a batch stopped at any moment loses nothing
            nonlocal errors
            store.put(hashes[outcome.submission], zip_hash, outcome)
            done[outcome.submission] = outcome
            feedback.write(outcome, manifest, folder, files[outcome.submission])
            errors += outcome.status == ERROR
            bar.update(1)
            bar.set_postfix(errors=errors)

        options = Options(
            jobs=jobs or Options().jobs,
            limits=Limits(memory=memory * 2**20, cpu=int(timeout) + 10),
            budget=Budget(cell=min(Budget.cell, timeout), call=min(Budget.call, timeout), submission=timeout),
        )
        try:
            if todo:
                grade_all(
                    autograder_zip,
                    todo,
                    options,
                    on_outcome=keep,
                    on_sandbox=lambda missing: bar.write(describe_sandbox(missing), file=sys.stderr),
                )
        except KeyboardInterrupt:  # counted in the store: Ctrl-C may have come mid-keep()
            kept = sum(store.get(name, hashes[name], zip_hash) is not None for name, _ in found)
            raise Interrupted(kept, str(manifest.get("language", "en"))) from None
        finally:
            bar.close()
            rows = [done[name] for name in order if name in done]
            write_gradebook(rows, questions, output)
    for row in rows:  # those an earlier run graded, whose files may be gone
        if not (folder / f"{files[row.submission]}.html").exists():
            feedback.write(row, manifest, folder, files[row.submission])
    write_final_grades(rows, questions, output.parent / f"{output.stem}-final_grades.csv")
    write_summary(rows, questions, output.parent / f"{output.stem}-summary.txt")
    report.main(gradebook=output)
    return rows
