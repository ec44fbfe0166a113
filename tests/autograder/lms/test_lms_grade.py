"""`rnngrade grade` on the folders Canvas, Moodle and Gradescope give, with a class list and a
course policy: a row per student with who they are, late, penalty, overrides and final grade;
the students missing and the submissions matching nobody listed; the policy surviving a
SIGKILL, a resume and --fresh. The engine is a stand-in (folders.stand_in): what is tested is
who gets which grade; tests/autograder/lms/test_lms_real.py grades for real."""

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from autograder import cli, grade, report
from autograder.store import store_path
from rnncheck.messages import MESSAGES
from tests.autograder.lms import folders

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def asked(monkeypatch):
    """The submissions each call of the (stand-in) engine was asked to grade."""
    calls: list[list[str]] = []
    monkeypatch.setattr(grade, "grade_all", folders.stand_in(calls))
    return calls


def gradebook(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def roster(tmp_path: Path, text: str) -> Path:
    return folders.write(tmp_path / "lista.csv", text)


def test_a_gradescope_export_is_graded_one_submission_folder_per_student_with_their_sid(tmp_path, asked):
    book = folders.run(tmp_path, folders.gradescope(tmp_path / "export"))
    assert asked == [["submission_111", "submission_222", "submission_333"]]  # not one row at 0
    rows = gradebook(tmp_path / "out" / "notas.csv")
    assert [(r["submission"], r["id"], r["name"], r["status"]) for r in rows] == [
        ("submission_111", "A001", "María García", "graded"),
        ("submission_222", "A002", "José Núñez", "graded"),
        ("submission_222", "A004", "Beto Ramírez", "graded"),  # the group's grade, for each of them
        ("submission_333", "", "", "graded"),
    ]
    assert [r.final for r in book.lines] == [25.5] * 4


def test_a_canvas_download_with_a_class_list_lists_the_missing_and_the_unmatched(tmp_path, asked):
    book = folders.run(
        tmp_path,
        folders.canvas(tmp_path / "canvas"),
        roster=roster(tmp_path, folders.CANVAS_ROSTER),
        due=folders.DUE,
        late_penalty=10,
    )
    rows = gradebook(tmp_path / "out" / "notas.csv")
    assert [(r["id"], r["name"], r["late"], r["status"], r["final"]) for r in rows] == [
        ("10037", "García, María", "yes:1", "graded", "22.95"),  # Canvas's _LATE: one started day
        ("10041", "Núñez, José", "no", "graded", "20.5"),
        ("10050", "Ortega, Ana Lucía", "", "missing", "0"),
        ("", "", "unknown", "graded", "25.5"),  # the stray notebook
    ]
    assert book.unmatched == ["copia_profesor.ipynb"]
    summary = (tmp_path / "out" / "notas-summary.txt").read_text(encoding="utf-8")
    say = MESSAGES["es"]
    assert say["summary_missing"].format(count=1, names="Ortega, Ana Lucía") in summary
    assert say["summary_unmatched"].format(count=1, names="copia_profesor.ipynb") in summary
    assert "leeme.txt" in summary  # a file that is no submission is said, not silently dropped
    canvas = list(csv.reader((tmp_path / "out" / "notas-canvas.csv").open(encoding="utf-8")))
    assert canvas[2] == ["García, María", "10037", "A001", "mgarcia", "Grupo 1", "22.95"]
    page = report.report_path(tmp_path / "out" / "notas.csv").read_text(encoding="utf-8")
    assert 'class="missing"' in page and "Ortega, Ana Lucía" in page and 'class="unmatched"' in page


def test_a_moodle_download_gives_the_worksheet_and_the_feedback_zip(tmp_path, asked):
    folders.run(tmp_path, folders.moodle(tmp_path / "moodle"), roster=roster(tmp_path, folders.MOODLE_ROSTER))
    out = tmp_path / "out"
    worksheet = gradebook(out / "notas-moodle-worksheet.csv")
    assert [(r["Identifier"], r["Full name"], r["Email address"]) for r in worksheet] == [
        ("Participant 50026", "Ana Lucía Ortega", "ana.ortega@uni.mx"),
        ("Participant 50031", "Beto Ramírez", "beto.ramirez@uni.mx"),
    ]
    moodle = gradebook(out / "notas-moodle.csv")
    assert [(r["Email address"], r["ID number"]) for r in moodle] == [
        ("ana.ortega@uni.mx", "2026001"),
        ("beto.ramirez@uni.mx", "2026002"),
        ("carla.diaz@uni.mx", "2026003"),  # missing: 0
    ]
    import zipfile

    with zipfile.ZipFile(out / "notas-moodle-feedback.zip") as archive:
        assert archive.namelist() == [
            "Ana Lucía Ortega_50026_assignsubmission_file_/feedback-rnn_forward.html",
            "Beto Ramírez_50031_assignsubmission_file_/feedback-rnn_forward.html",
        ]


def test_the_terminal_table_and_summary_are_in_the_releases_language(tmp_path, asked):
    for language in ("es", "en"):
        book = folders.run(tmp_path / language, folders.gradescope(tmp_path / "export"), language)
        say = MESSAGES[language]
        table = grade.table(book.lines, book.questions, language=language)
        assert table.split()[:2] == [say["table_submission"], say["table_id"]]
        text = (tmp_path / language / "out" / "notas-summary.txt").read_text(encoding="utf-8")
        assert text.startswith(say["summary_counts"].format(count=4, graded=3, errors=0).split(",")[0])


def test_grade_json_prints_the_summary_and_nothing_else(tmp_path, asked):
    export = folders.gradescope(tmp_path / "export")
    listed = roster(tmp_path, folders.GRADESCOPE_ROSTER)
    zip_path = folders.autograder_zip(tmp_path / "dist")
    arguments = [
        "grade",
        "rnn_forward",
        str(export),
        "-o",
        str(tmp_path / "n.csv"),
        "--autograder",
        str(zip_path),
    ]
    arguments += ["--roster", str(listed), "--due", folders.DUE, "--late-penalty", "10", "--json"]
    result = CliRunner().invoke(cli.main, arguments)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)  # the whole of stdout is the JSON
    maria = data["students"][0]
    assert {
        k: maria[k] for k in ("id", "name", "raw", "penalty", "final", "status", "late", "days_late")
    } == {
        "id": "A001",
        "name": "María García",
        "raw": 25.5,
        "penalty": 5.1,
        "final": 20.4,
        "status": "graded",
        "late": "yes",
        "days_late": 2,
    }
    assert data["totals"]["missing"] == 1 and data["unmatched"] == ["submission_333"]


