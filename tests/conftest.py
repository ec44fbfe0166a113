"""Shared fixtures: one build of every assignment in each language per test session, in a
temporary folder."""

from pathlib import Path

import pytest

from autograder import assignment as assignments
from autograder.build import Build, build_assignment

ASSIGNMENTS = assignments.names()
# The tests build with a fixed seed of hidden inputs; tests/autograder/test_build.py tries others.
SEED = 2026


@pytest.fixture(scope="session")
def dist(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("dist")


@pytest.fixture(scope="session")
def builds(dist) -> dict[str, Build]:
    """name -> the Spanish build of that assignment (built once, on first use)."""
    return _LazyBuilds(dist)


@pytest.fixture(scope="session")
def english_builds(tmp_path_factory) -> dict[str, Build]:
    """name -> the English build of that assignment (built once, on first use)."""
    return _LazyBuilds(tmp_path_factory.mktemp("dist-en"), "en")


class _LazyBuilds(dict):
    """name -> the build of that assignment in `language`, made on first use."""

    def __init__(self, out: Path, language: str = "es"):
        super().__init__()
        self.out, self.language = out, language

    def __missing__(self, name: str) -> Build:
        self[name] = build_assignment(assignments.load(name), self.out, self.language, seed=SEED)
        return self[name]


# Under `make test` (xdist, --dist loadfile) each file runs whole on one worker, and files are
# handed out in collection order (--no-loadscope-reorder; xdist's own order puts files with
# many tests first, which left these few long ones to start last, on one worker, while the
# other sat idle). They go first, longest first, so that the many short files fill the other
# worker and both finish together. Their cost: CPU seconds measured under load, session builds
# included (each worker builds the assignments once, for whichever file asks first).
LONGEST_FIRST = (
    "tests/autograder/test_numpy_majors.py",  # about 125 s of CPU (four builds and audits)
    "tests/autograder/test_release_environment.py",  # about 115 s (ten notebooks in a kernel)
    "tests/autograder/test_release_terminal.py",  # about 75 s (28 terminal checks)
    "tests/engine/test_hostile.py",  # about 60 s (five batches)
    "tests/autograder/test_audit.py",
    "tests/autograder/test_gradescope.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        path = item.nodeid.split("::")[0]
        return LONGEST_FIRST.index(path) if path in LONGEST_FIRST else len(LONGEST_FIRST)

    items.sort(key=rank)  # stable: every file keeps its own order
