"""The numpy a build allows, in one place: the student release's requirements.txt, the
notebook's first cell and the autograder zip's environment all take it from here."""

from __future__ import annotations

import re


def numpy_requirement(version: str | None = None) -> str:
    """The numpy range of a build: the major the answers are recorded with (numpy's own, or
    `version`). Student release and autograder zip both allow it and no other: code that runs
    on one major may fail on the next (`np.sum` of a generator works on 1.26, not on 2.x).

    "2.1.3" -> "numpy>=2.0,<3"; "1.26.4" -> "numpy>=1.26,<2" (the oldest 1.x the checks know)
    """
    if version is None:
        import numpy

        version = numpy.__version__
    major = int(version.split(".")[0])
    return "numpy>=1.26,<2" if major == 1 else f"numpy>={major}.0,<{major + 1}"


def bounds(requirement: str) -> tuple[tuple[int, int], int]:
    """ "numpy>=2.0,<3" -> ((2, 0), 3): the oldest (major, minor) allowed, and the first major not."""
    found = re.fullmatch(r"[\w-]+>=(\d+)\.(\d+),<(\d+)", requirement)
    if found is None:
        raise ValueError(f"{requirement!r} is not of the form name>=X.Y,<Z")
    return (int(found[1]), int(found[2])), int(found[3])


NUMPY = numpy_requirement()