def test_a_due_date_without_a_zone_exits_2_with_one_line_and_writes_nothing(tmp_path, asked):
    arguments = [
        "grade",
        "rnn_forward",
        str(folders.gradescope(tmp_path / "export")),
        "-o",
        str(tmp_path / "o" / "n.csv"),
    ]
    arguments += ["--autograder", str(folders.autograder_zip(tmp_path / "dist")), "--due", "2026-03-01 23:59"]
    result = CliRunner().invoke(cli.main, arguments)
    assert result.exit_code == 2 and "no time zone" in result.output
    assert len(result.output.strip().splitlines()) == 1 and not (tmp_path / "o").exists() and asked == []


def kept(output: Path) -> int:
    """How many outcomes the store beside output holds, read without writing to it."""
    try:
        with sqlite3.connect(f"file:{store_path(output)}?mode=ro", uri=True) as db:
            return db.execute("SELECT COUNT(*) FROM outcomes").fetchone()[0]
    except sqlite3.OperationalError:  # not there yet, or its tables not yet
        return 0


# The batch that is killed: the stand-in engine keeps two grades, then hangs until it is killed.
KILLED = """
import sys, time
from autograder import cli, grade
from tests.autograder.lms import folders

def hangs(autograder_zip, submissions, options, on_outcome, on_sandbox, on_progress=None):
    for number, (name, _) in enumerate(submissions):
        if number == 2:
            time.sleep(3600)
        on_outcome(folders.outcome_of(name))

grade.grade_all = hangs
cli.main(sys.argv[1:])
"""


