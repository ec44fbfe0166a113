"""engine.progress: while one submission is graded for long, a line every few seconds says which
cell, question or function is running; a quick one gets none."""

import threading

import nbformat
import pytest

from autograder.engine.batch import Options, grade_all
from autograder.engine.progress import Progress
from autograder.fill import fill
from autograder.notebook import render


def told(every, expected=""):
    """A Progress that keeps its lines, and an Event set at its first line that starts with
    expected. The ticker may speak before a test has noted its step (a busy machine can hold the
    test's thread for several ticks): such a line says what was true then, so the tests wait
    for the line they expect instead of taking the first."""
    lines, found = [], threading.Event()

    def tell(line):
        lines.append(line)
        if line.startswith(expected):
            found.set()

    return Progress(tell, every), lines, found


def test_a_submission_still_graded_is_said_to_be_with_its_question_and_function():
    expected = "ana.ipynb: sigue corriendo `encode`, en la revisión de q3 ("
    progress, lines, found = told(0.05, expected)
    progress.begin("ana.ipynb")
    progress.question, progress.function = "q3", "encode"
    assert found.wait(30), lines
    progress.end()


def test_the_line_names_the_cell_before_the_tests_begin():
    expected = "ana.ipynb: sigue corriendo la celda que empieza con `def tokenize(text):`"
    progress, lines, found = told(0.05, expected)
    progress.begin("ana.ipynb")
    progress.cell = "def tokenize(text):\n    while True:\n        pass"
    assert found.wait(30), lines
    progress.end()


def test_a_submission_graded_quickly_gets_no_line_and_none_comes_after_its_end():
    progress, lines, _ = told(3600.0)
    progress.begin("ana.ipynb")
    progress.end()
    progress.begin("beto.ipynb")  # the next submission's time counts from its own start
    progress.end()
    assert lines == []


@pytest.mark.slow
def test_a_batch_says_what_a_slow_submission_is_running(builds, tmp_path):
    build = builds["rnn_forward"]
    nb = fill(render(build.assignment), [build.assignment.solution_path])
    slow = (  # the first call of softmax waits 3 s, far inside its 10 s limit
        "import time\n_softmax, _waited = softmax, []\n"
        "def softmax(z):\n    if not _waited:\n        _waited.append(1)\n        time.sleep(3)\n"
        "    return _softmax(z)"
    )
    nb.cells.append(nbformat.v4.new_code_cell(slow))
    nbformat.write(nb, tmp_path / "a.ipynb")
    lines = []
    (outcome,) = grade_all(
        build.autograder_zip,
        [("a.ipynb", tmp_path / "a.ipynb")],
        Options(jobs=1, progress_every=0.2),
        on_progress=lines.append,
    )
    assert outcome.total == outcome.total_possible
    assert any(
        line.startswith("a.ipynb: sigue corriendo `softmax`, en la revisión de q1 (") for line in lines
    ), lines
