"""`rnngrade report`: one self-contained HTML page on how a class did on an assignment.

The page (`write`), in the release's language: how many submissions were graded and how
many could not be; the distribution of the totals and of each question's score; the share
at full marks per question; per question, the common mistakes the class holds, with how many
students hold each and who (`mistakes`); the submissions that could not be graded and why;
and a link to each student's feedback file. Figures are inline SVG (autograder.figures);
nothing is fetched and no script runs.

`main` reads the grades of a gradebook from the store beside it (autograder.store).
"""

from __future__ import annotations

import csv
import dataclasses
import html
import os
import statistics
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .engine.outcome import GRADED, Outcome
from .engine.text import clean
from .feedback import feedback_folder, safe_names
from .identity import Student
from .page import document, inline, language_of, points, wording
from .policy import MISSING, NO, UNKNOWN, YES, Line, Policy, apply, line
from .store import Store, StoreError, store_path

# The first characters after which the gradebook writer adds a "'" (grade.cell), so that a
# spreadsheet shows a name such as "=1+1.ipynb" instead of running it as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclasses.dataclass(frozen=True)
class Mistake:
    """A common mistake that a question's failures show, and the students who make it."""

    question: str
    mistake: str
    students: tuple[str, ...]  # submissions, each once, in the order of the outcomes


def mistakes(outcomes: Sequence[Outcome]) -> dict[str, list[Mistake]]:
    """Question -> the common mistakes its failed cases show across the class, the most held
    first. A student counts once per mistake, however many of the question's cases show it."""
    held: dict[str, dict[str, dict[str, None]]] = {}
    for outcome in outcomes:
        for name, question in outcome.questions.items():
            for case in question.cases:
                if not case.passed and case.mistake.strip():
                    students = held.setdefault(name, {}).setdefault(case.mistake.strip(), {})
                    students[outcome.submission] = None
    return {
        question: sorted(
            (Mistake(question, mistake, tuple(students)) for mistake, students in found.items()),
            key=lambda m: (-len(m.students), m.mistake),
        )
        for question, found in held.items()
    }


def _href(path: str) -> str:
    """A relative path as a link target: percent-encoded, so that no ':' makes it a scheme."""
    return html.escape(quote(path.replace(os.sep, "/")), quote=True)


def _student(submission: str, feedback: Mapping[str, str]) -> str:
    name = inline(submission)
    return f'<a href="{_href(feedback[submission])}">{name}</a>' if submission in feedback else name


def _card(key: str, value: str, label: str) -> str:
    return (
        f'<div class="card" id="{key}"><div class="value">{value}</div>'
        f'<div class="label">{inline(label)}</div></div>'
    )


def _header(*cells: str) -> str:
    """A table's header row; a cell given as ">text" heads a column of numbers (right-aligned)."""
    return (
        "<tr>"
        + "".join(
            f"<th class='num'>{inline(c[1:])}</th>" if c[:1] == ">" else f"<th>{inline(c)}</th>"
            for c in cells
        )
        + "</tr>"
    )


def _summary(outcomes: Sequence[Outcome], graded: Sequence[Outcome], say: Callable[..., str]) -> list[str]:
    """How many submissions, graded and not; the mean and median total."""
    cards = [
        _card("submissions", str(len(outcomes)), say("report_submissions")),
        _card("graded", str(len(graded)), say("report_graded")),
        _card("not-gradable", str(len(outcomes) - len(graded)), say("report_errors")),
    ]
    if graded:
        of = say("report_of_possible", possible=points(max(o.total_possible for o in graded)))
        totals = [o.total for o in graded]
        cards.append(_card("mean", f"{statistics.mean(totals):.1f}", f"{say('report_mean')} ({of})"))
        cards.append(_card("median", points(statistics.median(totals)), f"{say('report_median')} ({of})"))
    return ['<div class="cards">', *cards, "</div>"]


def _figure(svg: str, label: str) -> str:
    return f'<figure role="img" aria-label="{inline(label)}">{svg}</figure>'


