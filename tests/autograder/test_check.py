"""`rnngrade check` (autograder.check): the public tests of every question, one line each."""

import shutil
import subprocess
import sys

import nbformat
import pytest

from autograder import check
from autograder.fill import fill
from rnncheck.messages import say
from tests.autograder.kernel import execute, shown

pytestmark = pytest.mark.slow


@pytest.fixture
def release(builds, tmp_path):
    """A copy of the word_representation student release, as a student would unzip it."""
    build = builds["word_representation"]
    folder = tmp_path / "word_representation"
    shutil.copytree(build.student, folder)
    return build.assignment, folder


def test_check_of_the_filled_notebook_passes_every_question(release):
    assignment, folder = release
    path = folder / assignment.notebook_name
    nbformat.write(fill(nbformat.read(path, 4), [assignment.solution_path]), path)
    results = check.main(path=path)
    assert [r.question for r in results] == list(assignment.questions)
    assert all(r.passed and r.possible > 0 for r in results)
    assert results[0].line().startswith("q1   tokenize")


def test_check_of_the_skeleton_says_what_is_missing(release):
    assignment, folder = release
    results = check.main(path=folder / assignment.notebook_name)
    assert all(r.score == 0 for r in results)
    assert (
        results[1].message
        == "`build_vocabulary` todavía no está implementada: completa su cuerpo y vuelve a ejecutar la celda."
    )
    assert "✘" in results[1].line()


def test_check_of_a_notebook_outside_its_release_builds_the_public_tests(builds, tmp_path):
    build = builds["word_representation"]
    nb = fill(
        nbformat.read(build.student / build.assignment.notebook_name, 4), [build.assignment.solution_path]
    )
    nb = fill(nb, ["def tokenize(text):\n    return text.split()\n"])
    path = tmp_path / "mi_tarea.ipynb"
    nbformat.write(nb, path)
    results = {r.question: r for r in check.main(path=path)}
    assert not results["q1"].passed and "tokenize" in results["q1"].message
    assert all(r.passed for q, r in results.items() if q != "q1")


def test_check_of_a_python_file_needs_the_assignment(builds, tmp_path):
    source = builds["word_representation"].assignment.solution_path.read_text(encoding="utf-8")
    path = tmp_path / "entrega.py"
    path.write_text(source, encoding="utf-8")
    with pytest.raises(ValueError, match="--assignment"):
        check.main(path=path)
    results = check.main(path=path, assignment="word_representation")
    assert len(results) == 9 and all(r.passed for r in results)


def test_check_of_a_notebook_that_loops_ends_and_names_the_function(builds, tmp_path, monkeypatch):
    monkeypatch.setenv("RNNCHECK_TIME_LIMIT", "1")  # per call of a student function
    monkeypatch.setenv("RNNCHECK_CELL_TIME_LIMIT", "1")  # per cell
    build = builds["word_representation"]
    nb = fill(
        nbformat.read(build.student / build.assignment.notebook_name, 4), [build.assignment.solution_path]
    )
    nb = fill(nb, ["def tokenize(text):\n    while True:\n        pass\n"])
    nb.cells.insert(3, nbformat.v4.new_code_cell("while True:\n    pass"))
    path = tmp_path / "bucle.ipynb"
    nbformat.write(nb, path)
    results = {r.question: r for r in check.main(path=path)}
    assert results["q1"].message == "`tokenize` no terminó en 1 s (¿un bucle infinito?)."
    assert results["q7"].passed


def test_the_release_checks_every_question_from_a_terminal(release):
    assignment, folder = release
    path = folder / assignment.notebook_name
    nbformat.write(fill(nbformat.read(path, 4), [assignment.solution_path]), path)
    done = subprocess.run([sys.executable, "-m", "rnncheck"], cwd=folder, capture_output=True, text=True)
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    assert lines[1:-1] == [f"✔ {q}" for q in assignment.questions]
    assert lines[-1] == say("check_summary", passed=9, count=9)
    nbformat.write(fill(nbformat.read(path, 4), ["def one_hot(indices, vocab_size):\n    return 0\n"]), path)
    done = subprocess.run([sys.executable, "-m", "rnncheck"], cwd=folder, capture_output=True, text=True)
    assert done.returncode == 1 and "✘ q4" in done.stdout and "✔ q5" in done.stdout


def test_grader_check_of_a_function_that_never_returns_names_it(release, monkeypatch):
    monkeypatch.setenv("RNNCHECK_TIME_LIMIT", "1")  # the kernel inherits this process's environment
    assignment, folder = release
    nb = fill(nbformat.read(folder / assignment.notebook_name, 4), [assignment.solution_path])
    check_q1 = next(i for i, c in enumerate(nb.cells) if c.source == 'grader.check("q1")')
    loop = nbformat.v4.new_code_cell("def tokenize(text):\n    while True:\n        pass")
    nb.cells = [*nb.cells[:check_q1], loop, nb.cells[check_q1]]  # the notebook up to q1's check
    nb = execute(nb, folder)
    assert "`tokenize` no terminó en 1 s (¿un bucle infinito?)." in shown(nb.cells[-1])
