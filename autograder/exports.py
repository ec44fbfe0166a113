"""The gradebook in the files an LMS imports, written beside it (`rnngrade grade`).

    notas-canvas.csv            Canvas: Grades > Import. Canvas's GradebookImporter
        (app/models/gradebook_importer.rb) reads a header "Student, ID, SIS User ID, SIS Login
        ID, Section, <assignment>..." (`row_has_student_headers?`: Student, then ID; then
        optionally SIS User ID and SIS Login ID; the last student column must be Section),
        skips a row whose first cell says "Points Possible" (`check_for_non_student_row`) and
        takes the points of each assignment from it, and finds each student by the ID column
        (Canvas's user id: written only from Canvas's file names or a class list exported from
        Canvas, never another number Canvas would take for someone else's id), else by SIS ids,
        else by name. An assignment column named "Title (12345)" updates assignment 12345
        (`Assignment.title_and_id`); another name makes a new assignment. Standard CSV, UTF-8
        (https://developerdocs.instructure.com/services/canvas/sis/file.sis_csv: "Standard CSV
        rules apply ... All text should be UTF-8 encoded"). A row naming nobody is left out.
    notas-moodle.csv            Moodle: Grades > Import > CSV file, mapping "Email address"
        (or "ID number", the class list's id) to the user and the grade column to the
        assignment; "Feedback" maps to its feedback. A row with neither is left out.
    notas-moodle-worksheet.csv  Moodle's offline grading worksheet (assignment > Upload
        grading worksheet), as assignfeedback_offline writes and reads it: "Identifier"
        ("Participant <id>", the participant id of the downloaded folder names), "Full name",
        "Email address", "Status", "Grade", "Maximum Grade", "Grade can be changed", "Last
        modified (submission)", "Last modified (grade)", "Feedback comments". The importer
        (importgradeslib.php) finds its columns by these English header names and parses the
        grade and "Last modified (grade)" (strtotime); so the upload needs Moodle's interface
        in English.
    notas-moodle-feedback.zip   assignment > Upload multiple feedback files in a zip: each
        student's feedback page inside a folder named exactly as the folder of their
        submission in Moodle's download ("<Full Name>_<participant id>_assignsubmission_file_/"),
        which importziplib.php splits at "_" to find the participant.

The sources read are Canvas's and Moodle's own code (github.com/instructure/canvas-lms,
github.com/moodle/moodle, mod/assign/feedback/{offline,file}/), since their help pages show the
layouts only as screenshots.

Which are written: the Canvas file when a submission came from Canvas or the class list has
Canvas's columns; the Moodle files when a submission came from Moodle. Every cell that came
from a submission is made safe (engine.text.clean when it was read) and never a formula
(grade.cell).
"""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from .engine.text import clean
from .identity import KEPT
from .page import points
from .policy import MISSING, YES, Line

CANVAS_COLUMNS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
POINTS_POSSIBLE = "Points Possible"
MOODLE_COLUMNS = ["Full name", "Email address", "ID number"]
WORKSHEET_COLUMNS = [
    "Identifier",
    "Full name",
    "Email address",
    "Status",
    "Grade",
    "Maximum Grade",
    "Grade can be changed",
    "Last modified (submission)",
    "Last modified (grade)",
    "Feedback comments",
]
PARTICIPANT = "Participant "  # Moodle's get_string('hiddenuser', 'assign'), before the id
MONTHS = "January February March April May June July August September October November December".split()


def _cell(text: str) -> str:
    from .grade import cell  # one rule for every CSV this kit writes

    return cell(clean(text, 500))


def _extra(line: Line, key: str) -> str:
    return dict(line.student.extra).get(key, "")


def canvas_wanted(lines: Sequence[Line]) -> bool:
    return any(
        row.student.platform == "canvas" or _extra(row, "sis user id") or _extra(row, "sis login id")
        for row in lines
    )


def moodle_wanted(lines: Sequence[Line]) -> bool:
    return any(row.student.platform == "moodle" for row in lines)


def _canvas_id(line: Line) -> str:
    """Canvas's user id of a row, from Canvas's file names or a class list exported from Canvas
    (one with its SIS or Section columns); never another number (a Gradescope SID, a student
    number), which Canvas would take for the id of someone else."""
    s = line.student
    if s.platform == "canvas":
        return s.id if s.id.isdigit() else ""
    if any(key in dict(s.extra) for key in KEPT):
        listed = _extra(line, "list id") or (s.id if s.platform == "plain" else "")
        return listed if listed.isdigit() else ""
    return ""


def grade_cell(line: Line, now: dt.datetime | None = None) -> str:
    """The grade an LMS import is given: the final grade; blank (the LMS keeps what it has) for
    a student with no submission whose deadline (an extension) has not passed."""
    now = now or dt.datetime.now(dt.UTC)
    if line.status == MISSING and line.due is not None and line.due > now:
        return ""
    return points(line.final)


