"""Every public check of every assignment passes from a terminal (`python -m rnncheck`) with each
Python the release names that this machine has (3.10 to 3.13), in a fresh environment made from
the release's own requirements.txt, as on Linux and macOS and on a simulated Windows
(tests/rnncheck/test_portable.py's sitecustomize: no SIGALRM, setitimer, fork or `resource`, the
spawn start method), in turn: each assignment is checked each way under two of the versions.
(The release in a Jupyter kernel: test_release_environment.py.)"""

import os
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest

from autograder.fill import fill
from tests import environments
from tests.conftest import ASSIGNMENTS
from tests.rnncheck.test_portable import WINDOWS

pytestmark = pytest.mark.slow


def filled_release(build, folder):
    """The release in folder, its notebook filled in with the reference solution."""
    shutil.copytree(build.student, folder)
    path = folder / build.assignment.notebook_name
    nbformat.write(fill(nbformat.read(path, 4), [build.assignment.solution_path]), path)
    return path


def check_from_a_terminal(python, path, site):
    """`python -m rnncheck` on path, in its folder, with the sitecustomize in site loaded."""
    return subprocess.run(
        [str(python), "-m", "rnncheck", path.name],
        cwd=path.parent,
        capture_output=True,
        text=True,
        encoding="utf-8",
        # a cell's time limit far above what any cell takes: this proves the checks pass, and
        # the limit itself is proven in tests/rnncheck; a busy machine must not meet it here
        env={
            **os.environ,
            "PYTHONPATH": str(site),
            "PYTHONIOENCODING": "utf-8",
            "RNNCHECK_CELL_TIME_LIMIT": "600",
        },
        timeout=900,
    )


@pytest.fixture
def windows_site(tmp_path):
    site = tmp_path / "windows"
    site.mkdir()
    (site / "sitecustomize.py").write_text(WINDOWS, encoding="utf-8")
    return site


def other_python(version):
    """The interpreter of that Python version on this machine (pyenv's or the system's), or None."""
    for candidate in (Path.home() / ".pyenv" / "versions").glob(f"{version}.*/bin/python{version}"):
        return candidate
    return shutil.which(f"python{version}")


VERSIONS = ["3.10", "3.11", "3.12", "3.13"]


@pytest.mark.parametrize("version", VERSIONS)
def test_the_release_checks_pass_with_every_python_it_names_here(builds, tmp_path, windows_site, version):
    python = other_python(version)
    if python is None:
        pytest.skip(f"no Python {version} on this machine")
    requirements = builds[ASSIGNMENTS[0]].student / "requirements.txt"
    own = environments.create(
        tmp_path / "venv", "-r", str(requirements), python=python, imports=("numpy", "matplotlib.pyplot")
    )
    for i, name in enumerate(ASSIGNMENTS):
        # as on Linux and macOS, or as on Windows, in turn: across the versions each assignment
        # is checked twice each way
        windows = (i + VERSIONS.index(version)) % 2 == 1
        path = filled_release(builds[name], tmp_path / name)
        done = check_from_a_terminal(own, path, windows_site if windows else tmp_path / "none")
        said = (version, name, "Windows" if windows else "Linux", done.stdout + done.stderr)
        assert done.returncode == 0, said
        assert "Traceback" not in done.stdout + done.stderr, said
        assert "✘" not in done.stdout and done.stdout.count("✔") == len(builds[name].assignment.questions), (
            said
        )
