"""Isolation through the grading engine: a graded function runs with the reference of the
graded functions it calls, so that a mistake costs its own question only (docs/grading.md)."""

import nbformat
import pytest

from autograder.engine.batch import Options, grade_all
from autograder.fill import fill
from autograder.notebook import render

pytestmark = pytest.mark.slow

WRONG_SOFTMAX = """
import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)
"""

WRONG_CELL = """
import numpy as np


def rnn_cell_forward(xt, a_prev, parameters):
    a_next = np.tanh(parameters["Waa"] @ a_prev + parameters["Wax"] @ xt)  # ba is missing
    yt_pred = softmax(parameters["Wya"] @ a_next + parameters["by"])
    return a_next, yt_pred, (a_next, a_prev, xt, parameters)
"""

WRONG_COSINE = """
import numpy as np


def cosine_similarity(u, v):
    return float(np.dot(u, v) / (np.linalg.norm(u) + np.linalg.norm(v)))
"""


def lost(build, tmp_path, mistake):
    """The questions on which the reference with `mistake` filled in loses points, and the
    messages of the failed cases of each question."""
    path = tmp_path / "entrega.ipynb"
    nbformat.write(fill(render(build.assignment), [build.assignment.solution_path, mistake]), path)
    row = grade_all(build.autograder_zip, [(path.name, path)], Options(jobs=1))[0]
    assert row.status == "graded", row.reason
    failed = {q: [c.message for c in row.questions[q].cases if not c.passed] for q in row.scores}
    return {q for q in row.scores if row.scores[q] < row.possible[q]}, failed


def assert_costs_only(lost_and_failed, questions):
    lost, failed = lost_and_failed
    assert lost == questions, {q: failed[q] for q in lost - questions}


def test_a_wrong_softmax_costs_q1_only(builds, tmp_path):
    assert_costs_only(lost(builds["rnn_forward"], tmp_path, WRONG_SOFTMAX), {"q1"})


def test_a_wrong_cell_costs_q3_only(builds, tmp_path):
    assert_costs_only(lost(builds["rnn_forward"], tmp_path, WRONG_CELL), {"q3"})


def test_a_wrong_cosine_costs_q7_only_though_most_similar_and_the_analogy_call_it(builds, tmp_path):
    assert_costs_only(lost(builds["word_representation"], tmp_path, WRONG_COSINE), {"q7"})
