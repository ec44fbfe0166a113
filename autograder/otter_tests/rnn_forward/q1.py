"""q1 · softmax: over axis 0, every column a probability distribution; stable for logits of 1000."""

import numpy as np
from otter.test_files import test_case

from rnncheck import Feedback, assert_close, assert_inputs_unchanged, call, check_against_reference, say
from rnncheck.rnn import assert_columns_sum_to_one, float64_array

OK_FORMAT = False
name = "q1"


@test_case(points=1)
def test_three_classes_two_examples(env):
    z = np.array([[1.0, 2.0], [2.0, 4.0], [3.0, 0.0]])
    s = float64_array(call(env, "softmax", z), "softmax(z)", (3, 2))
    assert_columns_sum_to_one(s, "softmax(z)")
    # Column 0 is softmax([1, 2, 3]), column 1 softmax([2, 4, 0]).
    expected = np.array(
        [[0.09003057317, 0.117310427826], [0.244728471055, 0.866813332197], [0.665240955775, 0.015876239976]]
    )
    assert_close(s, expected, "softmax(z)")


@test_case(points=1)
def test_columns_are_distributions(env):
    z = np.linspace(-3.0, 4.0, 20).reshape(4, 5) ** 2 / 4.0
    s = float64_array(call(env, "softmax", z), "softmax(z (4, 5))", (4, 5))
    assert_columns_sum_to_one(s, "softmax(z (4, 5))")
    single = float64_array(call(env, "softmax", z[:, 2:3]), "softmax(z[:, 2:3])", (4, 1))
    assert_close(single[:, 0], s[:, 2], "softmax(z[:, 2:3]) [m = 1]")


@test_case(points=1)
def test_large_logits_stay_finite(env):
    z = np.array([[1000.0, -1000.0], [999.0, -1001.0], [998.0, -1000.0]])
    what = "softmax([[1000, -1000], [999, -1001], [998, -1000]])"
    s = float64_array(call(env, "softmax", z), what, (3, 2))
    bad = ~np.isfinite(s)
    if bad.any():
        where = tuple(int(i) for i in np.argwhere(bad)[0])
        shown = "NaN" if np.isnan(s[where]) else "inf"
        raise Feedback(say("rnn_softmax_unstable", what=what, bad=shown, where=list(where)))
    assert_columns_sum_to_one(s, what)
    # Only differences of logits matter: the columns are softmax([0, -1, -2]) and softmax([0, -1, 0]).
    expected = np.array(
        [[0.665240955775, 0.422318798252], [0.244728471055, 0.155362403497], [0.09003057317, 0.422318798252]]
    )
    assert_close(s, expected, what)


@test_case(points=1.5, hidden=True)
def test_unseen_logits(env):
    rng = np.random.default_rng(2024)
    cases = [
        rng.normal(0.0, 2.0, (5, 3)),
        rng.normal(0.0, 2.0, (4, 1)),
        rng.normal(0.0, 2.0, (1, 3)),
        rng.normal(0.0, 2.0, (3, 2, 4)),
        np.array(
            [[1000.0, -1000.0, 0.0, 500.0], [-1000.0, -999.0, 1e-3, 500.0], [0.0, -1002.0, -1e-3, -500.0]]
        ),
    ]
    for z in cases:
        check_against_reference(env, "softmax", z, what=f"softmax(z {z.shape})")


@test_case(points=0.5, hidden=True)
def test_input_unchanged(env):
    assert_inputs_unchanged(env, "softmax", np.array([[3.0, -1.0, 0.5], [2.0, 7.0, -4.0]]))