def _questions(
    graded: Sequence[Outcome], functions: Mapping[str, str], questions: list[str], say: Callable[..., str]
) -> list[str]:
    """The distribution of each question's score, as a figure and a table."""
    from . import figures  # matplotlib, only once a report is drawn: `rnngrade` starts faster

    labels = {q: f"{q} · {functions[q]}" if functions.get(q) else q for q in questions}
    counts = {labels[q]: [0, 0, 0, 0] for q in questions}
    for outcome in graded:
        for q in questions:
            question = outcome.questions[q]
            counts[labels[q]][figures.level(question.score, question.possible)] += 1
    figure = figures.svg(figures.levels(counts, len(graded), say), "levels-")
    rows = []
    for q in questions:
        scores = [o.questions[q].score for o in graded]
        possible = graded[0].questions[q].possible
        full = counts[labels[q]][3]
        share = say("report_of_graded", count=full, graded=len(graded), share=full / len(graded))
        function = f"<code>{inline(functions[q])}</code>" if functions.get(q) else "—"
        rows.append(
            f'<tr class="question" data-question="{html.escape(q)}" data-full="{full}">'
            f"<td>{inline(q)}</td><td>{function}</td>"
            f"<td class='num'>{statistics.mean(scores):.2f} / {points(possible)}</td>"
            f"<td class='num'>{inline(share)}</td></tr>"
        )
    header = _header(
        say("column_question"),
        say("column_function"),
        ">" + say("report_mean"),
        ">" + say("report_full_marks"),
    )
    return [
        f"<h2>{inline(say('report_questions'))}</h2>",
        _figure(figure, say("report_questions")),
        "<table>",
        header,
        *rows,
        "</table>",
    ]


def _mistakes(
    found: dict[str, list[Mistake]],
    graded: int,
    functions: Mapping[str, str],
    questions: list[str],
    feedback: Mapping[str, str],
    say: Callable[..., str],
) -> list[str]:
    """Per question, its common mistakes: how many students of the graded hold each, and who."""
    body = [f"<h2>{inline(say('report_mistakes'))}</h2>"]
    if not found:
        return [*body, f"<p>{inline(say('report_no_mistakes'))}</p>"]
    body.append(f'<p class="lead">{inline(say("report_mistakes_note"))}</p>')
    for q in [q for q in questions if q in found] + sorted(set(found) - set(questions)):
        label = f"{q} · `{functions[q]}`" if functions.get(q) else q
        body += [
            f"<h3>{inline(label)}</h3>",
            '<table class="fixed"><colgroup><col class="count"><col class="what"><col></colgroup>',
            _header(
                ">" + say("report_column_students"), say("report_column_mistake"), say("report_column_who")
            ),
        ]
        for mistake in found[q]:
            count = say("report_students_of", count=len(mistake.students), graded=graded)
            who = ", ".join(_student(s, feedback) for s in mistake.students)
            data = f'data-question="{html.escape(q)}" data-students="{len(mistake.students)}"'
            body.append(
                f'<tr class="mistake" {data}><td class="num">{inline(count)}</td>'
                f"<td>{inline(mistake.mistake)}</td><td>{who}</td></tr>"
            )
        body.append("</table>")
    return body


def _not_gradable(
    errors: Sequence[Outcome], feedback: Mapping[str, str], say: Callable[..., str]
) -> list[str]:
    """The submissions that could not be graded, and why."""
    body = [f"<h2>{inline(say('report_not_gradable'))}</h2>"]
    if not errors:
        return [*body, f"<p>{inline(say('report_all_gradable'))}</p>"]
    header = _header(say("column_submission"), say("report_column_reason"))
    rows = [
        f'<tr class="not-gradable"><td>{_student(o.submission, feedback)}</td>'
        f"<td>{inline(o.reason)}</td></tr>"
        for o in errors
    ]
    return [*body, "<table>", header, *rows, "</table>"]