def write_canvas(
    lines: Sequence[Line], path: Path, column: str, possible: float, now: dt.datetime | None = None
) -> Path:
    """The Canvas gradebook import (see the module's docstring): a row per student with the
    final grade (grade_cell)."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow([*CANVAS_COLUMNS, column])
        writer.writerow([POINTS_POSSIBLE, "", "", "", "", points(possible)])
        for line in lines:
            student = line.student
            canvas_id = _canvas_id(line)
            sis = (_extra(line, "sis user id"), _extra(line, "sis login id"))
            if not (canvas_id or any(sis) or student.name):
                continue  # a file that names nobody: Canvas could only ask whom it is for
            writer.writerow(
                [
                    _cell(student.name or student.submission),
                    canvas_id,
                    _cell(_extra(line, "sis user id")),
                    _cell(_extra(line, "sis login id")),
                    _cell(_extra(line, "section")),
                    grade_cell(line, now),
                ]
            )
    return path


def comment(line: Line, say: Callable[..., str]) -> str:
    """What Moodle shows as the feedback comment: the grade, each question's points, the late
    penalty and the overrides with their reasons, on one line."""
    parts = [say("feedback_total", score=points(line.final), possible=points(line.total_possible))]
    if line.status == MISSING:
        return f"{parts[0]} ({say('status_missing')})"
    parts.append(", ".join(f"{q} {points(s)}/{points(line.possible[q])}" for q, s in line.scores.items()))
    if line.late == YES and line.penalty:
        parts.append(f"{say('table_penalty')} −{points(line.penalty)} ({points(line.percent)}%)")
    if line.notes:
        parts.append(f"{say('table_overrides')}: " + "; ".join(line.notes))
    return clean(". ".join(parts), 2000)


def write_moodle(
    lines: Sequence[Line], path: Path, column: str, say: Callable[..., str], now: dt.datetime | None = None
) -> Path:
    """The Moodle gradebook CSV import: name, email, ID number, the grade (grade_cell) and a
    feedback column."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow([*MOODLE_COLUMNS, column, "Feedback"])
        for line in lines:
            s = line.student
            # a participant id is no ID number: the class list's id, when there is one
            number = _extra(line, "list id") or (s.id if s.platform != "moodle" else "")
            if not (s.email or number):
                continue  # nothing Moodle's import can map to a user
            writer.writerow(
                [
                    _cell(s.name),
                    _cell(s.email),
                    _cell(number),
                    grade_cell(line, now),
                    _cell(comment(line, say)),
                ]
            )
    return path


def moodle_time(when: dt.datetime) -> str:
    """A time as Moodle's worksheet writes it ("7 December 2026, 1:30 AM"), which PHP's strtotime reads."""
    hour, half = when.hour % 12 or 12, "AM" if when.hour < 12 else "PM"
    return f"{when.day} {MONTHS[when.month - 1]} {when.year}, {hour}:{when.minute:02d} {half}"


def write_worksheet(
    lines: Sequence[Line], path: Path, say: Callable[..., str], now: dt.datetime | None = None
) -> Path:
    """Moodle's offline grading worksheet (see the module's docstring), one row per Moodle participant."""
    now = now or dt.datetime.now().astimezone()
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(WORKSHEET_COLUMNS)
        for line in lines:
            s = line.student
            if s.platform != "moodle" or not s.id.isdigit():
                continue
            writer.writerow(
                [
                    f"{PARTICIPANT}{s.id}",
                    _cell(s.name),
                    _cell(s.email),
                    "No submission" if line.status == MISSING else "Submitted for grading",
                    grade_cell(line, now),
                    points(line.total_possible),
                    "Yes",
                    "-",
                    moodle_time(now),
                    _cell(comment(line, say)),
                ]
            )
    return path


def feedback_entry(assignment: str) -> str:
    """The name of a student's feedback page inside Moodle's feedback zip."""
    return f"feedback-{assignment}.html"


def write_feedback_zip(lines: Sequence[Line], path: Path, pages: Mapping[str, Path], assignment: str) -> Path:
    """Moodle's "upload multiple feedback files in a zip": each Moodle student's feedback page
    in a folder named as the folder of their submission. pages -- submission -> its HTML page."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for line in lines:
            s = line.student
            page = pages.get(s.submission)
            if s.platform == "moodle" and s.folder and page is not None and page.is_file():
                archive.write(page, f"{s.folder}/{feedback_entry(assignment)}")
    return path


def paths(gradebook: Path) -> dict[str, Path]:
    """Where each export of a gradebook goes: notas.csv -> notas-canvas.csv, ..."""
    stem = gradebook.stem
    return {
        "canvas": gradebook.with_name(f"{stem}-canvas.csv"),
        "moodle": gradebook.with_name(f"{stem}-moodle.csv"),
        "worksheet": gradebook.with_name(f"{stem}-moodle-worksheet.csv"),
        "feedback": gradebook.with_name(f"{stem}-moodle-feedback.zip"),
    }


def write_all(
    lines: Sequence[Line],
    gradebook: Path,
    *,
    column: str,
    say: Callable[..., str],
    pages: Mapping[str, Path],
    assignment: str,
) -> list[Path]:
    """Every export the gradebook's students call for (see the module's docstring); their paths."""
    where = paths(gradebook)
    possible = max((row.total_possible for row in lines), default=0.0)
    written = []
    if canvas_wanted(lines):
        written.append(write_canvas(lines, where["canvas"], column, possible))
    if moodle_wanted(lines):
        written.append(write_moodle(lines, where["moodle"], column, say))
        written.append(write_worksheet(lines, where["worksheet"], say))
        written.append(write_feedback_zip(lines, where["feedback"], pages, assignment))
    return written
