"""autograder.policy: due dates with their zone, late days counted per started day and capped,
extensions, overrides by hand; applied to a row the same way wherever it is shown."""

import datetime as dt

import pytest

from autograder.identity import Student
from autograder.policy import (
    MISSING,
    BadPolicy,
    Override,
    Policy,
    line,
    parse_due,
    read_overrides,
    read_times,
)
from tests.autograder.lms import folders

DUE = parse_due(folders.DUE)


def submitted(after: dt.timedelta, **fields) -> Student:
    return Student("s.ipynb", None, id="A1", submitted=DUE + after, platform="gradescope", **fields)


def test_a_due_date_without_a_zone_is_refused_with_an_example():
    with pytest.raises(BadPolicy) as refused:
        parse_due("2026-03-01T23:59")
    assert "no time zone" in str(refused.value) and "2026-03-01T23:59-06:00" in str(refused.value)
    assert parse_due("2026-03-01 23:59Z") == dt.datetime(2026, 3, 1, 23, 59, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    "late, days, percent",
    [
        (dt.timedelta(seconds=-1), 0, 0),  # on time
        (dt.timedelta(minutes=1), 1, 10),  # a minute late is a started day
        (dt.timedelta(days=1), 1, 10),
        (dt.timedelta(days=1, seconds=1), 2, 20),
        (dt.timedelta(days=30), 30, 50),  # capped
    ],
)
def test_late_days_are_started_days_and_the_penalty_is_capped(late, days, percent):
    policy = Policy(due=DUE, penalty=10, cap=50)
    row = line(policy, submitted(late), folders.scored("s.ipynb", {}), folders.POSSIBLE)
    assert (row.days, row.percent) == (days, percent)
    assert row.penalty == pytest.approx(25.5 * percent / 100) and row.final == pytest.approx(
        25.5 - row.penalty
    )
    assert row.raw == 25.5  # the grade as graded stays in the row


def test_an_extension_moves_the_students_due_date():
    policy = Policy(due=DUE, penalty=10, extensions=(("A1", DUE + dt.timedelta(days=3)),))
    row = line(policy, submitted(dt.timedelta(days=2)), folders.scored("s.ipynb", {}), folders.POSSIBLE)
    assert (row.late, row.penalty) == ("no", 0)


def test_canvas_late_marker_counts_one_day_and_nothing_is_guessed_without_a_time():
    policy = Policy(due=DUE, penalty=10)
    outcome = folders.scored("x", {})
    marked = Student("x", None, id="7", late=True, platform="canvas")
    assert (line(policy, marked, outcome, folders.POSSIBLE).late, line(policy, marked, outcome, {}).days) == (
        "yes",
        1,
    )
    extended = Policy(due=DUE, penalty=10, extensions=(("7", DUE),))
    assert line(extended, marked, outcome, {}).late == "unknown"  # Canvas marked it against its own date
    moodle = Student("x", None, id="5", platform="moodle")
    row = line(policy, moodle, outcome, {})
    assert (row.late, row.penalty) == ("unknown", 0)


def test_an_override_sets_a_questions_score_and_says_why_and_the_penalty_applies_after():
    policy = Policy(
        due=DUE,
        penalty=10,
        overrides=(Override("A1", "q3", 7.5, "regraded by hand"), Override("s.ipynb", "q1", 4, "")),
    )
    row = line(
        policy, submitted(dt.timedelta(hours=1)), folders.scored("s.ipynb", {"q3": 2.5}), folders.POSSIBLE
    )
    assert row.raw == 20.5 and row.overrides == 4.0  # +5 on q3, -1 on q1
    assert row.notes == ("q1 -1", "q3 +5: regraded by hand")
    assert row.penalty == pytest.approx(2.45) and row.final == pytest.approx(22.05)


def test_a_student_with_no_submission_is_missing_with_zero():
    row = line(Policy(due=DUE, penalty=10), Student("", None, id="A3"), None, folders.POSSIBLE)
    assert (row.status, row.final, row.late, row.total_possible) == (MISSING, 0, "", 25.5)


def test_an_overrides_file_names_only_questions_the_assignment_has(tmp_path):
    path = folders.write(tmp_path / "ajustes.csv", "ID;Pregunta;Puntos;Motivo\nA1;q3;6,5;revisado\n")
    assert read_overrides(path, list(folders.QUESTIONS)) == (Override("A1", "q3", 6.5, "revisado"),)
    folders.write(path, "id,question,points,reason\nA1,q9,1,x\n")
    with pytest.raises(BadPolicy, match="line 2: no question 'q9'"):
        read_overrides(path, list(folders.QUESTIONS))


def test_a_policy_is_kept_and_read_back_the_same():
    policy = Policy(DUE, 10, 50, (("A1", DUE),), (Override("A1", "q1", 1.0, "r"),))
    assert Policy.from_dict(policy.to_dict()) == policy
    assert policy.combined({"due": None, "penalty": 5, "overrides": ()}) == Policy(
        DUE, 5, 50, (("A1", DUE),), ()
    )


def test_moodles_grading_worksheet_gives_the_submission_times_in_the_due_dates_zone(tmp_path):
    worksheet = folders.write(
        tmp_path / "worksheet.csv",
        "Identifier,Full name,Status,Last modified (submission)\n"
        'Participant 50026,Ana,Submitted for grading,"Monday, 2 March 2026, 1:30 AM"\n'
        "Participant 50031,Beto,No submission,-\n",
    )
    times = read_times(worksheet)
    assert times == (("50026", dt.datetime(2026, 3, 2, 1, 30)),)
    ana = Student("Ana_50026_assignsubmission_file_", None, id="50026", platform="moodle")
    row = line(Policy(due=DUE, penalty=10, times=times), ana, folders.scored("x", {}), folders.POSSIBLE)
    assert (row.late, row.days) == ("yes", 1)  # 1:30 on the 2nd in the due date's zone (-06:00)
    assert Policy.from_dict(Policy(times=times).to_dict()).times == times
