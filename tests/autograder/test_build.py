"""autograder.build: what the student release and the autograder zip hold, and what they never hold."""

import ast
import importlib.metadata
import inspect
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import numpy as np
import pytest
import yaml

from autograder import assignment as assignments
from autograder.build import build_assignment, shipped_files
from autograder.build import main as build_main
from autograder.testfiles import _is_hidden
from autograder.versions import bounds, numpy_requirement
from rnncheck.messages import MESSAGES
from tests.conftest import ASSIGNMENTS, LANGUAGES, builds_in

pytestmark = pytest.mark.parametrize("name", ASSIGNMENTS)


def student_text(folder: Path) -> list[str]:
    """Every line of every text file of a student release, stripped."""
    lines = []
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix in {".py", ".ipynb", ".json", ".txt", ".csv", ".md"}:
            text = path.read_text(encoding="utf-8")
            if path.suffix == ".ipynb":
                text = "\n".join(c.source for c in nbformat.reads(text, 4).cells)
            lines += [line.strip() for line in text.splitlines()]
    return lines


def solution_lines(assignment) -> set[str]:
    """The code lines of the reference solution's function bodies (docstrings left out)."""
    source = assignment.solution_path.read_text(encoding="utf-8")
    lines = source.splitlines()
    found = set()
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef):
            start = node.body[1].lineno if ast.get_docstring(node) else node.body[0].lineno
            for line in lines[start - 1 : node.end_lineno]:
                line = line.strip()
                if len(line) > 12 and not line.startswith(("#", "return None", "else:", "for ", "import ")):
                    found.add(line)
    return found


def test_student_release_has_notebook_public_tests_data_and_checker(builds, name):
    build = builds[name]
    assignment = build.assignment
    student = build.student
    nbformat.validate(nbformat.read(student / assignment.notebook_name, 4))
    assert sorted(p.name for p in (student / "tests").glob("q*.py")) == sorted(
        p.name for p in assignment.test_files
    )
    for source, relative in shipped_files(assignment).items():
        assert (student / relative).read_bytes() == source.read_bytes()
    assert (student / "rnncheck" / "answers" / f"{name}.json").is_file()
    with zipfile.ZipFile(student.with_suffix(".zip")) as archive:
        assert f"{name}/{assignment.notebook_name}" in archive.namelist()


def test_student_release_holds_no_line_of_solution_code(builds, name):
    build = builds[name]
    shipped = set(student_text(build.student))
    given = set()  # the support packages are earlier assignments' code, given on purpose
    for module in build.assignment.support_modules:
        given |= {line.strip() for line in (build.student / module / "__init__.py").read_text().splitlines()}
    leaked = sorted(solution_lines(build.assignment) & (shipped - given))
    assert not leaked
    assert not (build.student / "solutions").exists()


def test_student_release_holds_no_hidden_test(builds, name):
    build = builds[name]
    for path in build.assignment.test_files:
        hidden = [n for n in ast.parse(path.read_text(encoding="utf-8")).body if _is_hidden(n)]
        public = (build.student / "tests" / path.name).read_text(encoding="utf-8")
        assert hidden, f"{path.name} has no hidden case"
        assert not any(_is_hidden(n) for n in ast.parse(public).body)
        for node in hidden:
            assert f"def {node.name}(" not in public


def test_support_packages_are_the_reference_functions_they_name(builds, name):
    build = builds[name]
    packages = {p.name for p in build.student.iterdir() if (p / "__init__.py").is_file()}
    assert packages == {"rnncheck", *build.assignment.support_modules}
    for module, (source_name, functions) in build.assignment.support_modules.items():
        source = assignments.load(source_name)
        shipped = build.student / module / "__init__.py"
        env = {}
        exec(compile(shipped.read_text(encoding="utf-8"), str(shipped), "exec"), env)
        reference = {}
        exec(compile(source.solution_path.read_text(encoding="utf-8"), "<reference>", "exec"), reference)
        docstrings = source.docstrings(build.language)
        for function in functions:
            expected = docstrings.get(function, reference[function].__doc__)
            assert inspect.cleandoc(env[function].__doc__) == inspect.cleandoc(expected)
        rng = np.random.default_rng(0)
        if "softmax" in functions:
            z = rng.normal(size=(4, 3)) * 50
            np.testing.assert_array_equal(env["softmax"](z), reference["softmax"](z))
        if "rnn_cell_forward" in functions:
            parameters = {
                "Wax": rng.normal(size=(3, 2)),
                "Waa": rng.normal(size=(3, 3)),
                "Wya": rng.normal(size=(4, 3)),
                "ba": rng.normal(size=(3, 1)),
                "by": rng.normal(size=(4, 1)),
            }
            xt, a_prev = rng.normal(size=(2, 5)), rng.normal(size=(3, 5))
            for got, expected in zip(
                env["rnn_cell_forward"](xt, a_prev, parameters)[:2],
                reference["rnn_cell_forward"](xt, a_prev, parameters)[:2],
            ):
                np.testing.assert_array_equal(got, expected)
        if "numerical_gradient" in functions:  # gated_units' gradient checker, from bptt
            W = rng.normal(size=(3, 2))
            numeric = env["numerical_gradient"](lambda W=W: float(np.sum(np.sin(W))), W)
            assert env["relative_difference"](np.cos(W), numeric) == reference["relative_difference"](
                np.cos(W), numeric
            )
            assert env["relative_difference"](np.cos(W), numeric) < 1e-8
        with zipfile.ZipFile(build.autograder_zip) as archive:
            assert archive.read(f"files/{module}/__init__.py") == shipped.read_bytes()


