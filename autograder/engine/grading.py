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
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import submission
from .confine import Limits
from .outcome import GRADED, Case, Outcome, Question, zero
from .process import InfrastructureError, StudentProcess, Zygote
from .progress import Progress
from .session import Budget, Session
from .text import clean, clean_lines

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
    """A failed case's message: the checker's own text, or the exception's type and message;
    cleaned (it may quote student strings) and bounded."""
    from rnncheck import Feedback

    message = str(error) if isinstance(error, Feedback) else f"{type(error).__name__}: {str(error)[:300]}"
    return clean_lines(message, MAX_MESSAGE)


def _run_case(test_case: Any, env: dict[str, Any]) -> tuple[bool, str, str]:
    """(passed, message, mistake) of one otter test case; InfrastructureError passes through."""
    try:
        test_case.body.call_func(env)
    except InfrastructureError:
        raise
    except Exception as error:
        return False, _failure(error), clean(getattr(error, "mistake", None) or "", MAX_MESSAGE)
    return True, "", ""


def run_tests(
    autograder: Autograder,
    env: dict[str, Any],
    hiding: Callable[[], None] | None = None,
    progress: Progress | None = None,
) -> dict[str, Question]:
    """Every test file against env; question -> Question. InfrastructureError passes through.
    progress -- where the question whose tests run is noted as they begin, if anywhere.

    Every public case of every test file runs before any hidden case (hiding() is called in
    between): whatever a student function sees in a hidden case can only surface in the
    messages of hidden cases, which the student is never shown. Each case is scored as otter
    scores it, whatever the order.
    """
    from otter.test_files.abstract_test import TestCaseResult

    files = [(path, autograder.load(path)) for path in autograder.test_files]
    ran: dict[tuple[int, int], tuple[bool, str, str]] = {}
    for hidden in (False, True):
        if hidden and hiding is not None:
            hiding()
        for number, (path, test_file) in enumerate(files):
            if progress is not None:
                progress.question = path.stem
            for position, test_case in enumerate(test_file.test_cases):
                if bool(test_case.hidden) == hidden:
                    ran[number, position] = _run_case(test_case, env)
    questions = {}
    for number, (path, test_file) in enumerate(files):
        results, cases = [], []
        for position, test_case in enumerate(test_file.test_cases):
            passed, message, mistake = ran[number, position]
            results.append(TestCaseResult(test_case=test_case, message=message, passed=passed))
            points, hidden = float(test_case.points or 0), bool(test_case.hidden)
            cases.append(Case(test_case.name, points, hidden, passed, message, mistake))
        test_file.test_case_results = results
        questions[path.stem] = Question(
            path.stem, float(test_file.score), float(test_file.possible), tuple(cases)
        )
    return questions


def reason(questions: dict[str, Question], cell_errors: list[str], functions: list[str]) -> str:
    """Why a graded submission scored nothing, in a few words; '' when it scored something.
    Drawn from the public cases' failures only: what a hidden case says is not for the student."""
    from rnncheck import say

    if any(q.score for q in questions.values()):
        return ""
    not_done = {say("not_implemented", name=f) for f in functions}
    failures = [c.message for q in questions.values() for c in q.cases if not (c.passed or c.hidden)]
    if failures and all(m in not_done for m in failures):
        return say("reason_nothing_done")
    if cell_errors:
        return say("reason_cell_error", detail=cell_errors[0])
    return ""


@dataclasses.dataclass
class Slot:
    """Where one grader process grades: its zygote, its own user (when root) and folder, and
    where it notes what it is doing (engine.progress), if anywhere."""

    zygote: Zygote
    uid: int | None
    workroot: Path
    limits: Limits
    budget: Budget
    progress: Progress | None = None

    def spawn(self, workdir: Path) -> tuple[StudentProcess, dict[str, str]]:
        """A confined student process in workdir; the zygote is started again if it ended."""
        if self.zygote.process.poll() is not None:
            self.zygote = Zygote()
        return self.zygote.spawn(workdir, self.uid, self.limits)

    def sweep(self, missing: dict[str, str] | None) -> None:
        """End every process of the slot's user that is left, before the submission's folder is
        removed: only where the student processes had no PID namespace (`missing`, what their
        sandbox lacked) to take them along with their keeper; elsewhere the same user may be
        another batch's on this machine."""
        if self.uid is not None and missing is not None and "pids" in missing:
            with contextlib.suppress(InfrastructureError):
                self.zygote.sweep(self.uid)


_FOLDER = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW


def _open_folder(name: str | Path, parent: int | None = None) -> int:
    """A descriptor of the folder `name` (relative to parent), made its owner's to read, write
    and enter first if a submission took that away; OSError if it is not a folder."""
    try:
        fd = os.open(name, _FOLDER, dir_fd=parent)
    except PermissionError:  # chmod 000 (root never gets here): ours to undo
        os.chmod(name, 0o700, dir_fd=parent)
        fd = os.open(name, _FOLDER, dir_fd=parent)
    with contextlib.suppress(OSError):
        os.chmod(fd, 0o700)
    return fd