def _score(outcome: Outcome, question: str) -> str:
    """A roster cell: the question's score, marked when it lost points; "—" when not graded."""
    found = outcome.questions.get(question)
    if outcome.status != GRADED or found is None:
        return "<td class='num muted'>—</td>"
    lost = " lost" if found.score < found.possible else ""
    return f"<td class='num{lost}'>{points(found.score)}</td>"


# The roster's cells break words only where they must (the page's cells break anywhere), and
# the table scrolls sideways when its columns need more than the page; a reason in small type
# that wraps between words.
WHOLE = ' style="overflow-wrap: break-word"'
WIDE = ' style="overflow-x: auto"'
NOTE = ' style="white-space: normal; font-size: .8rem; text-align: left"'


def _roster(
    lines: Sequence[Line], questions: list[str], feedback: Mapping[str, str], say: Callable[..., str]
) -> list[str]:
    """Every student's scores, the late penalty, the overrides, the final grade, and the link
    to their feedback; the columns of who, lateness and overrides only when a row has them."""
    who = any(r.student.id or r.student.name for r in lines)
    late = any(r.late for r in lines)
    overrides = any(r.notes for r in lines)
    header = _header(
        say("column_submission"),
        *([say("table_id"), say("table_name")] if who else []),
        *(f">{q}" for q in questions),
        ">" + say("column_total"),
        *([say("table_late"), ">" + say("table_penalty")] if late else []),
        *([">" + say("table_overrides")] if overrides else []),
        ">" + say("table_final"),
        say("report_column_feedback"),
    )
    words = {YES: say("late_yes"), NO: say("late_no"), UNKNOWN: say("late_unknown"), "": ""}
    rows = []
    for r in lines:
        o, s = r.outcome, r.student
        cells = [f"<td>{inline(s.submission) if s.submission else '—'}</td>"]
        cells += [f"<td>{inline(s.id)}</td>", f"<td>{inline(s.name)}</td>"] if who else []
        cells += [_score(o, q) if o is not None else "<td class='num muted'>—</td>" for q in questions]
        if r.status == GRADED:
            total = points(r.raw)
        else:
            total = inline(say("report_not_graded") if r.status != MISSING else say("status_missing"))
            total = f"<span{NOTE}>{total}</span>"
        cells.append(f'<td class="num">{total}</td>')
        if late:
            days = f" ({r.days})" if r.late == YES and r.days else ""
            cells.append(f"<td>{inline(words[r.late] + days)}</td>")
            cells.append(f"<td class='num'>{'−' + points(r.penalty) if r.penalty else ''}</td>")
        if overrides:
            why = "".join(f'<div class="muted"{NOTE}>{inline(n)}</div>' for n in r.notes)
            cells.append(f"<td class='num'>{f'{r.overrides:+g}' if r.notes else ''}{why}</td>")
        cells.append(f'<td class="num final">{points(r.final)}</td>')
        link = (
            f'<a href="{_href(feedback[s.submission])}">{inline(say("report_feedback_link"))}</a>'
            if s.submission in feedback
            else ""
        )
        cells.append(f"<td>{link}</td>")
        rows.append(f'<tr class="grade" data-status="{html.escape(r.status)}">{"".join(cells)}</tr>')
    table = "\n".join([header, *rows]).replace("<td", f"<td{WHOLE}").replace("<th", f"<th{WHOLE}")
    return [f"<h2>{inline(say('report_roster'))}</h2>", f"<div{WIDE}><table>", table, "</table></div>"]


def _listed(heading: str, kind: str, names: Sequence[str], say: Callable[..., str]) -> list[str]:
    """A section listing names (students missing, submissions matching nobody), or "None."."""
    body = [f"<h2>{inline(heading)}</h2>"]
    if not names:
        return [*body, f"<p>{inline(say('report_none'))}</p>"]
    return [*body, f'<ul class="{kind}">', *(f"<li>{inline(n)}</li>" for n in names), "</ul>"]