def test_student_answers_are_a_strict_subset_of_the_autograder_answers(builds, name):
    build = builds[name]
    student = json.loads((build.student / "rnncheck" / "answers" / f"{name}.json").read_text())
    with zipfile.ZipFile(build.autograder_zip) as archive:
        full = json.loads(archive.read(f"files/rnncheck/answers/{name}.json"))
    assert set(student) < set(full)


def test_autograder_zip_is_otters_with_all_tests_and_support(builds, name):
    build = builds[name]
    with zipfile.ZipFile(build.autograder_zip) as archive:
        names = set(archive.namelist())
        config = json.loads(archive.read("otter_config.json"))
        environment = archive.read("environment.yml").decode()
        for path in build.assignment.test_files:
            assert archive.read(f"tests/{path.name}").decode() == path.read_text(encoding="utf-8")
    assert {"run_autograder", "run_otter.py", "setup.sh", "environment.yml"} <= names
    assert "files/rnncheck/__init__.py" in names
    assert not any(n.startswith("files/") and n.count("/") == 1 and n.endswith(".py") for n in names)
    assert config["assignment_name"] == name
    assert "numpy" in environment and "python=3.11" in environment


def zip_requirements(autograder_zip: Path) -> list[str]:
    """The pip requirements of an autograder zip's environment.yml."""
    with zipfile.ZipFile(autograder_zip) as archive:
        spec = yaml.safe_load(archive.read("environment.yml"))
    return next(d["pip"] for d in spec["dependencies"] if isinstance(d, dict))


def imported_packages(*folders: Path) -> set[str]:
    """The top-level names that the modules in folders import, anywhere in them (lazily too),
    leaving out the standard library and relative imports."""
    found = set()
    for folder in folders:
        for path in folder.rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    found |= {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names)


def test_autograder_environment_installs_everything_the_engine_and_the_checker_import(builds, name):
    build = builds[name]
    requirements = zip_requirements(build.autograder_zip)
    listed = {re.split(r"[<>=!~\[ ]", r)[0].lower().replace("_", "-") for r in requirements}
    distributions = importlib.metadata.packages_distributions()
    repo = Path(__file__).resolve().parents[2]
    for module in imported_packages(repo / "autograder" / "engine", repo / "rnncheck") - {"rnncheck"}:
        names = {d.lower().replace("_", "-") for d in distributions.get(module, [])}
        assert names & listed, f"{module} ({names}) is imported by the engine but not in {requirements}"
    assert "matplotlib" in listed and "jupytext" in listed  # the zygote and .py submissions


