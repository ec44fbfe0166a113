"""`rnngrade grade`: a folder of submissions into a gradebook, feedback files and a class summary.

Every submission goes through the one grading engine (autograder.engine): its cells run in a
sandboxed process of their own and the tests run where its code cannot reach. A submission
that cannot be read, hangs or crashes gets its row with a reason; the batch always completes.

Each outcome is kept in the store beside the gradebook (autograder.store) as soon as it is
known, so a batch that is stopped and run again grades only what is missing, and writes the
gradebook an uninterrupted run would have written.

    notas.csv                 one row per student: scores, total, status, reason, who (id, name,
                              email), late, the late penalty, the overrides and the final grade
    notas-final_grades.csv    the same grades in the column layout of otter's final_grades.csv
    notas-summary.txt         per question, the mean and how many got full marks; who is missing
    notas-feedback/           one Markdown and one HTML file per submission (autograder.feedback)
    notas-report.html         the class report (autograder.report)
    notas-canvas.csv, notas-moodle*.csv, notas-moodle-feedback.zip   what an LMS imports
                              (autograder.exports), as the students' downloads call for
    notas.sqlite              the store

Who a submission belongs to is read from the LMS's download (autograder.identity) and, with a
class list, joined to it; the course policy (due date, late rule, extensions, overrides by hand:
autograder.policy) is applied when the gradebook is written, never to the grades kept, so it
survives every regrade, resume and `--fresh`. The gradebook's column names are English keys
that stay the same in every language (spreadsheets, otter's scripts and `rnngrade report`
read them by name); what the terminal and the summary show is in the release's language.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import statistics
import sys
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tqdm import tqdm

from . import assignment as assignments
from . import exports, feedback, identity, report
from .build import DIST, autograder_zip_in
from .engine.batch import Options, grade_all
from .engine.confine import Limits
from .engine.grading import MANIFEST
from .engine.outcome import ERROR, GRADED, Outcome
from .engine.progress import PROGRESS_EVERY
from .engine.session import Budget
from .engine.submission import SUFFIXES, choose
from .engine.text import clean
from .page import language_of, wording
from .page import points as shown
from .policy import (
    MISSING,
    NO,
    UNKNOWN,
    YES,
    Line,
    Policy,
    apply,
    line,
    parse_due,
    read_extensions,
    read_overrides,
    read_times,
    unused,
)
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
    """text as a spreadsheet shows it: on one line, without control characters (a file name may
    hold a newline or a terminal's escape), never as a formula (it may start with '=')."""
    text = report.shown_name(text)
    return "'" + text if text[:1] in report.FORMULA_STARTS else text  # report.unquoted undoes it


IDENTITY = ["id", "name", "email"]
POLICY_COLUMNS = ["late", "late_penalty", "overrides", "final"]


def lines_of(rows: Sequence[Outcome | Line]) -> list[Line]:
    """Rows as the gradebook's lines: an outcome alone is a plain submission under no policy."""
    return [
        row
        if isinstance(row, Line)
        else line(Policy(), identity.Student(row.submission, None), row, row.possible)
        for row in rows
    ]


def _late_word(row: Line) -> str:
    return f"{row.late}:{row.days}" if row.late == YES and row.days else row.late


def write_gradebook(rows: Sequence[Outcome | Line], questions: list[str], path: Path) -> None:
    """The gradebook CSV: submission, the questions, total (as graded), possible, status,
    reason; then id, name, email, late ("yes:<days>", "no", "unknown" or ""), late_penalty and
    overrides (points) and final. Column names and status values are machine keys."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(
            ["submission", *questions, "total", "possible", "status", "reason", *IDENTITY, *POLICY_COLUMNS]
        )
        for row in lines_of(rows):
            s = row.student
            reason = "; ".join(p for p in (row.reason, *row.notes) if p)
            writer.writerow(
                [
                    cell(s.submission),
                    *(f"{row.outcome.scores[q] if row.outcome else 0.0:g}" for q in questions),
                    f"{row.raw:g}",
                    f"{row.total_possible:g}",
                    row.status,
                    cell(clean(reason, 1000)),
                    cell(s.id),
                    cell(s.name),
                    cell(s.email),
                    _late_word(row),
                    f"{row.penalty:g}",
                    f"{row.overrides:g}",
                    f"{row.final:g}",
                ]
            )


def _names(rows: Sequence[str], limit: int = 12) -> str:
    shown = [clean(r, 80) for r in rows[:limit]]
    return ", ".join(shown) + (f", … (+{len(rows) - limit})" if len(rows) > limit else "")


def summary(
    rows: Sequence[Outcome | Line],
    questions: list[str],
    *,
    language: str = "es",
    unmatched: Sequence[str] = (),
    ignored: Sequence[str] = (),
    unused: Sequence[str] = (),
    policy: Policy | None = None,
) -> str:
    """The class at a glance, in the release's language: how many submissions and graded; per
    question, the mean score (with the overrides) and how many got full marks; the final
    grade's; who is missing, which submissions match nobody, which files were not graded."""
    say = wording(language)
    lines = lines_of(rows)
    handed = [r for r in lines if r.status != MISSING]
    graded = [r for r in lines if r.status == GRADED]
    errors = len(handed) - len(graded)
    out = [say("summary_counts", count=len(handed), graded=len(graded), errors=errors)]
    if policy is not None and policy != Policy():
        out.append(f"{say('policy_title')}: {describe(policy, say)}")
    width = max((len(q) for q in [*questions, say("table_final")]), default=6)
    for q in [*questions, "final"]:
        scores = [r.final if q == "final" else r.scores[q] for r in graded]
        first = lines[0].possible if lines else {}
        possible = sum(first.values()) if q == "final" else first.get(q, 0.0)
        full = sum(score >= possible for score in scores)
        mean = statistics.mean(scores) if scores else 0.0
        label = say("table_final") if q == "final" else q
        out.append(
            say(
                "summary_question",
                question=label.ljust(width),
                mean=f"{mean:5.2f}",
                possible=shown(possible),
                full=full,
                graded=len(graded),
            )
        )
    missing = [r.student.name or r.student.id or r.student.email for r in lines if r.status == MISSING]
    for key, names in (
        ("summary_missing", missing),
        ("summary_unmatched", unmatched),
        ("summary_ignored", ignored),
    ):
        if names:
            out.append(say(key, count=len(names), names=_names(list(names))))
    if unused:
        out.append(say("summary_unused", names=_names(list(unused))))
    return "\n".join(out)


def describe(policy: Policy, say: Callable[..., str]) -> str:
    """The course policy in a few words, in the release's language."""
    parts = []
    if policy.due is not None:
        parts.append(say("policy_due", due=policy.due.isoformat(timespec="minutes")))
    if policy.penalty:
        parts.append(say("policy_late", penalty=shown(policy.penalty), cap=shown(policy.cap)))
    if policy.extensions:
        parts.append(say("policy_extensions", count=len(policy.extensions)))
    if policy.overrides:
        parts.append(say("policy_overrides", count=len(policy.overrides)))
    if policy.times:
        parts.append(say("policy_times", count=len(policy.times)))
    return "; ".join(parts) or say("policy_none")


FINAL_GRADES_FIRST_ROW = "points-per-question"


def write_final_grades(rows: Sequence[Outcome], questions: list[str], path: Path) -> None:
    """The grades in otter's final_grades.csv layout: file, the questions in otter's (text)
    order, total_points_earned, percent_correct, grading_status; first a row of points. One
    row per submission, as graded (the course policy is in the gradebook)."""
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


def table(rows: Sequence[Outcome | Line], questions: list[str], *, language: str = "es") -> str:
    """The gradebook as an aligned text table for the terminal, in the release's language; the
    columns of who (id, name), lateness and overrides only when some row has them."""
    say = wording(language)
    lines = lines_of(rows)
    who = any(r.student.id or r.student.name for r in lines)
    late = any(r.late for r in lines)
    overrides = any(r.notes for r in lines)
    header = [say("table_submission")]
    header += [say("table_id"), say("table_name")] if who else []
    header += [*questions, say("table_total")]
    header += [say("table_late"), say("table_penalty")] if late else []
    header += [say("table_overrides")] if overrides else []
    header += [say("table_final"), say("table_reason")]
    words = {YES: say("late_yes"), NO: say("late_no"), UNKNOWN: say("late_unknown"), "": ""}
    body = []
    for r in lines:
        s = r.student
        row = [clean(s.submission, 60) or "—"]
        row += [clean(s.id, 24), clean(s.name, 40)] if who else []
        row += [shown(r.outcome.scores[q]) if r.outcome is not None else "—" for q in questions]
        row += [f"{shown(r.raw)}/{shown(r.total_possible)}"]
        if late:
            row += [
                words[r.late] + (f" ({r.days})" if r.late == YES and r.days else ""),
                f"-{shown(r.penalty)}" if r.penalty else "",
            ]
        if overrides:
            row += [f"{r.overrides:+g}" if r.notes else ""]
        status = say(f"status_{r.status}") if r.status != GRADED else ""
        reason = "; ".join(p for p in (status, r.reason, *r.notes) if p)
        row += [shown(r.final), clean(reason, 200)]
        body.append(row)
    widths = [max(len(str(line[i])) for line in [header, *body]) for i in range(len(header))]
    return "\n".join(
        "  ".join(str(c).ljust(w) for c, w in zip(line, widths)).rstrip() for line in [header, *body]
    )


def as_json(book: Gradebook) -> dict[str, Any]:
    """The machine-readable summary that `rnngrade grade --json` prints."""
    students = [
        {
            "submission": clean(r.student.submission) or None,
            "id": r.student.id,
            "name": r.student.name,
            "email": r.student.email,
            "raw": r.raw,
            "penalty": r.penalty,
            "overrides": r.overrides,
            "override_reasons": [clean(n) for n in r.notes],
            "final": r.final,
            "possible": r.total_possible,
            "late": r.late,
            "days_late": r.days,
            "status": r.status,
            "reason": clean(r.reason, 1000),
            "matched": r.matched,
        }
        for r in book.lines
    ]
    handed = [r for r in book.lines if r.status != MISSING]
    finals = [r.final for r in book.lines if r.status == GRADED]
    return {
        "assignment": book.manifest.get("assignment", ""),
        "language": language_of(book.manifest),
        "students": students,
        "totals": {
            "students": len(book.lines),
            "submissions": len(handed),
            "graded": sum(r.status == GRADED for r in book.lines),
            "not_gradable": sum(r.status == ERROR for r in book.lines),
            "missing": sum(r.status == MISSING for r in book.lines),
            "late": sum(r.late == YES for r in book.lines),
            "mean_final": round(statistics.mean(finals), 4) if finals else None,
        },
        "unmatched": [clean(n) for n in book.unmatched],
        "ignored": list(book.ignored),
        "unused_in_policy": list(book.unused),
        "policy": book.policy.to_dict(),
        "files": {k: str(v) for k, v in book.files.items()},
    }


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


@dataclasses.dataclass(frozen=True)
class Gradebook:
    """What a batch wrote: the outcomes (one per submission, in the gradebook's order), the
    gradebook's lines (one per student, the policy applied), and what the summary lists."""

    outcomes: list[Outcome]
    lines: list[Line]
    questions: list[str]
    manifest: dict
    policy: Policy
    unmatched: list[str]
    ignored: list[str]
    unused: list[str]
    files: dict[str, Path]


def course_policy(
    questions: list[str],
    *,
    due: str | None,
    late_penalty: float | None,
    late_cap: float | None,
    extensions: str | Path | None,
    overrides: str | Path | None,
    submitted: str | Path | None = None,
) -> dict[str, Any]:
    """The parts of the course policy that this run's options give (see Policy.combined);
    BadPolicy (a ValueError, one line) for a date without a zone or a file that will not do."""
    return {
        "due": parse_due(due) if due is not None else None,
        "penalty": late_penalty,
        "cap": late_cap,
        "extensions": read_extensions(extensions) if extensions is not None else None,
        "overrides": read_overrides(overrides, questions) if overrides is not None else None,
        "times": read_times(submitted) if submitted is not None else None,
    }


def main(**options: Any) -> list[Outcome]:
    """Grade every submission (see `run`, which takes the same options); the outcomes, one per
    submission, in the gradebook's order."""
    return run(**options).outcomes


def run(
    *,
    assignment: str,
    submissions: str | Path,
    output: str | Path = "gradebook.csv",
    autograder: str | Path | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    memory: int = DEFAULT_MEMORY,
    jobs: int | None = None,
    fresh: bool = False,
    roster: str | Path | None = None,
    due: str | None = None,
    late_penalty: float | None = None,
    late_cap: float | None = None,
    extensions: str | Path | None = None,
    overrides: str | Path | None = None,
    submitted: str | Path | None = None,
    clear_policy: bool = False,
    lms_column: str | None = None,
    progress_every: float = PROGRESS_EVERY,
) -> Gradebook:
    """Grade every submission in `submissions`; write the gradebook, its exports and feedback.

    autograder -- the zip; default dist/autograder/<assignment>-autograder.zip
    timeout -- seconds for one submission; memory -- MiB for its process
    jobs -- how many submissions are graded at once (default: one per core)
    fresh -- grade everything again, even what the store already has
    roster -- a class list (CSV: id, name, email): its students without a submission get a
              MISSING row, and the submissions matching nobody are listed
    due, late_penalty, late_cap, extensions, overrides, submitted -- the course policy
              (autograder.policy; submitted: the file of when each handed in);
              a part not given, and the class list when none is, are the last run's (kept in
              the store); clear_policy forgets what the last run kept
    lms_column -- the assignment's column title in the Canvas and Moodle exports
              (default: the assignment's name; "Title (12345)" updates Canvas assignment 12345)
    progress_every -- seconds between the lines on stderr that say what of a submission is
              still running, while one is graded that long (engine.progress)
    Raises BadInput (nothing written) for a folder, zip or output that will not do,
    identity.BadList and policy.BadPolicy (ValueErrors, nothing written) for a class list or
    policy that will not do, and store.StoreError for a store of another assignment or in use.
    A folder with no submission in it is a BadInput; Ctrl-C while grading raises Interrupted
    (the gradebook then holds what was kept).
    """
    chosen = assignments.load(assignment)
    autograder_zip = Path(autograder or autograder_zip_in(DIST, assignment))
    output = Path(output)
    check_paths(Path(submissions), output, autograder_zip)
    manifest = read_manifest(autograder_zip, assignment)
    questions = list(chosen.questions)
    given = course_policy(
        questions,
        due=due,
        late_penalty=late_penalty,
        late_cap=late_cap,
        extensions=extensions,
        overrides=overrides,
        submitted=submitted,
    )
    class_list = identity.read_roster(Path(roster)) if roster is not None else None
    found = identity.read_folder(Path(submissions), manifest["notebook"])
    todo_all = found.submissions
    if not todo_all:
        raise BadInput(
            f"no submissions in {submissions}: no {', '.join(SUFFIXES)} file and no student folder"
        )
    possible = points(chosen)
    zip_hash = file_hash(autograder_zip)
    output.parent.mkdir(parents=True, exist_ok=True)
    folder = feedback.feedback_folder(output)
    files = feedback.safe_names([name for name, _ in todo_all])  # "ana.ipynb" and "ana.zip" apart
    done: dict[str, Outcome] = {}
    order = [name for name, _ in todo_all]
    with writing(store_path(output), assignment) as store:
        if fresh:
            store.forget(zip_hash)
        store.manifest = manifest
        kept = {} if clear_policy else store.gradebook
        policy = Policy.from_dict(kept.get("policy", {})).combined(given)
        if class_list is None and kept.get("class_list") is not None:
            class_list = [identity.Student.from_dict(s) for s in kept["class_list"]]
        if class_list is not None:
            joined = identity.join(class_list, found.students)
            rows, unmatched = joined.rows, joined.unmatched
        else:
            rows, unmatched = [(s, True) for s in found.students], []
        store.gradebook = {
            "policy": policy.to_dict(),
            "class_list": [s.to_dict() for s in class_list] if class_list is not None else None,
            "students": [[s.to_dict(), matched] for s, matched in rows],
            "ignored": found.ignored,
            "unmatched": unmatched,
            "roster": class_list is not None,
        }
        hashes = {name: content_hash(path, manifest["notebook"]) for name, path in todo_all}
        for name, _ in todo_all:
            known = store.get(name, hashes[name], zip_hash)
            if known is not None:
                done[name] = known
        todo = [(name, path) for name, path in todo_all if name not in done]
        bar = tqdm(
            total=len(todo_all),
            initial=len(done),
            unit="nb",
            disable=not sys.stderr.isatty(),
            file=sys.stderr,
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
            progress_every=progress_every,
        )
        try:
            if todo:
                grade_all(
                    autograder_zip,
                    todo,
                    options,
                    on_outcome=keep,
                    on_sandbox=lambda missing: bar.write(describe_sandbox(missing), file=sys.stderr),
                    on_progress=lambda line: bar.write(line, file=sys.stderr),
                )
        except KeyboardInterrupt:  # counted in the store: Ctrl-C may have come mid-keep()
            stored = sum(store.get(name, hashes[name], zip_hash) is not None for name, _ in todo_all)
            raise Interrupted(stored, str(manifest.get("language", "en"))) from None
        finally:
            bar.close()
            lines = apply(policy, rows, done, possible)
            write_gradebook(lines, questions, output)
    outcomes = [done[name] for name in order if name in done]
    for outcome in outcomes:  # those an earlier run graded, whose files may be gone
        if not (folder / f"{files[outcome.submission]}.html").exists():
            feedback.write(outcome, manifest, folder, files[outcome.submission])
    unused_names = unused(policy, rows)
    language = language_of(manifest)
    written = {"gradebook": output}
    write_final_grades(outcomes, questions, output.parent / f"{output.stem}-final_grades.csv")
    written["final_grades"] = output.parent / f"{output.stem}-final_grades.csv"
    text = summary(
        lines,
        questions,
        language=language,
        unmatched=unmatched,
        ignored=found.ignored,
        unused=unused_names,
        policy=policy,
    )
    written["summary"] = output.parent / f"{output.stem}-summary.txt"
    written["summary"].write_text(text + "\n", encoding="utf-8")
    pages = {name: folder / f"{safe}.html" for name, safe in files.items()}
    for path in exports.write_all(
        lines,
        output,
        column=lms_column or assignment,
        say=wording(language),
        pages=pages,
        assignment=assignment,
    ):
        written[path.stem.removeprefix(output.stem + "-")] = path
    written["report"] = report.main(gradebook=output)
    return Gradebook(
        outcomes, lines, questions, manifest, policy, unmatched, found.ignored, unused_names, written
    )
