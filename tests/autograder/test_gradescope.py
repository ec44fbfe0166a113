"""The autograder zip on Gradescope, proven in its own environment.

Once per module, a fresh Python 3.11 virtual environment is made from the zip's own dependency
list alone (environment.yml: what setup.sh has mamba install; nothing of the development
environment, only uv's cache: tests/environments.py). Each case lays out /autograder as
Gradescope does (source/ the unpacked zip, submission/, results/, run_autograder copied beside
them) and runs the zip's own
`run_autograder`, as root, in a private mount namespace where that folder is bound at
/autograder (so cases and concurrent runs never meet). `mamba` is a stand-in whose
`mamba activate` puts the environment's bin/ first on PATH, as activating otter-env does.

The environment lives in pytest's temporary folder, closed to other users (mode 0700) like /root
on Gradescope before setup.sh opens it, and the interpreter it was made from is under
/root/.pyenv here: the sandbox's unprivileged user reaches Python only because the engine opens
a view of it (engine.confine.own_root); each case checks that the sandbox lacked nothing.

Every results.json is checked against Gradescope's documented format (tests/engine/test_outcome.py
assert_gradescope_format), and what it tells a student against the feedback file.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import nbformat
import pytest
import yaml

from autograder import feedback, grade
from autograder.engine import explain
from autograder.engine.batch import Options, grade_all
from autograder.engine.explain import markdown
from autograder.fill import fill
from autograder.notebook import render
from autograder.versions import NUMPY, numpy_requirement
from rnncheck.messages import MESSAGES
from tests import environments
from tests.engine.test_outcome import assert_gradescope_format

pytestmark = [
    pytest.mark.slow,  # installs the zip's environment (seconds from uv's cache), then ~5 s a case
    pytest.mark.skipif(
        os.geteuid() != 0 or shutil.which("unshare") is None,
        reason="Gradescope runs run_autograder as root; /autograder is bound in a mount namespace",
    ),
]

ASSIGNMENT = "rnn_forward"  # the smallest: most cases use it
CATALOGUE = Path(__file__).resolve().parents[1] / "catalogue"
HOSTILE = Path(__file__).resolve().parents[1] / "engine" / "hostile"
SAY = MESSAGES["es"]

# Runs in the case's own mount namespace: /autograder is the case's folder; packages named in
# HIDE vanish from the environment's site-packages (an overlay whose upper layer deletes them).
RUN = """
set -e
if [ -n "$HIDE" ]; then
    mount -t tmpfs tmpfs "$SCRATCH"
    mkdir "$SCRATCH/upper" "$SCRATCH/work"
    mount -t overlay overlay -o "lowerdir=$SITE,upperdir=$SCRATCH/upper,workdir=$SCRATCH/work" "$SITE"
    for package in $HIDE; do rm -rf "$SITE/$package" "$SITE/$package"-*.dist-info; done
fi
mkdir -p /autograder
mount --bind "$CASE" /autograder
cd /autograder
exec env -i PATH="$STANDIN:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    HOME=/root LANG=C.UTF-8 bash /autograder/run_autograder
"""
# Gradescope's image has mamba; `eval "$(mamba shell hook --shell bash)"; mamba activate otter-env`
# puts the environment first on PATH. This stand-in does that and nothing else.
MAMBA = """#!/bin/sh
if [ "$1 $2" = "shell hook" ]; then
    printf 'mamba() { [ "$1" = activate ] && export PATH="%s/bin:$PATH"; }\\n' "{environment}"
fi
"""


def zip_environment(autograder_zip: Path) -> tuple[str, list[str]]:
    """(Python version, pip requirements) of the zip's environment.yml: its pip list and its
    conda packages (by the same name on PyPI) but python and pip."""
    with zipfile.ZipFile(autograder_zip) as archive:
        spec = yaml.safe_load(archive.read("environment.yml"))
    python, packages = "", []
    for dependency in spec["dependencies"]:
        if isinstance(dependency, dict):
            packages += dependency["pip"]
        elif dependency.startswith("python="):
            python = dependency.split("=", 1)[1]
        elif dependency != "pip":
            packages.append(dependency)
    return python, packages


@dataclasses.dataclass(frozen=True)
class Image:
    """Gradescope's image, as far as run_autograder sees it: otter-env and mamba."""

    environment: Path
    standin: Path  # a folder holding the `mamba` stand-in

    @property
    def site(self) -> Path:
        return next((self.environment / "lib").glob("python3.*/site-packages"))

    def python(self, code: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(self.environment / "bin" / "python"), "-c", code],
            capture_output=True,
            text=True,
            env={"PATH": "/usr/bin:/bin", "HOME": "/root"},
        )


