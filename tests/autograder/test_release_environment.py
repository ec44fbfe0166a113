"""The student release works where students work: in a fresh Python environment made from the
release's own requirements.txt (with the oldest and the newest numpy it allows: the major the
build recorded its answers with, the same that the autograder zip installs), from the
notebook alone (a friendly message, not a traceback), and in Colab's layout (the notebook and
the release zip side by side in a folder).

Notebooks run in a real Jupyter kernel of that environment, not of the project's. Every public
check of every assignment also passes from a terminal (`python -m rnncheck`) on a simulated
Windows (tests/rnncheck/test_portable.py's sitecustomize: no SIGALRM, setitimer, fork or
`resource`, the spawn start method) and with each Python the release names that this machine
has (3.10, 3.12, 3.13; the project's own is 3.11), and the release zip unpacks readable."""

import ast
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

from autograder.build import STUDENT_REQUIREMENTS
from autograder.fill import fill
from autograder.versions import NUMPY, numpy_requirement
from rnncheck.messages import MESSAGES
from tests import environments
from tests.autograder.kernel import errors, execute, shown
from tests.conftest import ASSIGNMENTS
from tests.rnncheck.test_portable import WINDOWS

pytestmark = pytest.mark.slow


class Environment:
    """A fresh virtual environment with a Jupyter kernel and nothing else installed (pip too: on
    Colab the notebook's first cell installs the release's requirements with it)."""

    def __init__(self, folder):
        self.folder = folder
        self.python = environments.create(folder / "venv", "ipykernel", pip=True, imports=("ipykernel",))
        spec = folder / "jupyter" / "kernels" / "release"
        spec.mkdir(parents=True)
        argv = [str(self.python), "-m", "ipykernel_launcher", "-f", "{connection_file}"]
        (spec / "kernel.json").write_text(
            json.dumps({"argv": argv, "language": "python", "display_name": "r"})
        )

    def pip(self, *arguments):
        environments.install(self.python, *arguments)

    def version(self, package):
        done = subprocess.run(
            [str(self.python), "-c", f"import {package}; print({package}.__version__)"],
            capture_output=True,
            text=True,
        )
        return done.stdout.strip()

    def execute(self, nb, folder, monkeypatch):
        monkeypatch.setenv("JUPYTER_PATH", str(self.folder / "jupyter"))
        return execute(nb, folder, kernel_name="release")


@pytest.fixture(scope="module")
def environment(tmp_path_factory):
    return Environment(tmp_path_factory.mktemp("student-env"))


def first_code_cell(nb):
    return next(i for i, cell in enumerate(nb.cells) if cell.cell_type == "code")


def lowest_allowed(package):
    """ "2.0" for "numpy>=2.0,<3": the oldest release the requirement allows."""
    requirement = next(r for r in STUDENT_REQUIREMENTS if r.startswith(package))
    return re.search(r">=([\d.]+)", requirement).group(1)


def oldest_allowed(package):
    return f"{package}=={lowest_allowed(package)}.*"


def check_outputs(nb):
    return [c for c in nb.cells if c.source.startswith("grader.check(")], errors(nb)


def test_the_release_runs_in_a_fresh_environment_from_its_requirements_alone(
    builds, environment, tmp_path, monkeypatch
):
    # 1. Nothing installed but Jupyter: the first cell names what is missing and the command.
    build = builds[ASSIGNMENTS[0]]
    folder = tmp_path / "first"
    shutil.copytree(build.student, folder)
    nb = nbformat.read(folder / build.assignment.notebook_name, 4)
    nb.cells = nb.cells[: first_code_cell(nb) + 1]
    text = shown(environment.execute(nb, folder, monkeypatch).cells[-1])
    assert "pip install -r requirements.txt" in text and "numpy" in text
    assert "Traceback" not in text and "File " not in text

    # 2. On Colab the first cell installs the release's requirements itself, then goes on.
    colab = nbformat.v4.new_code_cell(
        'import sys, types\nsys.modules["google.colab"] = types.ModuleType("google.colab")'
    )
    nb.cells = [colab, *nb.cells]
    text = shown(environment.execute(nb, folder, monkeypatch).cells[-1])
    assert MESSAGES["es"]["setup_installing"].format(packages="numpy, matplotlib") in text
    assert numpy_requirement(environment.version("numpy")) == NUMPY and environment.version("matplotlib")
    assert errors(nb) == []

    # 3. The release's requirements, newest versions, then the oldest numpy they allow: both of
    # the major the answers were recorded with (build.NUMPY), the one Gradescope grades with.
    for numpy in ("newest", "oldest"):
        if numpy == "oldest":
            environment.pip(oldest_allowed("numpy"))
            assert environment.version("numpy").startswith(lowest_allowed("numpy") + ".")
        assert numpy_requirement(environment.version("numpy")) == NUMPY
        for name in ASSIGNMENTS:
            build = builds[name]
            folder = tmp_path / f"{numpy}-{name}"
            shutil.copytree(build.student, folder)
            path = folder / build.assignment.notebook_name
            nb = environment.execute(
                fill(nbformat.read(path, 4), [build.assignment.solution_path]), folder, monkeypatch
            )
            checks, failures = check_outputs(nb)
            assert failures == [], f"{name} with the {numpy} numpy"
            assert checks and all("✔" in shown(c) and "✘" not in shown(c) for c in checks), name


