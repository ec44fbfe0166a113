"""What grading one submission gives: one type for the gradebook, the feedback files, the audit
and Gradescope's results.json (what a student is told of it: engine.explain)."""

from __future__ import annotations

import dataclasses
from typing import Any

from .text import clean, clean_lines

GRADED, ERROR = "graded", "error"
MAX_TEXT = 2000  # characters of a case's message, a reason; a cell's error has 500


@dataclasses.dataclass(frozen=True)
class Case:
    """One test case: its points, whether it is hidden, why it failed ('' if it passed) and the
    catalogued misconception its failure shows ('' if none was recognised)."""

    name: str
    points: float
    hidden: bool
    passed: bool
    message: str = ""
    mistake: str = ""

    def __post_init__(self) -> None:  # a message may quote a submission's strings
        object.__setattr__(self, "message", clean_lines(self.message, MAX_TEXT))
        object.__setattr__(self, "mistake", clean(self.mistake, MAX_TEXT))


@dataclasses.dataclass(frozen=True)
class Question:
    name: str
    score: float
    possible: float
    cases: tuple[Case, ...] = ()

    @property
    def failures(self) -> list[str]:
        """The messages of the failed cases, each once, in order."""
        return list(dict.fromkeys(c.message for c in self.cases if not c.passed))


@dataclasses.dataclass(frozen=True)
class Outcome:
    """A submission's grade.

    submission -- its file name, as given
    questions -- question name -> Question, every question of the assignment, in order
    status -- GRADED, or ERROR when it could not be graded (reason says why)
    reason -- why it scored nothing or could not be graded, in a few words; '' otherwise
    cell_errors -- the first error of each cell that raised ("cell 3: NameError: ...")
    """

    submission: str
    questions: dict[str, Question]
    status: str = GRADED
    reason: str = ""
    cell_errors: tuple[str, ...] = ()

    def __post_init__(self) -> None:  # text that may come from the submission, made safe once
        object.__setattr__(self, "reason", clean(self.reason, MAX_TEXT))
        object.__setattr__(self, "cell_errors", tuple(clean(e, 500) for e in self.cell_errors))

    @property
    def scores(self) -> dict[str, float]:
        return {name: q.score for name, q in self.questions.items()}

    @property
    def possible(self) -> dict[str, float]:
        return {name: q.possible for name, q in self.questions.items()}

    @property
    def feedback(self) -> dict[str, list[str]]:
        """Question -> the messages of its failed cases."""
        return {name: q.failures for name, q in self.questions.items() if q.failures}

    @property
    def total(self) -> float:
        return sum(q.score for q in self.questions.values())

    @property
    def total_possible(self) -> float:
        return sum(q.possible for q in self.questions.values())

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Outcome:
        questions = {
            name: Question(q["name"], q["score"], q["possible"], tuple(Case(**c) for c in q["cases"]))
            for name, q in data["questions"].items()
        }
        return cls(data["submission"], questions, data["status"], data["reason"], tuple(data["cell_errors"]))


def zero(submission: str, possible: dict[str, float], reason: str, status: str = ERROR) -> Outcome:
    """No points on any question, and why: a submission that could not be graded (ERROR), or
    one graded that stopped its own grading (GRADED)."""
    questions = {name: Question(name, 0.0, points) for name, points in possible.items()}
    return Outcome(submission, questions, status, reason)
