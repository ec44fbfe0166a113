"""`rnngrade check`: the public tests of every question on a student's notebook or .py file.

The file is checked by the student release's own terminal check, `python -m rnncheck`, next
to its public tests: the `tests/` and `rnncheck/` of the release it sits in or, when it sits
elsewhere, a fresh public release of its assignment (named in the notebook, or given).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from . import assignment as assignments
from .build import Build, copy_student_files, write_checker, write_public_tests


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
        name = json.loads(path.read_text(encoding="utf-8"))["metadata"]["otter"]["assignment_name"]
    except (ValueError, UnicodeDecodeError, LookupError, TypeError):  # not JSON, or not of this shape
        return None
    return name if isinstance(name, str) else None


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


CHECK_TIME_LIMIT = 900  # seconds for the whole check; each cell and each call has its own limit


def main(*, path: str | Path, assignment: str | None = None, language: str = "es") -> list[QuestionResult]:
    """Run the public tests of every question on the file; one result per question.

    The check is the release's own `python -m rnncheck`, in a separate process: the same
    check a student runs from a terminal, with its limits on every cell and every call."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no such file: {path}")
    name = assignment or assignment_of(path)
    with public_release(path, name, language) as runnable:
        done = subprocess.run(
            [sys.executable, "-m", "rnncheck", "--json", str(runnable)],
            cwd=runnable.parent,
            capture_output=True,
            text=True,
            timeout=CHECK_TIME_LIMIT,
            env={**os.environ, "PYTHONPATH": str(runnable.parent)},
        )
    try:
        report = json.loads(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise RuntimeError(f"the check of {path} ended without a result:\n{done.stderr[-2000:]}") from None
    if "error" in report:
        raise ValueError(report["error"])
    functions = assignments.load(name).questions if name in assignments.names() else {}
    return [
        QuestionResult(
            q["question"],
            functions.get(q["question"], ""),
            float(q["score"]),
            float(q["possible"]),
            q["failures"][0] if q["failures"] else "",
        )
        for q in report["questions"]
    ]
