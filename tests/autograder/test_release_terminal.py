"""Every public check of every assignment passes from a terminal (`python -m rnncheck`) on a
simulated Windows (tests/rnncheck/test_portable.py's sitecustomize: no SIGALRM, setitimer, fork
or `resource`, the spawn start method) and with each Python the release names that this machine
has (3.10, 3.12, 3.13; the project's own is 3.11), in a fresh environment made from the
release's own requirements.txt. (The release in a Jupyter kernel: test_release_environment.py.)"""

import os
import shutil
import subprocess
import sys
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


def test_every_public_check_passes_on_a_simulated_windows(builds, tmp_path, windows_site):
    for name in ASSIGNMENTS:
        path = filled_release(builds[name], tmp_path / name)
        done = check_from_a_terminal(sys.executable, path, windows_site)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "Traceback" not in done.stdout + done.stderr
        assert "✘" not in done.stdout and done.stdout.count("✔") == len(builds[name].assignment.questions)


def other_python(version):
    """The interpreter of that Python version on this machine (pyenv's or the system's), or None."""
    for candidate in (Path.home() / ".pyenv" / "versions").glob(f"{version}.*/bin/python{version}"):
        return candidate
    return shutil.which(f"python{version}")


@pytest.mark.parametrize("version", ["3.10", "3.12", "3.13"])
def test_the_release_checks_pass_with_every_python_it_names_here(builds, tmp_path, windows_site, version):
    python = other_python(version)
    if python is None:
        pytest.skip(f"no Python {version} on this machine")
    requirements = builds[ASSIGNMENTS[0]].student / "requirements.txt"
    own = environments.create(
        tmp_path / "venv", "-r", str(requirements), python=python, imports=("numpy", "matplotlib.pyplot")
    )
    for name in ASSIGNMENTS:
        path = filled_release(builds[name], tmp_path / name)
        for site in (tmp_path / "none", windows_site):  # as on Linux and macOS, then as on Windows
            done = check_from_a_terminal(own, path, site)
            assert done.returncode == 0, (version, name, done.stdout + done.stderr)
            assert "Traceback" not in done.stdout + done.stderr
