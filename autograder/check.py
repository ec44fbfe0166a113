"""`rnngrade check`: the public tests of every question on a student's notebook or .py file.

The file runs in a Jupyter kernel, through otter's own grading, next to its public tests:
the `tests/` and `rnncheck/` of the student release it sits in or, when it sits elsewhere,
a fresh public release of its assignment (named in the notebook, or given).
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from . import assignment as assignments
from .build import Build, copy_student_files, write_checker, write_public_tests


def failure_text(message: str | None) -> str:
    """The student-facing part of an otter failure message: its last line, minus the prefix."""
    lines = [line.strip() for line in (message or "").strip().splitlines() if line.strip()]
    if not lines:
        return ""
    last = lines[-1]
    for prefix in ("Feedback: ", "AssertionError: "):
        if last.startswith(prefix):
            return last[len(prefix) :]
    return last


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


def assignment_of(path: Path) -> str | None:
    """The assignment named in a notebook's metadata, or None."""
    if path.suffix != ".ipynb":
        return None
    try:
        metadata = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
    except (ValueError, UnicodeDecodeError):
        return None
    return metadata.get("otter", {}).get("assignment_name")


@contextlib.contextmanager
def public_release(path: Path, name: str | None, language: str) -> Iterator[Path]:
    """The student file inside a folder with its public tests; a temporary one if need be."""
    folder = path.resolve().parent
    if (folder / "tests").is_dir() and (folder / "rnncheck").is_dir():
        yield path.resolve()
        return
    name = name or assignment_of(path)
    if name is None:
        raise ValueError(f"{path}: cannot tell the assignment; pass --assignment")
    with tempfile.TemporaryDirectory(prefix="rnncheck-") as temporary:
        build = Build(assignments.load(name), language, Path(temporary))
        build.student.mkdir(parents=True)
        for step in (write_public_tests, copy_student_files, write_checker):
            step(build)
        shutil.copyfile(path, build.student / path.name)
        yield build.student / path.name


@contextlib.contextmanager
def _kernel_quiet() -> Iterator[None]:
    """Send what the Jupyter kernel process writes to stderr (its start-up warnings) nowhere."""
    saved = os.dup(2)
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def main(*, path: str | Path, assignment: str | None = None, language: str = "es") -> list[QuestionResult]:
    """Run the public tests of every question on the file; one result per question."""
    from otter.execute import grade_notebook
    from otter.utils import chdir

    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no such file: {path}")
    with public_release(path, assignment, language) as runnable:
        folder = runnable.parent
        tests = sorted(str(p) for p in (folder / "tests").glob("q*.py"))
        log = io.StringIO()
        with chdir(folder), contextlib.redirect_stdout(log), contextlib.redirect_stderr(log), _kernel_quiet():
            results = grade_notebook(
                str(runnable),
                tests_glob=tests,
                cwd=str(folder),
                test_dir=str(folder / "tests"),
                script=runnable.suffix == ".py",
            )
    name = assignment or assignment_of(path)
    functions = assignments.load(name).questions if name in assignments.names() else {}
    found = []
    for question, test_file in sorted(results.results.items(), key=lambda item: int(item[0][1:])):
        failed = [failure_text(r.message) for r in test_file.test_case_results if not r.passed]
        found.append(
            QuestionResult(
                question,
                functions.get(question, ""),
                float(test_file.score),
                float(test_file.possible),
                failed[0] if failed else "",
            )
        )
    return found
