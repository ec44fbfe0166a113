"""The RNN course kit's tooling: build, check, grade and audit the assignments.

Each stage is a module with a keyword-only `main`; `rnngrade` (autograder.cli) forwards to
them. The otter tests of each assignment live in `autograder/otter_tests/<assignment>/`.
"""

from . import assignment, audit, build, check, feedback, fill, grade, notebook, report, samples

__all__ = [
    "assignment",
    "audit",
    "build",
    "check",
    "feedback",
    "fill",
    "grade",
    "notebook",
    "report",
    "samples",
]
