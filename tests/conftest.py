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