def test_student_release_and_autograder_allow_the_numpy_the_answers_were_recorded_with(builds, name):
    build = builds[name]
    assert numpy_requirement("2.1.3") == "numpy>=2.0,<3" and numpy_requirement("1.26.4") == "numpy>=1.26,<2"
    assert bounds("numpy>=2.0,<3") == ((2, 0), 3) and bounds("numpy>=1.26,<2") == ((1, 26), 2)
    recorded = numpy_requirement(np.__version__)
    setup = nbformat.read(build.student / build.assignment.notebook_name, 4).cells
    first = next(c.source for c in setup if c.cell_type == "code")
    assert f"missing.append({recorded!r})" in first  # the first cell asks for the same numpy
    student = (build.student / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert recorded in student and recorded in zip_requirements(build.autograder_zip)
    assert [r for r in student if r.startswith("numpy")] == [recorded]
    assert recorded.removeprefix("numpy") in student[0]  # the header says which numpy grades


@pytest.mark.slow  # builds the assignment anew
def test_building_twice_gives_the_same_notebooks_tests_and_student_zip(builds, name, tmp_path):
    first = builds[name]
    again = build_assignment(assignments.load(name), tmp_path, seed=first.seed)
    for path in sorted(p for p in first.student.rglob("*") if p.is_file()):
        assert path.read_bytes() == (again.student / path.relative_to(first.student)).read_bytes(), path
    assert first.student.with_suffix(".zip").read_bytes() == again.student.with_suffix(".zip").read_bytes()
    with zipfile.ZipFile(first.autograder_zip) as a, zipfile.ZipFile(again.autograder_zip) as b:
        assert {n: a.read(n) for n in a.namelist()} == {n: b.read(n) for n in b.namelist()}


def answers(build) -> dict:
    with zipfile.ZipFile(build.autograder_zip) as archive:
        return json.loads(archive.read(f"files/rnncheck/answers/{build.assignment.name}.json"))


@pytest.mark.slow  # builds the assignment anew
def test_a_new_seed_draws_new_hidden_inputs_and_leaves_the_student_release_alone(builds, name, tmp_path):
    first = builds[name]
    again = build_assignment(assignments.load(name), tmp_path, seed=first.seed + 1)
    for path in sorted(p for p in first.student.rglob("*") if p.is_file()):
        assert path.read_bytes() == (again.student / path.relative_to(first.student)).read_bytes(), path
    public = set(json.loads((first.student / "rnncheck" / "answers" / f"{name}.json").read_text()))
    old, new = answers(first), answers(again)
    assert public <= set(old) & set(new)  # public inputs are fixed
    hidden_old, hidden_new = set(old) - public, set(new) - public
    assert hidden_old and len(hidden_old & hidden_new) <= len(hidden_old) // 4
    with zipfile.ZipFile(again.autograder_zip) as archive:
        assert archive.read("files/rnncheck/seed.txt").decode().strip() == str(first.seed + 1)
    assert not (again.student / "rnncheck" / "seed.txt").exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_build_speaks_its_language_in_the_notebook_and_the_feedback(request, name, language):
    build = builds_in(request, language)[name]
    nb = nbformat.read(build.student / build.assignment.notebook_name, 4)
    assert MESSAGES[language]["your_code"] in "\n".join(c.source for c in nb.cells)
    # the feedback a student gets on the untouched skeleton, from the release's own checker
    done = subprocess.run(
        [sys.executable, "-m", "rnncheck", "--json"], cwd=build.student, capture_output=True, text=True
    )
    first = json.loads(done.stdout)["questions"][0]["failures"][0]
    function = build.assignment.questions["q1"]
    assert first == MESSAGES[language]["not_implemented"].format(name=function)
    with zipfile.ZipFile(build.autograder_zip) as archive:  # and the grader's, when grading
        assert archive.read("files/rnncheck/language.txt").decode().strip() == language
        assert json.loads(archive.read("rnngrade.json"))["language"] == language


def test_build_into_a_relative_folder(name, tmp_path, monkeypatch):
    if name != ASSIGNMENTS[0]:
        pytest.skip("one assignment shows it")
    monkeypatch.chdir(tmp_path)
    build = build_assignment(assignments.load(name), Path("dist"))
    assert (tmp_path / "dist" / "autograder" / f"{name}-autograder.zip").is_file()
    assert build.student == tmp_path / "dist" / "student" / name


def test_the_reference_for_isolation_is_in_the_autograder_zip_only(builds, name):
    build = builds[name]
    with zipfile.ZipFile(build.autograder_zip) as archive:
        source = archive.read("files/rnncheck/reference_code.py").decode()
    defined = {n.name for n in ast.parse(source).body if isinstance(n, ast.FunctionDef)}
    graded = {f for f in build.assignment.questions.values() if f}
    assert graded <= defined and "from solutions" not in source  # it runs in the grader alone
    assert not list(build.student.rglob("reference_code*"))


@pytest.mark.slow
def test_one_build_in_two_languages_draws_the_same_hidden_inputs(name, tmp_path):
    if name != "rnn_forward":
        pytest.skip("one assignment shows it")
    spanish, english = build_main(out=tmp_path, language=["es", "en"], only=[name])
    assert spanish.seed == english.seed and (spanish.language, english.language) == ("es", "en")
    assert spanish.autograder_zip.parent.parent == tmp_path / "es"
    assert answers(spanish) == answers(english)  # the same inputs, so the same recorded answers
