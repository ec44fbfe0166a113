"""How much faster the audit's fast path is than grading through otter, in the same run.

    .venv/bin/python benchmarks/grading_paths.py [assignment] [copies]

Grades `copies` reference-filled notebooks of the assignment both ways (2 at a time) and
prints the seconds per notebook of each and their ratio. Timings on this machine are noisy;
the ratio, measured in one process, is what to compare between changes.
"""

import sys
import tempfile
import time
from pathlib import Path

import nbformat

from autograder import assignment as assignments
from autograder import fastgrade, grade
from autograder.build import build_assignment
from autograder.fill import fill
from autograder.notebook import render


def main(name: str = "word_representation", copies: int = 6) -> None:
    assignment = assignments.load(name)
    with tempfile.TemporaryDirectory() as workdir:
        folder = Path(workdir)
        build = build_assignment(assignment, folder / "dist")
        submissions = folder / "submissions"
        submissions.mkdir()
        nb = fill(render(assignment), [assignment.solution_path])
        for i in range(copies):
            nbformat.write(nb, submissions / f"copy{i}.ipynb")
        notebooks = grade.submissions_in(submissions)

        start = time.perf_counter()
        grade.main(
            assignment=name,
            submissions=submissions,
            output=folder / "gb.csv",
            autograder=build.autograder_zip,
            jobs=2,
        )
        otter_seconds = (time.perf_counter() - start) / copies

        start = time.perf_counter()
        fastgrade.grade_all(notebooks, build.autograder_zip, jobs=2)
        fast_seconds = (time.perf_counter() - start) / copies

    print(
        f"{name}: otter {otter_seconds:.2f} s/notebook, fast {fast_seconds:.3f} s/notebook, "
        f"ratio otter/fast {otter_seconds / fast_seconds:.0f}x"
    )


if __name__ == "__main__":
    main(*sys.argv[1:2], *(int(a) for a in sys.argv[2:3]))