def html_page(
    outcomes: Sequence[Outcome],
    manifest: Mapping[str, Any],
    feedback: Mapping[str, str],
    lines: Sequence[Line] | None = None,
    book: Mapping[str, Any] | None = None,
) -> str:
    """The report as one self-contained HTML page (see the module's docstring).

    lines -- the gradebook's rows (policy.apply); default: one per outcome, under no policy
    book -- what Store.gradebook keeps ("policy", "unmatched"); with a class list the page
            lists the students missing and the submissions matching nobody
    """
    from . import figures  # matplotlib, only once a report is drawn: `rnngrade` starts faster
    from .grade import describe, lines_of

    language = language_of(manifest)
    say = wording(language)
    book = book or {}
    rows = list(lines) if lines is not None else lines_of(outcomes)
    functions: Mapping[str, str] = manifest.get("questions", {})
    questions = list(functions) or list(dict.fromkeys(q for o in outcomes for q in o.questions))
    graded = [o for o in outcomes if o.status == GRADED]
    questions_graded = [q for q in questions if graded and all(q in o.questions for o in graded)]
    title = say("report_title", assignment=manifest.get("assignment", ""))
    body = [f"<h1>{inline(title)}</h1>", *_summary(outcomes, graded, say)]
    policy = Policy.from_dict(book.get("policy") or {})
    if policy != Policy():
        body.append(
            f'<p class="lead policy">{inline(say("policy_title"))}: {inline(describe(policy, say))}</p>'
        )
    if graded:
        possible = max(o.total_possible for o in graded)
        histogram = figures.svg(figures.totals([o.total for o in graded], possible, say), "totals-")
        body += [f"<h2>{inline(say('report_totals'))}</h2>", _figure(histogram, say("report_totals"))]
        if questions_graded:
            body += _questions(graded, functions, questions_graded, say)
    else:
        body.append(f"<p>{inline(say('report_nothing_graded'))}</p>")
    body += _mistakes(mistakes(outcomes), len(graded), functions, questions, feedback, say)
    body += _not_gradable([o for o in outcomes if o.status != GRADED], feedback, say)
    if book.get("roster"):
        missing = [r.student.name or r.student.id or r.student.email for r in rows if r.status == MISSING]
        body += _listed(say("report_missing"), "missing", missing, say)
        body += _listed(say("report_unmatched"), "unmatched", list(book.get("unmatched", ())), say)
    body += _roster(rows, questions, feedback, say)
    return document(title=title, body="\n".join(body), language=language)


def write(
    *,
    outcomes: list[Outcome],
    manifest: dict[str, Any],
    path: str | Path,
    feedback: dict[str, str] | None = None,
    lines: Sequence[Line] | None = None,
    book: Mapping[str, Any] | None = None,
) -> Path:
    """Write the class report of outcomes to path; path.

    manifest -- the autograder's (assignment, language, questions' functions); Store.manifest
    feedback -- submission -> the path of its HTML feedback, relative to path's folder; a
                submission is linked to its feedback only when given
    lines, book -- see html_page
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html_page(outcomes, manifest, feedback or {}, lines, book), encoding="utf-8")
    return path


def shown_name(name: str) -> str:
    """A submission's name as a gradebook or a terminal shows it (engine.text.clean, uncut)."""
    return clean(name, 100_000)


def unquoted(cell: str) -> str:
    """A gradebook's submission cell as the submission's name: the "'" that the gradebook
    writer puts before a name starting with a formula character taken off."""
    return cell[1:] if cell.startswith("'") and cell[1:2] in FORMULA_STARTS else cell


