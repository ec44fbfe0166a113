"""q5 · cross_entropy_loss: sum over the steps, mean over the examples, of -log y_pred[y, i, t]."""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    assert_inputs_unchanged,
    assert_same,
    call,
    check_against_reference,
    hidden_rng,
    to_float,
)
from rnncheck.answers import answer, naming_mistake
from rnncheck.hidden import size

OK_FORMAT = False
name = "q5"

# n_y = 3 classes, m = 2 examples, T_y = 2 steps; each column y_pred[:, i, t] sums to 1.
Y_PRED = np.array(
    [
        [[0.7, 0.1], [0.2, 0.3]],
        [[0.2, 0.6], [0.5, 0.3]],
        [[0.1, 0.3], [0.3, 0.4]],
    ]
)
Y = np.array([[0, 1], [1, 2]])  # example 0: classes 0 then 1; example 1: classes 1 then 2


@test_case(points=1)
def test_two_examples_two_steps(env):
    # picked: y_pred[0, 0, 0] = 0.7, y_pred[1, 0, 1] = 0.6, y_pred[1, 1, 0] = 0.5, y_pred[2, 1, 1] = 0.4
    expected = -(np.log(0.7) + np.log(0.6) + np.log(0.5) + np.log(0.4)) / 2
    given = answer(env, "cross_entropy_loss", Y_PRED, Y)
    with naming_mistake(given):
        loss = to_float(given.value, "cross_entropy_loss(Y_PRED, Y)")
        assert_same(loss, expected, "cross_entropy_loss(Y_PRED, Y)")


@test_case(points=0.5)
def test_two_examples_three_steps(env):
    # m = 2 and T_y = 3 differ: the mean is over the examples, the steps are summed
    y_pred = np.array([[[0.5, 0.25, 0.125], [0.5, 0.5, 0.75]], [[0.5, 0.75, 0.875], [0.5, 0.5, 0.25]]])
    y = np.array([[0, 1, 1], [1, 0, 0]])
    picked = [0.5, 0.75, 0.875, 0.5, 0.5, 0.75]
    given = answer(env, "cross_entropy_loss", y_pred, y)
    with naming_mistake(given):
        loss = to_float(given.value, "cross_entropy_loss(y_pred (2, 2, 3), y)")
        assert_same(loss, -np.sum(np.log(picked)) / 2, "cross_entropy_loss(y_pred (2, 2, 3), y)")


@test_case(points=0.5)
def test_one_example_one_step(env):
    y_pred = np.array([[[0.25]], [[0.75]]])
    loss = to_float(call(env, "cross_entropy_loss", y_pred, np.array([[1]])), "cross_entropy_loss(...)")
    assert_same(loss, -np.log(0.75), "cross_entropy_loss(y_pred (2, 1, 1), [[1]])")


@test_case(points=1, hidden=True)
def test_unseen_predictions(env):
    rng = hidden_rng("q5 unseen predictions")

    cases = [  # n_y, m, T_y
        (size(rng, 3, 6), size(rng, 2, 4), size(rng, 3, 6)),
        (size(rng, 3, 6), 1, size(rng, 4, 7)),  # one example
        (2, size(rng, 2, 5), 1),  # one step
        (size(rng, 5, 8), size(rng, 2, 3), size(rng, 2, 4)),
        (size(rng, 2, 4), 1, 1),
    ]
    for n_y, m, T_y in cases:
        # Columns that sum to 1 with a wide spread of probabilities, some of them small.
        weights = rng.standard_exponential((n_y, m, T_y)) ** 2
        y_pred = weights / np.sum(weights, axis=0, keepdims=True)
        y = rng.integers(0, n_y, (m, T_y))
        check_against_reference(
            env, "cross_entropy_loss", y_pred, y, what=f"cross_entropy_loss(y_pred {y_pred.shape}, y)"
        )


@test_case(points=0.5, hidden=True)
def test_inputs_unchanged(env):
    rng = hidden_rng("q5 inputs unchanged")
    n_y, m, T_y = (int(s) for s in rng.integers(2, 5, size=3))
    weights = rng.uniform(0.1, 1.0, (n_y, m, T_y))
    y_pred = weights / np.sum(weights, axis=0, keepdims=True)
    assert_inputs_unchanged(env, "cross_entropy_loss", y_pred, rng.integers(0, n_y, (m, T_y)))
