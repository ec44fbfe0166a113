"""A course's policy, applied the same way to every place a grade is shown: the gradebook, its
LMS exports, the class report and `rnngrade grade --json`.

    due          the deadline, a date-time with its zone (`--due 2026-03-01T23:59-06:00`)
    late rule    a percentage taken per started day late (`--late-penalty 10`), capped
                 (`--late-cap 50`): 1 minute late is 1 day, 24 h 1 min is 2 days
    extensions   a CSV of (student, due): that student's own deadline
    times        a CSV of (student, submitted): when each handed in, for downloads that do not
                 say (Moodle's: its grading worksheet as downloaded works as it is)
    overrides    a CSV of (student, question, points, reason): the question's score set by
                 hand, with the reason shown beside it

The policy is an input applied when the gradebook is written, never folded into the grades
the store keeps: a regrade, a resume or `--fresh` grade again and the same hand overrides and
late penalties apply to the new grades. The store keeps the policy of the last run
(`Store.policy`), so `rnngrade report` shows what the gradebook shows, and a run given no
policy option uses it again.

When a submission was handed in: Gradescope's export says (created_at); Canvas's file names
say only whether it was late (_LATE), not by how much, which counts as one started day unless
the student has an extension (then it is "unknown": the marker was set against Canvas's due
date, not the extension); Moodle's downloads and plain files say nothing, so lateness is
"unknown" and no penalty applies (a file's modification time is the download's, not the
student's), unless the instructor gives the times (`--submitted`).

A student is named in these files by their id, their email, or their submission's identifier
(the file or folder name), whichever the instructor has.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .engine.outcome import ERROR, GRADED, Outcome
from .engine.text import clean
from .identity import Student, read_table

MISSING = "missing"  # a student of the class list with no submission
YES, NO, UNKNOWN = "yes", "no", "unknown"
DAY = dt.timedelta(days=1)


class BadPolicy(ValueError):
    """A policy option or file that cannot be used; str(self) says why, in one line."""


def parse_due(text: str, what: str = "--due") -> dt.datetime:
    """An ISO date-time with its zone ("2026-03-01T23:59-06:00", "2026-03-01 23:59Z");
    BadPolicy for one without a zone: 23:59 where? The grader's clock is not the course's."""
    try:
        when = dt.datetime.fromisoformat(text.strip().replace("z", "Z").replace("Z", "+00:00"))
    except ValueError:
        raise BadPolicy(f"{what} {text!r} is not a date-time: write it as 2026-03-01T23:59-06:00") from None
    if when.tzinfo is None:
        example = when.isoformat(timespec="minutes")
        raise BadPolicy(
            f"{what} {text!r} has no time zone: add it, e.g. {example}-06:00 (or {example}Z for UTC)"
        )
    return when


def _number(text: str, what: str) -> float:
    try:
        value = float(text.replace(",", ".")) if text.count(",") == 1 and "." not in text else float(text)
    except ValueError:
        raise BadPolicy(f"{what}: {text!r} is not a number") from None
    if not math.isfinite(value):
        raise BadPolicy(f"{what}: {text!r} is not a number")
    return value


@dataclasses.dataclass(frozen=True)
class Override:
    """A question's score set by hand for one student, and why."""

    student: str
    question: str
    points: float
    reason: str = ""


