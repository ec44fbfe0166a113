"""Tests of tests/solutions/numerics.py, the helpers the tests of the reference solutions
compare against: numbers worked out by hand, and the forward pass against a loop over
examples, steps and units with math.tanh and math.exp."""

import math

import numpy as np
import pytest

from tests.solutions.numerics import (
    PARAMETER_KEYS,
    assert_close,
    assert_leaves_arguments_unchanged,
    assert_same,
    cell,
    central_difference,
    cross_entropy,
    forward,
    random_inputs,
    random_parameters,
    relative_difference,
    softmax,
)


def scalar_forward(x, a0, p):
    """The forward pass one example, one step and one unit at a time, in Python floats."""
    n_x, m, T_x = x.shape
    n_a, n_y = len(p["Waa"]), len(p["Wya"])
    a, y = np.empty((n_a, m, T_x)), np.empty((n_y, m, T_x))
    for i in range(m):
        state = [float(v) for v in a0[:, i]]
        for t in range(T_x):
            state = [
                math.tanh(
                    p["ba"][j, 0]
                    + sum(p["Waa"][j, k] * state[k] for k in range(n_a))
                    + sum(p["Wax"][j, k] * x[k, i, t] for k in range(n_x))
                )
                for j in range(n_a)
            ]
            logits = [p["by"][c, 0] + sum(p["Wya"][c, k] * state[k] for k in range(n_a)) for c in range(n_y)]
            exps = [math.exp(v - max(logits)) for v in logits]
            a[:, i, t] = state
            y[:, i, t] = [e / sum(exps) for e in exps]
    return a, y


def test_softmax_by_hand():
    # Column 0: exp(0) : exp(ln 3) = 1 : 3. Column 1: equal logits, as large as 1000.
    z = np.array([[0.0, 1000.0], [math.log(3.0), 1000.0]])
    assert_close(softmax(z), [[0.25, 0.5], [0.75, 0.5]])


def test_softmax_is_over_axis_0_of_any_shape():
    z = np.random.default_rng(0).normal(size=(3, 2, 4))
    expected = np.exp(z) / np.exp(z).sum(axis=0)
    assert_close(softmax(z), expected)


@pytest.mark.parametrize("m, T_x", [(1, 1), (3, 4)], ids=str)
def test_forward_and_cell_match_the_scalar_loop(m, T_x):
    p = random_parameters(4, 3, 5, seed=1)
    x, a0 = random_inputs(4, 3, m, T_x, seed=2)
    expected_a, expected_y = scalar_forward(x, a0, p)
    a, y = forward(x, a0, p)
    assert_close(a, expected_a)
    assert_close(y, expected_y)
    a1, y1 = cell(x[:, :, 0], a0, p)
    assert_close(a1, expected_a[:, :, 0])
    assert_close(y1, expected_y[:, :, 0])


def test_forward_of_no_steps_is_empty():
    a, y = forward(np.zeros((3, 2, 0)), np.zeros((4, 2)), random_parameters(4, 3, 5, seed=1))
    assert a.shape == (4, 2, 0) and y.shape == (5, 2, 0)


def test_cross_entropy_by_hand():
    # Example 0 picks 0.5 then 0.25, example 1 picks 0.2 (its second step is past its length).
    y_pred = np.array([[[0.5, 0.25], [0.2, 0.1]], [[0.5, 0.75], [0.8, 0.9]]])
    y = np.array([[0, 0], [0, 1]])
    assert cross_entropy(y_pred, y, [2, 1]) == pytest.approx(-(math.log(0.5 * 0.25 * 0.2)) / 2)
    assert cross_entropy(y_pred, y) == pytest.approx(-(math.log(0.5 * 0.25 * 0.2 * 0.9)) / 2)


def test_central_difference_of_known_gradients_leaves_the_value_unchanged():
    value = np.array([[0.3, -1.2], [2.0, 0.7]])
    before = value.copy()
    # only rounding (~1e-16 / EPS) and truncation (~EPS**2) separate them from the exact values
    np.testing.assert_allclose(central_difference(lambda v: np.sum(v**2), value), 2 * value, atol=1e-9)
    np.testing.assert_allclose(
        central_difference(lambda v: np.sum(np.sin(v)), value), np.cos(value), atol=1e-9
    )
    np.testing.assert_array_equal(value, before)


@pytest.mark.parametrize(
    "a, b, expected",
    [([3.0, 0.0], [0.0, 4.0], 5.0 / 7.0), ([1.0, 2.0], [1.0, 2.0], 0.0), ([0.0], [0.0], 0.0)],
    ids=["3-4-5", "equal", "both-zero"],
)
def test_relative_difference_by_hand(a, b, expected):
    assert relative_difference(a, b) == pytest.approx(expected)


def test_random_parameters_and_inputs_have_the_shapes_of_the_model():
    p = random_parameters(4, 3, 5, seed=0)
    assert {key: p[key].shape for key in PARAMETER_KEYS} == {
        "Wax": (4, 3),
        "Waa": (4, 4),
        "Wya": (5, 4),
        "ba": (4, 1),
        "by": (5, 1),
    }
    x, a0 = random_inputs(4, 3, 2, 6, seed=0)
    assert x.shape == (3, 2, 6) and a0.shape == (4, 2)


@pytest.mark.parametrize(
    "expected, got",
    [
        ({"a": np.zeros(2)}, {"a": np.array([0.0, 1.0])}),
        ({"a": np.zeros(2)}, {"a": np.zeros(2), "b": 0}),
        ((np.zeros(2), [1, 2]), (np.zeros(2), [1, 3])),
        ((np.zeros(2),), [np.zeros(2)]),
        (np.zeros(2), np.zeros(3)),
    ],
    ids=["value", "keys", "nested", "tuple-vs-list", "shape"],
)
def test_assert_same_fails_on_any_difference(expected, got):
    with pytest.raises(AssertionError):
        assert_same(expected, got)


def test_assert_leaves_arguments_unchanged_catches_a_change_in_place():
    def scale_in_place(p, factor):
        p["Wax"] *= factor

    assert_leaves_arguments_unchanged(scale_in_place, {"Wax": np.ones(2)}, 1.0)
    with pytest.raises(AssertionError):
        assert_leaves_arguments_unchanged(scale_in_place, {"Wax": np.ones(2)}, 2.0)