def remove_tree(path: Path) -> None:
    """Remove path and everything in it, whatever a submission made there: any depth (a folder
    is moved up beside path's own entries before it is emptied: no recursion, no long paths),
    any name, any permission (each folder is made its owner's again), symbolic links removed,
    never followed. OSError only if path itself is left."""
    try:
        top = _open_folder(path)
    except FileNotFoundError:
        return
    except OSError:  # not a folder (a file, a symbolic link)
        path.unlink(missing_ok=True)
        return
    try:
        pending: list[str | None] = [None]  # folders in path still to empty; None is path itself
        number = 0
        while pending:
            name = pending.pop()
            try:
                fd = top if name is None else _open_folder(name, top)
            except OSError:
                with contextlib.suppress(OSError):
                    os.unlink(name, dir_fd=top)  # type: ignore[arg-type]
                continue
            try:
                with os.scandir(fd) as found:
                    entries = [(entry.name, entry.is_dir(follow_symlinks=False)) for entry in found]
                for entry, is_folder in entries:
                    with contextlib.suppress(OSError):
                        if not is_folder:
                            os.unlink(entry, dir_fd=fd)
                        elif name is None:
                            pending.append(entry)
                        else:
                            while _exists(f".rm{number}", top):
                                number += 1
                            os.rename(entry, f".rm{number}", src_dir_fd=fd, dst_dir_fd=top)
                            pending.append(f".rm{number}")
            finally:
                if fd != top:
                    os.close(fd)
            if name is not None:
                with contextlib.suppress(OSError):
                    os.rmdir(name, dir_fd=top)
    finally:
        os.close(top)
    os.rmdir(path)


def _exists(name: str, folder: int) -> bool:
    try:
        os.lstat(name, dir_fd=folder)
    except FileNotFoundError:
        return False
    return True


def prepare_workdir(slot: Slot, files: Path, names: list[str]) -> Path:
    """A fresh folder for one submission, with the files its notebook reads, owned by the slot's user."""
    workdir = slot.workroot / "trabajo"
    try:
        remove_tree(workdir)
    except OSError:  # something of the last submission's could not go: set it aside
        os.rename(workdir, slot.workroot / f"apartado-{os.urandom(6).hex()}")
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


def repair_workdir(workdir: Path, uid: int | None) -> None:
    """Give the submission's folder back to it as it was made (its user's, 0700), whatever the
    submission did to it (chmod 000, then ending its process); FileNotFoundError if it is gone."""
    fd = _open_folder(workdir)
    try:
        os.chmod(fd, 0o700)
        if uid is not None:
            os.chown(fd, uid, uid)
    finally:
        os.close(fd)


def grade_file(autograder: Autograder, slot: Slot, path: Path, name: str) -> Outcome:
    """The Outcome of one submitted file; never raises for anything the file holds or does."""
    from rnncheck import say
    from rnncheck.cells import cell_name

    manifest = autograder.manifest
    possible = autograder.possible()
    try:
        cells = submission.read_cells(path, manifest["assignment"])
    except submission.Rejected as rejected:
        return zero(name, possible, clean(rejected))
    names = list(manifest["student_files"])
    workdir = prepare_workdir(slot, autograder.files, names)

    def spawn() -> tuple[StudentProcess, dict[str, str]]:
        """A student process in the submission's folder, repaired first; if none starts there,
        the folder is made again from the original files for the next try."""
        try:
            repair_workdir(workdir, slot.uid)
            return slot.spawn(workdir)
        except (InfrastructureError, OSError) as error:
            prepare_workdir(slot, autograder.files, names)
            if isinstance(error, OSError):
                raise InfrastructureError(f"the submission's folder: {error.strerror}") from None
            raise

    session = Session(cells, spawn, slot.budget, slot.progress)
    try:
        session.start()
        questions = run_tests(autograder, session.env(), session.hide, slot.progress)
    except InfrastructureError as error:
        return zero(name, possible, say("engine_infrastructure", detail=clean(error, 300)))
    except Exception as error:  # from start(): the notebook hung or ended its process too often
        return zero(name, possible, clean(_failure(error), MAX_MESSAGE), GRADED)
    finally:
        session.close()
        slot.sweep(session.missing)
        with contextlib.suppress(OSError):
            remove_tree(workdir)
    errors = session.errors()
    return Outcome(
        name,
        questions,
        reason=clean(reason(questions, list(errors.values()), list(manifest["functions"])), MAX_MESSAGE),
        cell_errors=tuple(clean(f"{cell_name(cells[n], capital=True)}: {e}", 500) for n, e in errors.items()),
    )