@dataclasses.dataclass(frozen=True)
class Policy:
    """due -- None: no deadline; penalty -- percent per started day late; cap -- the most
    percent taken; extensions -- (student, due); overrides -- in the file's order (a later
    one for the same student and question wins); times -- (student, when handed in), a time
    without a zone (Moodle's worksheet writes none) being in the due date's zone."""

    due: dt.datetime | None = None
    penalty: float = 0.0
    cap: float = 100.0
    extensions: tuple[tuple[str, dt.datetime], ...] = ()
    overrides: tuple[Override, ...] = ()
    times: tuple[tuple[str, dt.datetime], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "due": self.due.isoformat() if self.due else None,
            "penalty": self.penalty,
            "cap": self.cap,
            "extensions": [[who, when.isoformat()] for who, when in self.extensions],
            "overrides": [dataclasses.asdict(o) for o in self.overrides],
            "times": [[who, when.isoformat()] for who, when in self.times],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Policy:
        return cls(
            due=dt.datetime.fromisoformat(data["due"]) if data.get("due") else None,
            penalty=float(data.get("penalty", 0.0)),
            cap=float(data.get("cap", 100.0)),
            extensions=tuple((w, dt.datetime.fromisoformat(d)) for w, d in data.get("extensions", ())),
            overrides=tuple(Override(**o) for o in data.get("overrides", ())),
            times=tuple((w, dt.datetime.fromisoformat(d)) for w, d in data.get("times", ())),
        )

    def combined(self, given: Mapping[str, Any]) -> Policy:
        """This (stored) policy with the parts that `given` names replaced: "due", "penalty",
        "cap", "extensions", "overrides", "times" (a part left out, or None, stays as it was)."""
        return dataclasses.replace(self, **{k: v for k, v in given.items() if v is not None})


def read_extensions(path: str | Path) -> tuple[tuple[str, dt.datetime], ...]:
    """An extensions file: CSV with a header naming the student (id, email or submission)
    and the due date-time (with its zone)."""
    header, [_, *rows] = read_table(Path(path), "extensions file")
    who = _column(header, ("id", "student", "email", "submission", "estudiante", "alumno"), path)
    due = _column(header, ("due", "due date", "deadline", "entrega", "fecha límite", "fecha limite"), path)
    found = []
    for number, row in enumerate(rows, 2):
        if len(row) <= max(who, due) or not row[who]:
            raise BadPolicy(f"{path}, line {number}: a student and a due date-time are needed")
        found.append((clean(row[who], 200), parse_due(row[due], f"{path}, line {number}:")))
    return tuple(found)


PARTICIPANT = "participant "  # Moodle's worksheet: "Participant 50026"
MOODLE_TIMES = ("%A, %d %B %Y, %I:%M %p", "%d %B %Y, %I:%M %p")  # strftimedatetime(short), English


def _time(text: str, where: str) -> dt.datetime:
    """An ISO date-time (with or without zone), or Moodle's "Monday, 2 March 2026, 1:30 AM"."""
    text = text.strip()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    for form in MOODLE_TIMES:
        try:
            return dt.datetime.strptime(text, form)
        except ValueError:
            continue
    raise BadPolicy(f"{where} {text!r} is not a date-time: write it as 2026-03-01T23:59-06:00")


def read_times(path: str | Path) -> tuple[tuple[str, dt.datetime], ...]:
    """When each student handed in: a CSV naming the student (id, email or submission) and the
    time; or Moodle's grading worksheet as downloaded (Identifier "Participant <id>", "Last
    modified (submission)"; "-" for no submission)."""
    header, [_, *rows] = read_table(Path(path), "submission times file")
    who = _column(
        header, ("id", "identifier", "student", "email", "submission", "estudiante", "alumno"), path
    )
    when = _column(
        header, ("submitted", "submitted at", "time", "last modified (submission)", "entregado"), path
    )
    found = []
    for number, row in enumerate(rows, 2):
        if len(row) <= max(who, when) or not row[who] or row[when].strip() in ("", "-"):
            continue
        name = row[who][len(PARTICIPANT) :] if row[who].lower().startswith(PARTICIPANT) else row[who]
        found.append((clean(name, 200), _time(row[when], f"{path}, line {number}:")))
    return tuple(found)


def read_overrides(path: str | Path, questions: Sequence[str]) -> tuple[Override, ...]:
    """An overrides file: CSV with a header naming the student (id, email or submission), the
    question, the points it is worth for that student, and the reason (optional)."""
    header, [_, *rows] = read_table(Path(path), "overrides file")
    who = _column(header, ("id", "student", "email", "submission", "estudiante", "alumno"), path)
    question = _column(header, ("question", "pregunta"), path)
    points = _column(header, ("points", "puntos", "score"), path)
    reason = next((i for i, h in enumerate(header) if h in ("reason", "motivo", "razón", "razon")), None)
    found = []
    for number, row in enumerate(rows, 2):
        if len(row) <= max(who, question, points) or not row[who]:
            raise BadPolicy(f"{path}, line {number}: a student, a question and points are needed")
        if row[question] not in questions:
            shown = ", ".join(questions)
            raise BadPolicy(
                f"{path}, line {number}: no question {clean(row[question], 40)!r} (there are {shown})"
            )
        value = _number(row[points], f"{path}, line {number}")
        text = row[reason] if reason is not None and reason < len(row) else ""
        found.append(Override(clean(row[who], 200), row[question], value, clean(text, 300)))
    return tuple(found)


def _column(header: list[str], names: tuple[str, ...], path: str | Path) -> int:
    found = next((i for i, h in enumerate(header) if h in names), None)
    if found is None:
        raise BadPolicy(f"{path} has no column {names[0]!r} in its header line ({', '.join(header)})")
    return found


def keys(student: Student) -> set[str]:
    """The names a policy file may call a student by: id, email (any case), submission."""
    found = {student.id, student.submission, student.email.casefold()}
    return {k for k in found if k}


def _named(who: str, student: Student) -> bool:
    return who in keys(student) or who.casefold() in keys(student)


@dataclasses.dataclass(frozen=True)
class Line:
    """A row of the gradebook: a student, their grade as graded and as the policy makes it.

    outcome -- the engine's grade of their submission; None when they have none (MISSING)
    scores -- question -> points, with the overrides; raw -- the engine's total
    overrides -- the points the overrides add (negative: take); notes -- their reasons
    late -- YES, NO, UNKNOWN, or "" (no deadline given, or no submission); days -- started days late
    penalty -- the points the late rule takes; final -- what the student gets
    matched -- False for a submission that matched nobody on the class list
    due -- the student's deadline: an LMS export leaves the grade of a MISSING student whose
           deadline has not passed blank, not 0
    """

    student: Student
    outcome: Outcome | None
    status: str
    scores: dict[str, float]
    possible: dict[str, float]
    raw: float
    overrides: float
    notes: tuple[str, ...]
    late: str
    days: int | None
    percent: float
    penalty: float
    final: float
    reason: str
    matched: bool = True
    due: dt.datetime | None = None  # the student's own: their extension's, else the course's

    @property
    def total_possible(self) -> float:
        return sum(self.possible.values())


def _due(policy: Policy, student: Student) -> dt.datetime | None:
    """The student's deadline: their extension, else the course's."""
    extension = next((when for who, when in reversed(policy.extensions) if _named(who, student)), None)
    return extension or policy.due


def _late(policy: Policy, student: Student) -> tuple[str, int | None, bool]:
    """(late, started days late, whether the student has an extension)."""
    extension = next((when for who, when in reversed(policy.extensions) if _named(who, student)), None)
    due = extension or policy.due
    given = next((when for who, when in reversed(policy.times) if _named(who, student)), None)
    submitted = student.submitted or given
    if submitted is not None and due is not None:
        late = (submitted if submitted.tzinfo else submitted.replace(tzinfo=due.tzinfo)) - due
        return (
            (YES, math.ceil(late / DAY), extension is not None) if late > dt.timedelta(0) else (NO, 0, False)
        )
    if student.late is True:
        return (UNKNOWN, None, True) if extension is not None else (YES, 1, False)
    if student.late is False:
        return NO, 0, extension is not None
    return (UNKNOWN if due is not None else ""), None, extension is not None


def _round(value: float) -> float:
    return round(value, 6) + 0.0  # no -0.0, no 7.199999999


def line(
    policy: Policy,
    student: Student,
    outcome: Outcome | None,
    possible: Mapping[str, float],
    matched: bool = True,
) -> Line:
    """The row of one student: the engine's grade, the policy's overrides and late rule applied."""
    raw_scores = dict(outcome.scores) if outcome is not None else dict.fromkeys(possible, 0.0)
    scores = dict(raw_scores)
    notes = []
    for override in policy.overrides:
        if _named(override.student, student) and override.question in scores:
            scores[override.question] = override.points
    for question in scores:
        chosen = [o for o in policy.overrides if _named(o.student, student) and o.question == question]
        if chosen:
            o = chosen[-1]
            change = o.points - raw_scores[question]
            notes.append(f"{question} {change:+g}" + (f": {o.reason}" if o.reason else ""))
    raw = sum(raw_scores.values())
    base = sum(scores.values())
    late, days, _ = _late(policy, student) if outcome is not None else ("", None, False)
    percent = min(policy.cap, policy.penalty * days) if late == YES and days else 0.0
    penalty = _round(max(base, 0.0) * percent / 100)
    status = MISSING if outcome is None else outcome.status
    return Line(
        student=student,
        outcome=outcome,
        status=status,
        scores={q: _round(v) for q, v in scores.items()},
        possible=dict(outcome.possible) if outcome is not None else dict(possible),
        raw=_round(raw),
        overrides=_round(base - raw),
        notes=tuple(notes),
        late=late,
        days=days,
        percent=percent,
        penalty=penalty,
        final=_round(base - penalty),
        reason=outcome.reason if outcome is not None else "",
        matched=matched,
        due=_due(policy, student),
    )


def apply(
    policy: Policy,
    rows: Sequence[tuple[Student, bool]],
    outcomes: Mapping[str, Outcome],
    possible: Mapping[str, float],
) -> list[Line]:
    """The gradebook's rows: each (student, matched) with the outcome of their submission; a
    student whose submission has no outcome yet (a batch stopped midway) is left out, one
    with no submission at all is MISSING."""
    lines = []
    for student, matched in rows:
        if not student.submission:
            lines.append(line(policy, student, None, possible, matched))
        elif student.submission in outcomes:
            lines.append(line(policy, student, outcomes[student.submission], possible, matched))
    return lines


def unused(policy: Policy, rows: Sequence[tuple[Student, bool]]) -> list[str]:
    """The students the policy's files name that are in no row: a typo the instructor should see."""
    students = [s for s, _ in rows]
    named = [o.student for o in policy.overrides] + [who for who, _ in (*policy.extensions, *policy.times)]
    return list(dict.fromkeys(w for w in named if not any(_named(w, s) for s in students)))


STATUSES = (GRADED, ERROR, MISSING)