def test_an_override_and_a_late_penalty_survive_a_sigkill_a_resume_and_fresh(tmp_path, asked):
    export = folders.gradescope(tmp_path / "export")
    folders.write(export / "submission_444" / "rnn_forward.ipynb")  # four to grade: killed after two
    listed = roster(tmp_path, folders.GRADESCOPE_ROSTER)
    overrides = folders.write(tmp_path / "ajustes.csv", "id,question,points,reason\nA001,q3,2,copied code\n")
    zip_path = folders.autograder_zip(tmp_path / "dist")
    policy = [
        "--roster",
        str(listed),
        "--due",
        folders.DUE,
        "--late-penalty",
        "10",
        "--overrides",
        str(overrides),
    ]

    def command(output: Path) -> list[str]:
        return [
            "grade",
            "rnn_forward",
            str(export),
            "-o",
            str(output),
            "--autograder",
            str(zip_path),
            *policy,
        ]

    whole = tmp_path / "whole" / "notas.csv"  # the gradebook of an uninterrupted run
    assert CliRunner().invoke(cli.main, command(whole)).exit_code == 0
    expected = gradebook(whole)
    maria = expected[0]
    assert (maria["id"], maria["q3"], maria["overrides"], maria["late"]) == ("A001", "7.5", "-5.5", "yes:2")
    assert (maria["late_penalty"], maria["final"]) == ("4", "16")  # (25.5 - 5.5) * 20%
    assert "q3 -5.5: copied code" in maria["reason"]

    killed = tmp_path / "killed" / "notas.csv"
    batch = subprocess.Popen(
        [sys.executable, "-c", KILLED, *command(killed)],
        cwd=ROOT,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while kept(killed) < 2 and batch.poll() is None:
            time.sleep(0.05)
    finally:
        os.killpg(batch.pid, signal.SIGKILL)  # no chance to clean up
        batch.wait()
    assert kept(killed) == 2

    asked.clear()
    assert CliRunner().invoke(cli.main, command(killed)).exit_code == 0  # the same command again
    assert asked == [["submission_333", "submission_444"]]  # only what the killed run had not kept
    assert killed.read_bytes() == whole.read_bytes()

    asked.clear()
    fresh = ["grade", "rnn_forward", str(export), "-o", str(killed), "--autograder", str(zip_path), "--fresh"]
    assert CliRunner().invoke(cli.main, fresh).exit_code == 0  # no policy option: the kept policy
    assert asked == [["submission_111", "submission_222", "submission_333", "submission_444"]]
    assert killed.read_bytes() == whole.read_bytes()
    page = report.report_path(killed).read_text(encoding="utf-8")
    assert report.main(gradebook=killed) and "−4" in page and "copied code" in page


def test_a_policy_file_naming_nobody_is_said_in_the_summary(tmp_path, asked):
    overrides = folders.write(tmp_path / "ajustes.csv", "id,question,points,reason\nA0O1,q1,0,typo\n")
    book = folders.run(tmp_path, folders.gradescope(tmp_path / "export"), overrides=overrides)
    assert book.unused == ["A0O1"] and all(not r.notes for r in book.lines)
    summary = (tmp_path / "out" / "notas-summary.txt").read_text(encoding="utf-8")
    assert MESSAGES["es"]["summary_unused"].format(names="A0O1") in summary


def test_a_policy_kept_by_the_store_is_used_again_until_cleared(tmp_path, asked):
    export = folders.gradescope(tmp_path / "export")
    folders.run(tmp_path, export, due=folders.DUE, late_penalty=10)
    assert gradebook(tmp_path / "out" / "notas.csv")[0]["late_penalty"] == "5.1"
    book = folders.run(tmp_path, export, late_cap=10)  # the due date and the rule stay; capped now
    assert book.lines[0].penalty == pytest.approx(2.55)
    book = folders.run(tmp_path, export, clear_policy=True)
    assert book.lines[0].penalty == 0 and book.lines[0].late == ""
