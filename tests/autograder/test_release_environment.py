"""The student release works where students work: in a fresh Python environment made from the
release's own requirements.txt (with the oldest and the newest numpy it allows: the major the
build recorded its answers with, the same that the autograder zip installs), from the
notebook alone (a friendly message, not a traceback), and in Colab's layout (the notebook and
the release zip side by side in a folder). Each filled notebook of each language runs here, top
to bottom, as a student runs it (the Spanish ones with the newest numpy, the English ones with
the oldest), and only here: a run in the project's environment would prove nothing more about
the release.

Notebooks run in a real Jupyter kernel of that environment, not of the project's; the release
zip unpacks readable. The checks from a terminal, on a simulated Windows and with each Python
the release names, are in test_release_terminal.py (a file of their own, so that xdist runs
the two halves on two workers)."""

import ast
import json
import re
import shutil
import stat
import subprocess
import zipfile

import nbformat
import pytest

from autograder.build import STUDENT_REQUIREMENTS
from autograder.fill import fill
from autograder.versions import NUMPY, numpy_requirement
from rnncheck.messages import MESSAGES
from tests import environments
from tests.autograder.kernel import errors, execute, plots_without_an_image, shown
from tests.autograder.test_language import untranslated_column_names
from tests.conftest import ASSIGNMENTS

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


def assert_every_check_passes(nb, what):
    """No cell of the run notebook raised, and each of its check cells shows ✔ and no ✘."""
    checks = [c for c in nb.cells if c.source.startswith("grader.check(")]
    assert errors(nb) == [], what
    assert checks and all("✔" in shown(c) and "✘" not in shown(c) for c in checks), what


def test_the_release_runs_in_a_fresh_environment_from_its_requirements_alone(
    builds, english_builds, environment, tmp_path, monkeypatch
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

    # 3. The release's requirements, newest versions: each Spanish notebook, filled in and saved
    # as a student saves it, runs top to bottom in a folder whose name has a space and an ñ;
    # every check passes, every plot shows an image, and the export cell makes the file to
    # submit, quietly.
    assert numpy_requirement(environment.version("numpy")) == NUMPY
    for name in ASSIGNMENTS:
        runs_as_a_student_runs_it(
            environment, builds[name], tmp_path / "es" / name / "mi carpeta ñ", monkeypatch
        )

    # 4. The oldest numpy the requirements allow, of the major the answers were recorded with
    # (build.NUMPY), the one Gradescope grades with: each English notebook, the same way, and
    # it shows no Spanish column name. The two languages run the same code, and the two numpy
    # versions the same text: each language once and each numpy once per assignment prove
    # what running every pair would, with five notebook runs fewer (issue 20).
    environment.pip(oldest_allowed("numpy"))
    assert environment.version("numpy").startswith(lowest_allowed("numpy") + ".")
    assert numpy_requirement(environment.version("numpy")) == NUMPY
    for name in ASSIGNMENTS:
        runs_as_a_student_runs_it(
            environment, english_builds[name], tmp_path / "en" / name / "mi carpeta ñ", monkeypatch
        )


def runs_as_a_student_runs_it(environment, build, folder, monkeypatch):
    """The release copied to folder, its notebook filled in and saved there, run top to bottom
    in the environment's kernel: what a student meets (tests/autograder/test_student_experience.py
    has the rest)."""
    language, name = build.language, build.assignment.name
    shutil.copytree(build.student, folder)
    path = folder / build.assignment.notebook_name
    nbformat.write(fill(nbformat.read(path, 4), [build.assignment.solution_path]), path)
    nb = environment.execute(nbformat.read(path, 4), folder, monkeypatch)
    assert_every_check_passes(nb, f"{name} ({language})")
    assert plots_without_an_image(nb) == [], f"{name} ({language})"
    assert untranslated_column_names(nb, folder, language) == [], name
    export = nb.cells[-1]
    assert export.source == "grader.export()"
    messages = MESSAGES[language]
    target = folder / f"{path.stem}{messages['export_suffix']}.zip"
    assert messages["export_done"].format(path=target, notebook=path) in shown(export), shown(export)
    assert {o.get("name") for o in export.outputs} == {"stdout"}, f"{name} ({language})"  # no warning
    with zipfile.ZipFile(target) as archive:
        assert archive.namelist() == [path.name]


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
    build = builds["rnn_types"]  # reads its data from the unpacked release; its notebook runs in seconds
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
    assert_every_check_passes(nb, build.assignment.name)
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
