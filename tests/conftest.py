"""Shared fixtures: one build of every assignment in each language per test run, in a
temporary folder."""

import fcntl
import os
import shutil
from pathlib import Path

import pytest

from autograder import assignment as assignments
from autograder.build import Build, build_assignment

ASSIGNMENTS = assignments.names()
# Each language of a parametrized test: the English builds cost seconds more, so their tests run
# under `make test` and not in `make check`'s quick loop, which builds the Spanish ones only.
LANGUAGES = [
    pytest.param(language, marks=pytest.mark.slow) if language != "es" else language
    for language in assignments.LANGUAGES
]
# The tests build with a fixed seed of hidden inputs; tests/autograder/test_build.py tries others.
SEED = 2026


@pytest.fixture(scope="session")
def dist(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("dist")


@pytest.fixture(scope="session")
def builds(dist, tmp_path_factory) -> dict[str, Build]:
    """name -> the Spanish build of that assignment (built once, on first use)."""
    return _LazyBuilds(dist, "es", _shared(tmp_path_factory))


@pytest.fixture(scope="session")
def english_builds(tmp_path_factory) -> dict[str, Build]:
    """name -> the English build of that assignment (built once, on first use)."""
    return _LazyBuilds(tmp_path_factory.mktemp("dist-en"), "en", _shared(tmp_path_factory))


def builds_in(request: pytest.FixtureRequest, language: str) -> dict[str, Build]:
    """The session builds of language, for a test parametrized by LANGUAGES: the fixture
    `builds` (Spanish) or `english_builds`, asked for only when the test runs."""
    return request.getfixturevalue("builds" if language == "es" else "english_builds")


def _shared(tmp_path_factory) -> Path:
    """The folder of this run where each build is made once: under xdist one that every worker
    sees (the parent of the workers' own temporary folders), else this session's own."""
    run = tmp_path_factory.getbasetemp()
    return (run.parent if "PYTEST_XDIST_WORKER" in os.environ else run) / "shared-builds"


class _LazyBuilds(dict):
    """name -> the build of that assignment in `language`, made on first use, into out.

    The first worker that asks builds into the shared folder (`_shared`), holding a lock that
    the others wait on, and each worker copies the finished build into its own out: a build
    costs seconds, and a copy keeps what a test writes beside a build to its own worker. A
    worker that would wait first makes one build of that language that nobody has started, in
    course order: both cores build while the session's first tests wait for their builds."""

    def __init__(self, out: Path, language: str, shared: Path):
        super().__init__()
        self.out, self.language, self.shared = out, language, shared

    def __missing__(self, name: str) -> Build:
        if not _shared_build(self.shared, self.language, name, wait=False):
            for other in ASSIGNMENTS:
                if not (self.shared / self.language / other / "done").exists():
                    if _shared_build(self.shared, self.language, other, wait=False):
                        break
            _shared_build(self.shared, self.language, name, wait=True)
        shutil.copytree(self.shared / self.language / name / "out", self.out, dirs_exist_ok=True)
        self[name] = Build(assignments.load(name), self.language, self.out.resolve(), SEED)
        return self[name]


def _shared_build(shared: Path, language: str, name: str, wait: bool) -> bool:
    """Whether the build of name in language is in shared/language/name/out, made now by this
    worker if no other had made it; False, at once, if another is making it and not wait."""
    made = shared / language / name
    made.mkdir(parents=True, exist_ok=True)
    with open(made / "lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            return False
        if not (made / "done").exists():  # the lock is released when the file closes
            build_assignment(assignments.load(name), made / "out", language, seed=SEED)
            (made / "done").touch()
    return True


# Under `make test` (xdist, --dist loadfile) each file runs whole on one worker, and files are
# handed out in collection order (--no-loadscope-reorder; xdist's own order puts files with
# many tests first, which left these few long ones to start last, on one worker, while the
# other sat idle). They go first, longest first, so that the many short files fill the other
# worker and both finish together. Their cost: seconds on a quiet machine under `make test`,
# session builds included (the assignments are built once, for whichever file asks first).
LONGEST_FIRST = (
    "tests/autograder/test_release_environment.py",  # about 160 s (11 whole notebooks in a kernel)
    "tests/autograder/test_audit.py",  # about 120 s (264 submissions graded)
    "tests/autograder/test_numpy_majors.py",  # about 100 s (five builds and short audits)
    "tests/autograder/test_gradescope.py",  # about 85 s (seven runs of run_autograder)
    "tests/engine/test_hostile.py",  # about 75 s (five batches)
    "tests/autograder/test_release_terminal.py",  # about 60 s (four environments, 20 checks)
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        path = item.nodeid.split("::")[0]
        return LONGEST_FIRST.index(path) if path in LONGEST_FIRST else len(LONGEST_FIRST)

    items.sort(key=rank)  # stable: every file keeps its own order