def read_gradebook(gradebook: Path) -> tuple[list[str], list[str]]:
    """A gradebook's (questions, submissions), in its order; ValueError if it is not one."""
    with open(gradebook, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows or rows[0][:1] != ["submission"] or "total" not in rows[0]:
        raise ValueError(f"{gradebook} is not a gradebook: its first column must be 'submission'")
    questions = rows[0][1 : rows[0].index("total")]
    return questions, [row[0] for row in rows[1:] if row]


def _span(questions: Sequence[str]) -> str:
    return f"{questions[0]}–{questions[-1]}" if len(questions) > 1 else "".join(questions) or "none"


def _load(gradebook: Path) -> tuple[list[Outcome], dict[str, Any], list[Line], dict[str, Any]]:
    """The outcomes of a gradebook's rows, in its order, the manifest, the gradebook's lines
    (its students, the policy applied as `rnngrade grade` applied it) and what the store keeps
    of how the gradebook was written, from the store beside it; ValueError saying what is
    wrong, in one line."""
    if not gradebook.is_file():
        raise ValueError(f"no gradebook at {gradebook}")
    path = store_path(gradebook)
    if not path.is_file():
        raise ValueError(
            f"no grade store beside {gradebook} (no {path.name}): grade with `rnngrade grade` first"
        )
    questions, cells = read_gradebook(gradebook)
    try:
        assignment = Store.assignment_of(path)
        store = Store(path, assignment)
    except StoreError as error:
        raise ValueError(str(error)) from None
    try:
        manifest, latest, book = store.manifest, store.latest(), store.gradebook
    finally:
        store.close()
    stored_questions = list(manifest.get("questions", {}))
    if stored_questions and stored_questions != questions:
        raise ValueError(
            f"{path.name} holds the grades of {assignment!r} (questions {_span(stored_questions)}), "
            f"but {gradebook.name} has the questions {_span(questions)}: a gradebook of another assignment"
        )
    cells = [cell for cell in cells if cell]  # a student with no submission has no grade to find
    by_shown = {shown_name(name): name for name in latest}  # the gradebook shows names cleaned
    names = list(
        dict.fromkeys(by_shown.get(cell) or by_shown.get(unquoted(cell)) or unquoted(cell) for cell in cells)
    )
    missing = [name for name in names if name not in latest]
    if missing:
        shown = ", ".join(repr(n) for n in missing[:3]) + (", …" if len(missing) > 3 else "")
        raise ValueError(
            f"{path.name} has no grades for {len(missing)} of the {len(names)} rows of {gradebook.name} "
            f"({shown}): grade them again with `rnngrade grade`"
        )
    outcomes = [latest[name] for name in names]
    if book.get("students") is not None:
        rows = [(Student.from_dict(s), bool(matched)) for s, matched in book["students"]]
        possible = outcomes[0].possible if outcomes else dict.fromkeys(questions, 0.0)
        lines = apply(Policy.from_dict(book.get("policy", {})), rows, latest, possible)
    else:
        lines = [line(Policy(), Student(o.submission, None), o, o.possible) for o in outcomes]
    return outcomes, {"assignment": assignment, **manifest}, lines, book


def report_path(gradebook: Path) -> Path:
    """The class report beside a gradebook: notas.csv -> notas-report.html."""
    return gradebook.with_name(f"{gradebook.stem}-report.html")


def main(*, gradebook: str | Path, output: str | Path | None = None) -> Path:
    """Write the class report of a gradebook (`rnngrade report`); its path.

    gradebook -- the CSV of `rnngrade grade`; its grades are read from the store beside it
    output -- default <gradebook stem>-report.html beside the gradebook
    Each submission is linked to its HTML feedback when feedback_folder(gradebook) has it.
    ValueError, in one line, when there is no gradebook, no store beside it, or the store
    does not hold the gradebook's assignment or rows.
    """
    gradebook = Path(gradebook)
    outcomes, manifest, lines, book = _load(gradebook)
    path = Path(output) if output is not None else report_path(gradebook)
    names = safe_names([o.submission for o in outcomes])
    folder = feedback_folder(gradebook)
    links = {
        submission: os.path.relpath((folder / f"{name}.html").resolve(), path.resolve().parent)
        for submission, name in names.items()
        if (folder / f"{name}.html").is_file()
    }
    return write(outcomes=outcomes, manifest=manifest, path=path, feedback=links, lines=lines, book=book)