@pytest.fixture(scope="module")
def image(builds, tmp_path_factory) -> Image:
    python, packages = zip_environment(builds[ASSIGNMENT].autograder_zip)
    folder = tmp_path_factory.mktemp("gradescope-image")
    environment = folder / "otter-env"
    # pip, as the environment.yml lists it; what the engine imports, compiled as pip would have
    engine = ("numpy", "matplotlib.pyplot", "IPython.core.inputtransformer2", "jupytext")
    environments.create(environment, *packages, pip=True, imports=engine)
    made = Image(environment, folder / "miniforge3" / "bin")
    assert made.python("import sys; print(sys.version_info[0], sys.version_info[1])").stdout.split() == (
        python.split(".")
    )
    made.standin.mkdir(parents=True)
    (made.standin / "mamba").write_text(MAMBA.replace("{environment}", str(environment)))
    (made.standin / "mamba").chmod(0o755)
    return made


@dataclasses.dataclass(frozen=True)
class Run:
    results: dict
    stdout: str  # what Gradescope keeps for the instructor (results/stdout)

    def tests(self, question: str) -> list[dict]:
        return [t for t in self.results["tests"] if t["name"].split(" ")[0] == question]

    @property
    def text(self) -> str:
        return json.dumps(self.results, ensure_ascii=False)


def run_autograder(image: Image, build, folder: Path, submission: dict[str, bytes], hide: str = "") -> Run:
    """Lay out /autograder in folder as Gradescope does, with the submission's files (name ->
    bytes), run the zip's run_autograder there; its results.json and output."""
    root = folder / "autograder"
    for name in ("source", "submission", "results"):
        (root / name).mkdir(parents=True)
    with zipfile.ZipFile(build.autograder_zip) as archive:
        archive.extractall(root / "source")
    shutil.copyfile(root / "source" / "run_autograder", root / "run_autograder")
    (root / "submission_metadata.json").write_text("{}")
    for name, data in submission.items():
        (root / "submission" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "submission" / name).write_bytes(data)
    scratch = folder / "scratch"
    scratch.mkdir()
    variables = {"CASE": str(root), "STANDIN": str(image.standin), "SITE": str(image.site)}
    done = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c", RUN],
        env={"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", **variables, "HIDE": hide, "SCRATCH": str(scratch)},
        capture_output=True,
        text=True,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    results = json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))
    assert_gradescope_format(results)
    return Run(results, output)


def notebook(build, *extra: Path, cells: tuple[str, ...] = ()) -> bytes:
    """The skeleton filled with the reference and then extra, with cells added at its end."""
    nb = fill(render(build.assignment), [build.assignment.solution_path, *extra])
    nb.cells += [nbformat.v4.new_code_cell(source) for source in cells]
    return nbformat.writes(nb).encode()


def full_marks(build) -> float:
    return sum(grade.points(build.assignment).values())


def assert_sandbox_complete(run: Run) -> None:
    """The engine said what its sandbox lacked: nothing (the unprivileged user reached Python)."""
    assert re.search(r"^sandbox: \{\}$", run.stdout, re.MULTILINE), run.stdout


@pytest.mark.parametrize("name", [ASSIGNMENT, "bptt"])
def test_a_correct_submission_gets_full_marks_in_gradescopes_own_environment(builds, image, name, tmp_path):
    build = builds[name]
    run = run_autograder(image, build, tmp_path, {build.assignment.notebook_name: notebook(build)})
    assert_sandbox_complete(run)
    assert run.results["score"] == pytest.approx(full_marks(build))
    assert all(t["status"] == "passed" for t in run.results["tests"])
    functions = build.assignment.questions
    for question in grade.points(build.assignment):
        label = explain.label(question, functions.get(question, ""))
        names = {t["name"]: t for t in run.tests(question)}
        assert names[label]["visibility"] == "visible" and names[label]["output"] == ""
        hidden = names.get(f"{label} ({SAY['hidden_tests']})")
        assert set(names) <= {label, f"{label} ({SAY['hidden_tests']})"}
        assert hidden is None or (hidden["visibility"] == "after_published" and "✘" not in hidden["output"])
    # the numpy it graded with is of the range the build recorded its answers with
    version = image.python("import numpy; print(numpy.__version__)").stdout.strip()
    assert numpy_requirement(version) == NUMPY
    assert image.python("import autograder").returncode != 0  # nothing of the project's environment


def test_a_partial_submission_is_told_on_gradescope_what_its_feedback_file_says(builds, image, tmp_path):
    build = builds[ASSIGNMENT]
    mistake = CATALOGUE / ASSIGNMENT / "mistakes" / "cell_missing_ba.py"
    data = notebook(build, mistake)
    run = run_autograder(image, build, tmp_path / "gradescope", {build.assignment.notebook_name: data})
    # the same submission through `rnngrade grade`'s engine, for its feedback file
    path = tmp_path / build.assignment.notebook_name
    path.write_bytes(data)
    outcome = grade_all(build.autograder_zip, [(path.name, path)], Options(jobs=1))[0]
    manifest = json.loads(zipfile.ZipFile(build.autograder_zip).read("rnngrade.json"))
    text = feedback.contents(outcome, manifest)

    assert run.results["score"] == pytest.approx(outcome.total) and outcome.total < full_marks(build)
    assert {question: sum(t["score"] for t in run.tests(question)) for question in outcome.questions} == (
        pytest.approx(outcome.scores)
    )
    assert text.sections  # the mistake cost points, and both tell why
    for section in text.sections:
        question = section.heading.split(" ")[0]
        told = {line for test in run.tests(question) for line in test["output"].splitlines() if line.strip()}
        expected = {
            f"- {markdown(item)}" for item in (*section.failures, section.hidden, *section.mistakes) if item
        }
        assert told == expected | ({f"> {markdown(section.hint)}"} if section.hint else set()), question
    assert any("falta el sesgo" in m for section in text.sections for m in section.mistakes)
    hidden_messages = [
        c.message for q in outcome.questions.values() for c in q.cases if c.hidden and c.message
    ]
    assert hidden_messages  # the mistake fails hidden cases, whose messages stay out of results.json
    for message in hidden_messages:
        assert message not in run.text and markdown(message) not in run.text


