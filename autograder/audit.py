"""`rnngrade audit`: the autograder graded against its own catalogues.

Every entry is filled into the skeleton notebook over the reference solution and graded
with the built autograder zip through the grading engine, exactly as a student's submission
would be. Expected:

    reference     full marks
    skeleton      zero, every failure saying the function is not implemented
    correct/*     full marks
    mistakes/*    fewer points on the question of every function the file defines, and a
                  failed public case there too (the student's own check shows the mistake
                  while it can still be fixed); full marks on every other question, whether
                  or not its function calls one of them (isolation: a graded function runs
                  with the reference of the others it calls, rnncheck.isolation), except a
                  question on the notebook as a whole whose check cell lists one of them in
                  `uses`; its FEEDBACK phrase, if any, in the feedback of its questions
"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

import nbformat

from rnncheck.messages import say

from . import assignment as assignments
from . import grade
from .assignment import Assignment
from .build import DIST, Build, build_assignment
from .engine.batch import Options, grade_all
from .engine.outcome import Outcome
from .fill import defined_functions, fill
from .notebook import render
from .testfiles import feedback_of

KINDS = ("reference", "skeleton", "correct", "mistakes")


@dataclasses.dataclass
class Verdict:
    assignment: str
    kind: str
    entry: str
    row: Outcome
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems

    def line(self) -> str:
        mark = "ok  " if self.ok else "FAIL"
        scored = f"{self.row.total:g}/{sum(self.row.possible.values()):g}"
        return f"{mark} {self.assignment}/{self.kind}/{self.entry}: {scored}" + "".join(
            f"\n       {p}" for p in self.problems
        )


def judge(assignment: Assignment, kind: str, path: Path | None, row: Outcome) -> list[str]:
    """What is wrong with how `row` was graded, given what the entry is; [] when all is well."""
    full = {q: row.scores[q] >= row.possible[q] > 0 for q in row.scores}
    if row.status != "graded":
        return [f"not graded: {row.reason}"]
    if kind in ("reference", "correct"):
        return [f"{q} lost points: {row.feedback.get(q, [''])[0]}" for q, ok in full.items() if not ok]
    if kind == "skeleton":
        problems = [f"{q} scored {row.scores[q]:g}" for q in row.scores if row.scores[q] > 0]
        if row.reason != say("reason_nothing_done"):
            problems.append(f"unclear reason: {row.reason!r}")
        return problems
    assert path is not None
    defined = defined_functions(path) & set(assignment.functions)
    problems = []
    uses = assignment.uses
    for question, function in assignment.questions.items():
        if function in defined and full[question]:
            problems.append(f"{question} ({function}) kept full marks")
        elif function in defined and all(c.passed for c in row.questions[question].cases if not c.hidden):
            problems.append(f"{question} ({function}) passed every public check")
        if not uses[question] & defined and not full[question]:
            problems.append(
                f"{question} ({function or 'notebook'}) lost points but does not use {sorted(defined)}"
            )
    phrase = feedback_of(path)
    if isinstance(phrase, dict):
        phrase = phrase.get("es")
    messages = " ".join(
        m for q, f in assignment.questions.items() if f in defined for m in row.feedback.get(q, [])
    )
    if phrase and phrase not in messages:
        problems.append(f"feedback does not name the mistake ({phrase!r})")
    return problems


def entries(assignment: Assignment) -> list[tuple[str, str, Path | None]]:
    """(kind, name, catalogue file) for everything the audit grades."""
    found: list[tuple[str, str, Path | None]] = [
        ("reference", "solution", None),
        ("skeleton", "skeleton", None),
    ]
    for kind in ("correct", "mistakes"):
        found += [(kind, path.stem, path) for path in assignment.catalogue(kind)]
    return found


def one_mistake_per_function(assignment: Assignment) -> list[tuple[str, str, Path | None]]:
    """The entries but for the mistakes, and of those the first (by name) of each graded function:
    a shorter audit that still shows every question losing points to a mistake."""
    kept: list[tuple[str, str, Path | None]] = []
    covered: set[str] = set()
    for kind, name, path in entries(assignment):
        if kind == "mistakes":
            assert path is not None
            new = defined_functions(path) & set(assignment.functions) - covered
            if not new:
                continue
            covered |= new
        kept.append((kind, name, path))
    return kept


def audit_assignment(
    assignment: Assignment,
    workdir: Path,
    jobs: int | None = None,
    seed: int | None = None,
    *,
    listed: list[tuple[str, str, Path | None]] | None = None,
    build: Build | None = None,
) -> list[Verdict]:
    """Grade every entry of `assignment` (or those listed, from `entries`) and judge each;
    hidden inputs drawn with seed (fresh if None), by a build made in workdir, or with the
    autograder zip of `build` (of this assignment, built with that seed)."""
    if build is None:
        build = build_assignment(assignment, workdir / DIST, seed=seed)
    assert build.assignment.name == assignment.name and seed in (None, build.seed)
    skeleton = render(assignment)
    submissions = workdir / "submissions" / assignment.name
    submissions.mkdir(parents=True)
    listed = entries(assignment) if listed is None else listed
    for kind, name, path in listed:
        sources = [] if kind == "skeleton" else [assignment.solution_path] + ([path] if path else [])
        nbformat.write(
            fill(skeleton, sources) if sources else skeleton, submissions / f"{kind}--{name}.ipynb"
        )
    files = grade.submissions_in(submissions)
    rows = grade_all(build.autograder_zip, files, Options(jobs=jobs or Options().jobs))
    by_name = {row.submission: row for row in rows}
    return [
        Verdict(assignment.name, kind, name, row, judge(assignment, kind, path, row))
        for kind, name, path in listed
        for row in [by_name[f"{kind}--{name}.ipynb"]]
    ]


def main(*, assignment: str | None = None, jobs: int | None = None, seed: int | None = None) -> list[Verdict]:
    """Audit one assignment, or all of them; one verdict per graded entry."""
    chosen = [assignment] if assignment else assignments.names()
    verdicts: list[Verdict] = []
    with tempfile.TemporaryDirectory(prefix="rnnaudit-") as workdir:
        for name in chosen:
            verdicts += audit_assignment(assignments.load(name), Path(workdir) / name, jobs, seed)
    return verdicts