def test_the_notebook_alone_says_where_its_files_are(builds, environment, tmp_path, monkeypatch):
    environment.pip("-r", str(builds[ASSIGNMENTS[0]].student / "requirements.txt"))
    build = builds["rnn_types"]
    folder = tmp_path / "solo el notebook"
    folder.mkdir()
    shutil.copyfile(build.student / build.assignment.notebook_name, folder / build.assignment.notebook_name)
    nb = nbformat.read(folder / build.assignment.notebook_name, 4)
    nb.cells = nb.cells[: first_code_cell(nb) + 1]
    text = shown(environment.execute(nb, folder, monkeypatch).cells[-1])
    assert MESSAGES["es"]["setup_no_release"].format(assignment="rnn_types") in text
    assert "Traceback" not in text


def test_colab_layout_the_notebook_and_the_release_zip_side_by_side(
    builds, environment, tmp_path, monkeypatch
):
    environment.pip("-r", str(builds[ASSIGNMENTS[0]].student / "requirements.txt"))
    build = builds["bptt"]
    content = tmp_path / "content con espacios y acentos ñ"
    content.mkdir()
    path = content / build.assignment.notebook_name
    nbformat.write(
        fill(
            nbformat.read(build.student / build.assignment.notebook_name, 4), [build.assignment.solution_path]
        ),
        path,
    )
    shutil.copyfile(build.student.with_suffix(".zip"), content / f"{build.assignment.name}.zip")
    nb = environment.execute(nbformat.read(path, 4), content, monkeypatch)
    checks, failures = check_outputs(nb)
    assert failures == []
    assert checks and all("✔" in shown(c) and "✘" not in shown(c) for c in checks)
    assert (content / build.assignment.name / "rnncheck").is_dir()
    suffix = MESSAGES["es"]["export_suffix"]  # the export found the notebook beside the release
    assert (content / f"{build.assignment.name}{suffix}.zip").is_file(), shown(nb.cells[-1])
    again = nbformat.read(path, 4)  # running the first cell again is quick and quiet
    again.cells = again.cells[: first_code_cell(again) + 1] * 2
    assert shown(environment.execute(again, content, monkeypatch).cells[-1]) == ""


def test_shipped_code_is_valid_python_3_10_to_3_13(builds):
    for name in ASSIGNMENTS:
        student = builds[name].student
        sources = [p.read_text(encoding="utf-8") for p in student.rglob("*.py")]
        nb = nbformat.read(student / builds[name].assignment.notebook_name, 4)
        sources += [
            "\n".join(line for line in c.source.splitlines() if not line.lstrip().startswith(("%", "!")))
            for c in nb.cells
            if c.cell_type == "code"
        ]
        assert sources
        for source in sources:
            for version in ((3, 10), (3, 11), (3, 12), (3, 13)):
                ast.parse(source, feature_version=version)


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


def test_the_release_zip_unpacks_readable_files_0644_and_folders_0755(builds, tmp_path):
    build = builds[ASSIGNMENTS[0]]
    with zipfile.ZipFile(build.student.with_suffix(".zip")) as archive:
        modes = {info.filename: info.external_attr >> 16 for info in archive.infolist()}
    assert modes and all(
        mode == (0o40755 if name.endswith("/") else 0o100644) for name, mode in modes.items()
    )
    assert f"{build.assignment.name}/rnncheck/" in modes
    if shutil.which("unzip"):  # as a student unpacks it on a lab machine
        subprocess.run(
            ["unzip", "-q", str(build.student.with_suffix(".zip")), "-d", str(tmp_path)], check=True
        )
        unpacked = list((tmp_path / build.assignment.name).rglob("*"))
        assert unpacked
        for path in unpacked:
            assert stat.S_IMODE(path.stat().st_mode) == (0o755 if path.is_dir() else 0o644), path