def test_a_blank_submission_scores_nothing_and_says_why(builds, image, tmp_path):
    build = builds[ASSIGNMENT]
    skeleton = (build.student / build.assignment.notebook_name).read_bytes()
    run = run_autograder(image, build, tmp_path, {build.assignment.notebook_name: skeleton})
    assert run.results["score"] == 0 and all(t["status"] == "failed" for t in run.results["tests"])
    assert SAY["reason_nothing_done"] in run.results["output"]


def test_a_file_that_is_not_a_notebook_gives_every_question_a_zero_that_says_why(builds, image, tmp_path):
    build = builds[ASSIGNMENT]
    run = run_autograder(image, build, tmp_path, {build.assignment.notebook_name: b"{ esto no es JSON"})
    points = grade.points(build.assignment)
    assert [(t["name"].split(" ")[0], t["score"], t["max_score"]) for t in run.results["tests"]] == [
        (question, 0.0, possible) for question, possible in points.items()
    ]
    reason = SAY["reason_not_json"].split("(")[0].strip()
    assert reason in run.results["output"] and all(reason in t["output"] for t in run.results["tests"])


def test_a_hostile_submission_neither_forges_results_nor_reads_the_answers(builds, image, tmp_path):
    build = builds[ASSIGNMENT]
    places = {
        "TOKEN": "gradescope",
        "REPO": str(Path(__file__).resolve().parents[2]),
        "SUBMISSIONS": "/autograder/submission",
        "OUTPUT": "/autograder/results",
        "DIST": "/autograder/source",
    }
    cells = []
    for attack in ("forge_result_files", "steal_autograder_copy"):
        source = (HOSTILE / f"{attack}.py").read_text(encoding="utf-8")
        for key, value in places.items():
            source = source.replace(f"@@{key}@@", value)
        cells.append(source)
    run = run_autograder(
        image, build, tmp_path, {build.assignment.notebook_name: notebook(build, cells=tuple(cells))}
    )
    assert run.results["score"] == pytest.approx(full_marks(build))  # ours, not the forged 25.5 of q1
    assert [t["name"] for t in run.results["tests"]][0] != "q1"
    assert "hostile-ran wrote 0:" in run.results["output"]  # nothing written, /autograder/results included
    assert re.search(r"hostile-ran tried \d+ read 0: +listed \\\[\\\]", run.results["output"]), run.results[
        "output"
    ]
    answers = json.loads(
        zipfile.ZipFile(build.autograder_zip).read(f"files/rnncheck/answers/{ASSIGNMENT}.json")
    )
    assert str(answers)[:40] not in run.text


def test_files_uploaded_beside_the_notebook_cannot_change_the_result(builds, image, tmp_path):
    build = builds[ASSIGNMENT]
    skeleton = (build.student / build.assignment.notebook_name).read_bytes()
    fake = b"Feedback = AssertionError\ndef call(*a, **k):\n    return 1\n"
    full = (
        b"from otter.test_files import test_case\nname = 'q1'\n"
        b"@test_case(points=100)\ndef t(env):\n    pass\n"
    )
    uploads = {build.assignment.notebook_name: skeleton, "tests/q1.py": full, "rnngrade.json": b"{}"}
    uploads |= {f"{folder}/__init__.py": fake for folder in ("rnncheck", "tests", "otter", "engine")}
    uploads["numpy.py"] = b"allclose = lambda *a, **k: True\n"
    run = run_autograder(image, build, tmp_path, uploads)
    assert run.results["score"] == 0
    assert sum(t["max_score"] for t in run.results["tests"]) == pytest.approx(full_marks(build))


def test_an_engine_that_cannot_start_still_writes_results_with_the_real_exception(builds, image, tmp_path):
    build = builds[ASSIGNMENT]
    run = run_autograder(
        image, build, tmp_path, {build.assignment.notebook_name: notebook(build)}, hide="matplotlib"
    )
    points = grade.points(build.assignment)
    assert [(t["name"].split(" ")[0], t["score"], t["max_score"]) for t in run.results["tests"]] == [
        (question, 0.0, possible) for question, possible in points.items()
    ]
    real = "ModuleNotFoundError: No module named 'matplotlib'"
    assert real in run.results["output"] and all(real in t["output"] for t in run.results["tests"])
    assert image.python("import matplotlib").returncode == 0  # hidden for that case alone
