"""Grading one submission with an unpacked autograder zip: the one pipeline, whoever calls it.

    read_cells      the code cells of the submitted file (engine.submission), or a reason
    Session.start   the cells run in a confined student process (engine.session)
    run_tests       every test file of the zip runs here, in the trusted process, against
                    proxies of the student's functions; scores are computed here
    outcome         scores, failures and a reason, as one Outcome (engine.outcome)

The autograder zip holds `rnngrade.json` (what the build knows: the assignment, its
functions and questions, the files the notebook reads), `tests/`, and `files/` with the
checker (rnncheck, with the recorded answers) and the notebook's data.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import shutil
import sys
import zipfile
from pathlib import Path
from typing import Any

from . import submission
from .confine import Limits
from .outcome import GRADED, Case, Outcome, Question, zero
from .process import InfrastructureError, StudentProcess, Zygote
from .session import Budget, Session

MANIFEST = "rnngrade.json"
MAX_MESSAGE = 2000  # characters of one failure's message in the outcome


class Autograder:
    """An unpacked autograder zip, in a folder only the grader may read."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.manifest: dict[str, Any] = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        self._code: dict[Path, Any] = {}
        self._possible: dict[str, float] | None = None

    @property
    def files(self) -> Path:
        return self.folder / "files"

    @property
    def test_files(self) -> list[Path]:
        return sorted((self.folder / "tests").glob("q*.py"), key=lambda p: int(p.stem[1:]))

    @property
    def assignment(self) -> str:
        return str(self.manifest["assignment"])

    def possible(self) -> dict[str, float]:
        """Question -> points possible, as otter counts them."""
        if self._possible is None:
            self._possible = {p.stem: float(self.load(p).possible) for p in self.test_files}
        return dict(self._possible)

    def load(self, path: Path) -> Any:
        """A fresh otter ExceptionTestFile of the test file at path (compiled once)."""
        from otter.test_files.exception_test import ExceptionTestFile

        if path not in self._code:
            source = path.read_text(encoding="utf-8")
            self._code[path] = (source, ExceptionTestFile._compile_string(source, str(path)))
        source, code = self._code[path]
        test_file = ExceptionTestFile._from_compiled_code(code, str(path))
        test_file.source = source
        return test_file

    def use_checker(self) -> None:
        """Make `import rnncheck` in this process give the zip's checker, with its answers."""
        for name in [m for m in sys.modules if m == "rnncheck" or m.startswith("rnncheck.")]:
            del sys.modules[name]
        sys.path.insert(0, str(self.files))
        os.chdir(self.files)  # tests read data files relative to the notebook


def unpack(autograder_zip: Path, folder: Path) -> Autograder:
    """Unpack an autograder zip into folder (made readable by its owner only)."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    with zipfile.ZipFile(autograder_zip) as archive:
        archive.extractall(folder)
    if not (folder / MANIFEST).is_file():
        raise ValueError(f"{autograder_zip} is not an autograder zip of this kit (no {MANIFEST}): rebuild it")
    return Autograder(folder)


def _failure(error: Exception) -> str:
    from rnncheck import Feedback

    message = str(error) if isinstance(error, Feedback) else f"{type(error).__name__}: {str(error)[:300]}"
    return message if len(message) <= MAX_MESSAGE else message[:MAX_MESSAGE] + "…"


def run_tests(autograder: Autograder, env: dict[str, Any]) -> dict[str, Question]:
    """Every test file against env; question -> Question. InfrastructureError passes through."""
    from otter.test_files.abstract_test import TestCaseResult

    questions = {}
    for path in autograder.test_files:
        test_file = autograder.load(path)
        results, cases = [], []
        for test_case in test_file.test_cases:
            mistake = ""
            try:
                test_case.body.call_func(env)
                passed, message = True, ""
            except InfrastructureError:
                raise
            except Exception as error:
                passed, message = False, _failure(error)
                mistake = str(getattr(error, "mistake", None) or "")[:MAX_MESSAGE]
            results.append(TestCaseResult(test_case=test_case, message=message, passed=passed))
            points, hidden = float(test_case.points or 0), bool(test_case.hidden)
            cases.append(Case(test_case.name, points, hidden, passed, message, mistake))
        test_file.test_case_results = results
        questions[path.stem] = Question(
            path.stem, float(test_file.score), float(test_file.possible), tuple(cases)
        )
    return questions


def reason(questions: dict[str, Question], cell_errors: list[str], functions: list[str]) -> str:
    """Why a graded submission scored nothing, in a few words; '' when it scored something."""
    from rnncheck import say

    if any(q.score for q in questions.values()):
        return ""
    not_done = {say("not_implemented", name=f) for f in functions}
    failures = [m for q in questions.values() for m in q.failures]
    if failures and all(m in not_done for m in failures):
        return say("reason_nothing_done")
    if cell_errors:
        return say("reason_cell_error", detail=cell_errors[0])
    return ""


@dataclasses.dataclass
class Slot:
    """Where one grader process grades: its zygote, its own user (when root) and folder."""

    zygote: Zygote
    uid: int | None
    workroot: Path
    limits: Limits
    budget: Budget

    def spawn(self, workdir: Path) -> tuple[StudentProcess, dict[str, str]]:
        """A confined student process in workdir; the zygote is started again if it ended."""
        if self.zygote.process.poll() is not None:
            self.zygote = Zygote()
        return self.zygote.spawn(workdir, self.uid, self.limits)


def prepare_workdir(slot: Slot, files: Path, names: list[str]) -> Path:
    """A fresh folder for one submission, with the files its notebook reads, owned by the slot's user."""
    workdir = slot.workroot / "trabajo"
    with contextlib.suppress(FileNotFoundError):
        shutil.rmtree(workdir)
    workdir.mkdir(mode=0o700)
    for name in names:
        source = files / name
        if source.is_dir():
            shutil.copytree(source, workdir / name)
        elif source.is_file():
            shutil.copyfile(source, workdir / name)
    if slot.uid is not None:
        for path in [workdir, *workdir.rglob("*")]:
            os.lchown(path, slot.uid, slot.uid)
    return workdir


def grade_file(autograder: Autograder, slot: Slot, path: Path, name: str) -> Outcome:
    """The Outcome of one submitted file; never raises for anything the file holds or does."""
    from rnncheck import say

    manifest = autograder.manifest
    possible = autograder.possible()
    try:
        cells = submission.read_cells(path, manifest["assignment"])
    except submission.Rejected as rejected:
        return zero(name, possible, str(rejected))
    workdir = prepare_workdir(slot, autograder.files, list(manifest["student_files"]))
    session = Session(cells, lambda: slot.spawn(workdir), slot.budget)
    try:
        session.start()
        questions = run_tests(autograder, session.env())
    except InfrastructureError as error:
        return zero(name, possible, say("engine_infrastructure", detail=str(error)))
    except Exception as error:  # from start(): the notebook hung or ended its process too often
        return zero(name, possible, _failure(error), GRADED)
    finally:
        session.close()
        shutil.rmtree(workdir, ignore_errors=True)
    errors = dict(sorted({**session.cell_errors, **session.broken}.items()))
    return Outcome(
        name,
        questions,
        reason=reason(questions, list(errors.values()), list(manifest["functions"])),
        cell_errors=tuple(f"{say('cell_label', number=n + 1)}: {e}" for n, e in errors.items()),
    )
