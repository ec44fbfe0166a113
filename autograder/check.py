"""`rnngrade check`: the public tests of every question on a student's notebook or .py file.

The file is graded as `rnngrade grade` grades it, through the one grading engine
(autograder.engine), with its public test cases only: its cells run in the engine's confined
student process (a user of its own as root, a root holding only Python's folders and a fresh
folder with the notebook's data, Landlock, seccomp, no network, limits), and the public tests
run in the trusted process against proxies of its functions. The tests and the checker come
from a public build of the assignment made for the check, never from the notebook's folder:
a `tests/`, `rnncheck/` or `sitecustomize.py` beside the notebook is neither run nor read, and
nothing the notebook prints is shown. Where this machine cannot confine the notebook, the
check refuses to run it (Refused) and says why.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from . import assignment as assignments
from .build import Build, _copy_shipped, manifest, write_checker, write_public_tests, write_reference_code
from .engine.batch import Options, grade_all
from .engine.grading import MANIFEST
from .engine.outcome import GRADED
from .engine.process import InfrastructureError
from .engine.progress import PROGRESS_EVERY
from .engine.session import Budget
from .engine.text import clean


@dataclasses.dataclass
class QuestionResult:
    question: str
    function: str
    score: float
    possible: float
    message: str

    @property
    def passed(self) -> bool:
        return self.score >= self.possible

    def line(self) -> str:
        mark = "✔" if self.passed else "✘"
        text = f"{self.question:<4} {self.function:<22} {self.score:g}/{self.possible:g}  {mark}"
        return f"{text}  {self.message}" if self.message else text


class Refused(ValueError):
    """This machine cannot run the notebook inside the grading sandbox; str(self) says why."""


def _metadata(path: Path) -> dict:
    """A notebook's metadata, or {} (a .py file, or what is not a notebook)."""
    if path.suffix != ".ipynb":
        return {}
    try:
        metadata = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
    except (ValueError, UnicodeDecodeError, AttributeError, OSError):  # not JSON, or not of this shape
        return {}
    return metadata if isinstance(metadata, dict) else {}


def assignment_of(path: Path) -> str | None:
    """The assignment named in a notebook's metadata, or None."""
    otter = _metadata(path).get("otter", {})
    name = otter.get("assignment_name") if isinstance(otter, dict) else None
    return name if isinstance(name, str) else None


def language_of(path: Path) -> str | None:
    """The language of the release a notebook came from (its metadata), or None."""
    kit = _metadata(path).get("rnnkit", {})
    language = kit.get("language") if isinstance(kit, dict) else None
    return language if language in assignments.LANGUAGES else None


def public_autograder(assignment: assignments.Assignment, language: str, folder: Path) -> Path:
    """An unpacked autograder of the assignment's public tests only, built into folder: its
    `tests/`, `files/` (the checker with the public answers, the notebook's data) and manifest."""
    build = Build(assignment, language, folder / "build")
    build.student.mkdir(parents=True)
    write_public_tests(build)
    student_files = _copy_shipped(build, build.student)
    write_checker(build)
    write_reference_code(
        build.student / "rnncheck", assignment
    )  # grader only: this folder is never the notebook's
    target = folder / "autograder"
    target.mkdir(mode=0o700)
    (build.student / "tests").rename(target / "tests")
    build.student.rename(target / "files")
    (target / MANIFEST).write_text(json.dumps(manifest(build, student_files)), encoding="utf-8")
    return target


CHECK_TIME_LIMIT = 900  # seconds for the whole check; each cell and each call has its own limit
# What the check will not run a notebook without: Landlock (it reads Python and its own folder
# only) and seccomp (no processes, no sockets); as root, also a user of its own.
REQUIRED = ("landlock", "seccomp")


def _seconds(variable: str, default: float) -> float:
    try:
        return max(1.0, float(os.environ.get(variable, default)))
    except ValueError:
        return default


def budget() -> Budget:
    """The check's time limits: per cell RNNCHECK_CELL_TIME_LIMIT (60 s) and per call of a
    student function RNNCHECK_TIME_LIMIT (10 s), as the student's own check has them."""
    return Budget(
        cell=_seconds("RNNCHECK_CELL_TIME_LIMIT", 60.0),
        call=_seconds("RNNCHECK_TIME_LIMIT", 10.0),
        submission=CHECK_TIME_LIMIT,
    )


def refuse_unconfined(missing: dict[str, str]) -> None:
    """Refused, before any of the notebook's code runs, if the sandbox lacks what REQUIRED
    names (and, as root, a user of its own)."""
    required = REQUIRED + (("user",) if os.geteuid() == 0 else ())
    lacking = [name for name in required if name in missing]
    if lacking:
        why = "; ".join(f"{name} ({clean(missing[name], 200)})" for name in lacking)
        raise Refused(
            f"rnngrade check runs a notebook only inside the grading sandbox, and this machine lacks {why}: "
            "run the check on Linux with Landlock and seccomp (as root, or in a container)"
        )


def main(
    *,
    path: str | Path,
    assignment: str | None = None,
    language: str | None = None,
    on_progress: Callable[[str], None] | None = None,
    progress_every: float = PROGRESS_EVERY,
) -> list[QuestionResult]:
    """Grade the file with the public tests of its assignment, in the grading sandbox; one
    result per question. language -- of the messages; default: the notebook's own, else es.
    on_progress -- receives, every progress_every seconds while the file is graded, a line that
    says which cell, question or function is running (engine.progress)

    Raises FileNotFoundError, ValueError (the assignment cannot be told, or the file cannot be
    graded: the reason), Refused (no sandbox here)."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no such file: {path}")
    name = assignment or assignment_of(path)
    if name is None:
        raise ValueError(f"{path}: cannot tell the assignment; pass --assignment")
    if name not in assignments.names():
        raise ValueError(f"{path}: no assignment {clean(name, 80)!r}; pass --assignment")
    chosen = assignments.load(name)
    language = language or language_of(path) or "es"
    with tempfile.TemporaryDirectory(prefix="rnncheck-") as temporary:
        os.chmod(temporary, 0o700)
        folder = public_autograder(chosen, language, Path(temporary))
        try:
            outcome = grade_all(
                folder,
                [(path.name, path)],
                Options(jobs=1, budget=budget(), progress_every=progress_every),
                on_sandbox=refuse_unconfined,
                on_progress=on_progress,
            )[0]
        except InfrastructureError as error:
            raise Refused(
                f"rnngrade check could not start the grading sandbox: {clean(error, 300)}"
            ) from None
    if outcome.status != GRADED:
        raise ValueError(f"{path}: {clean(outcome.reason, 300)}")
    return [
        QuestionResult(
            question.name,
            chosen.questions.get(question.name, ""),
            question.score,
            question.possible,
            clean(question.failures[0] if question.failures else "" if question.cases else outcome.reason),
        )
        for question in outcome.questions.values()
    ]
