"""engine.progress: while one submission is graded for long, a line every few seconds says which
cell, question or function is running; a quick one gets none."""

import threading

import nbformat
import pytest

from autograder.engine.batch import Options, grade_all
from autograder.engine.progress import Progress
from autograder.fill import fill
from autograder.notebook import render


def told(every):
    """A Progress that keeps its lines, and an Event set at its first line."""
    lines, first = [], threading.Event()

    def tell(line):
        lines.append(line)
        first.set()

    return Progress(tell, every), lines, first


def test_a_submission_still_graded_is_said_to_be_with_its_question_and_function():
    progress, lines, first = told(0.05)
    progress.begin("ana.ipynb")
    progress.question, progress.function = "q3", "encode"
    assert first.wait(30)
    progress.end()
    assert lines[0].startswith("ana.ipynb: sigue corriendo `encode`, en la revisión de q3 (")


def test_the_line_names_the_cell_before_the_tests_begin():
    progress, lines, first = told(0.05)
    progress.begin("ana.ipynb")
    progress.cell = "def tokenize(text):\n    while True:\n        pass"
    assert first.wait(30)
    progress.end()
    assert lines[0].startswith("ana.ipynb: sigue corriendo la celda que empieza con `def tokenize(text):`")


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
