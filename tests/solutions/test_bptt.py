"""Tests of the reference solution of assignment 3, bptt.

Expected values are computed independently of the module under test: every analytic
gradient against central differences written here, on a small forward pass written here
(so these tests do not trust the forward shipped as rnn_utils either), the numerical helpers on
functions whose gradient is known in closed form, and the vanishing and exploding
behaviour against rho**(T_x - t) * sqrt(n_a * m).
"""

import ast
from pathlib import Path

import numpy as np
import pytest

from autograder import assignment as assignments
from autograder.fill import defined_functions
from autograder.testfiles import feedback_of, namespace, public_source, record_answers, run
from rnncheck import answers
from solutions import bptt
from solutions import rnn_forward as rnn_utils  # the forward bptt ships as its rnn_utils

# Central differences in float64 with step EPS: the truncation error is about
# EPS**2 * |f'''| ~ 1e-12 and the rounding error about 1e-16 * |f| / EPS ~ 1e-10, so a
# correct analytic gradient agrees to about 1e-9 in relative difference; a wrong one
# (a missing factor, a missing term) is off by more than 1e-3.
EPS = 1e-6
GRAD_TOL = 1e-7

# Two float64 computations of the same quantity in a different order: rounding only.
EXACT_TOL = 1e-12

# The vanishing/exploding norms follow rho**(T_x - t) exactly in exact arithmetic; an
# orthogonal Q keeps norms to about 1e-16 per step, so 1e-10 leaves a wide margin.
POWER_TOL = 1e-10

PARAMETER_KEYS = ("Wax", "Waa", "Wya", "ba", "by")
SIZES = [
    pytest.param(3, 2, 4, 3, 4, id="n_a3-n_x2-n_y4-m3-T4"),
    pytest.param(3, 2, 4, 1, 4, id="m1"),
    pytest.param(3, 2, 4, 3, 1, id="T1"),
    pytest.param(2, 3, 2, 1, 1, id="m1-T1"),
]


# --- an independent forward pass and central differences -------------------------------


def softmax_columns(z):
    e = np.exp(z - z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)


def cell_forward(xt, a_prev, p):
    a_next = np.tanh(p["Waa"] @ a_prev + p["Wax"] @ xt + p["ba"])
    return a_next, softmax_columns(p["Wya"] @ a_next + p["by"]), (a_next, a_prev, xt, p)


def forward(x, a0, p):
    """The whole forward pass, caches in the format of rnn_utils (solutions.rnn_forward)."""
    n_a, m, T_x = a0.shape[0], x.shape[1], x.shape[2]
    a = np.zeros((n_a, m, T_x))
    y_pred = np.zeros((p["Wya"].shape[0], m, T_x))
    step_caches = []
    a_t = a0
    for t in range(T_x):
        a_t, y_pred[:, :, t], cache = cell_forward(x[:, :, t], a_t, p)
        a[:, :, t] = a_t
        step_caches.append(cache)
    return a, y_pred, (step_caches, x)


def loss_of(x, y, a0, p):
    """Sum over steps, mean over examples, of -log of the true class's probability."""
    _, y_pred, _ = forward(x, a0, p)
    m, T_x = y.shape
    total = 0.0
    for i in range(m):
        for t in range(T_x):
            total -= np.log(y_pred[y[i, t], i, t])
    return total / m


def central_difference(f, value):
    """Gradient of f (array -> float) at value, one entry at a time, on a copy."""
    value = np.array(value, dtype=np.float64)
    grad = np.zeros_like(value)
    for index in np.ndindex(value.shape):
        plus, minus = value.copy(), value.copy()
        plus[index] += EPS
        minus[index] -= EPS
        grad[index] = (f(plus) - f(minus)) / (2 * EPS)
    return grad


def rel_diff(a, b):
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    denominator = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if denominator == 0 else np.linalg.norm(a - b) / denominator


def with_entry(p, name, value):
    q = dict(p)
    q[name] = value
    return q


def random_parameters(n_a, n_x, n_y, seed):
    """Weights large enough that tanh is far from linear, biases that matter."""
    rng = np.random.default_rng(seed)
    return {
        "Wax": rng.normal(0.0, 0.7, (n_a, n_x)),
        "Waa": rng.normal(0.0, 0.7, (n_a, n_a)),
        "Wya": rng.normal(0.0, 0.7, (n_y, n_a)),
        "ba": rng.normal(0.0, 0.5, (n_a, 1)),
        "by": rng.normal(0.0, 0.5, (n_y, 1)),
    }


def random_problem(n_a, n_x, n_y, m, T_x, seed=0):
    rng = np.random.default_rng(seed + 100)
    x = rng.normal(0.0, 1.0, (n_x, m, T_x))
    a0 = rng.normal(0.0, 0.5, (n_a, m))
    y = rng.integers(0, n_y, (m, T_x))
    return x, y, a0, random_parameters(n_a, n_x, n_y, seed)


def deep_copy(value):
    if isinstance(value, dict):
        return {k: deep_copy(v) for k, v in value.items()}
    if isinstance(value, (tuple, list)):
        return type(value)(deep_copy(v) for v in value)
    return np.array(value, copy=True)


def assert_unchanged(before, after):
    if isinstance(before, dict):
        assert before.keys() == after.keys()
        for k in before:
            assert_unchanged(before[k], after[k])
    elif isinstance(before, (tuple, list)):
        for b, a in zip(before, after, strict=True):
            assert_unchanged(b, a)
    else:
        np.testing.assert_array_equal(after, before)


def orthogonal(n, seed):
    q, r = np.linalg.qr(np.random.default_rng(seed).standard_normal((n, n)))
    return q * np.sign(np.diag(r))


# --- rnn_cell_backward -------------------------------------------------------------------


@pytest.mark.parametrize("n_a, n_x, n_y, m, T_x", SIZES)
def test_rnn_cell_backward_matches_central_differences(n_a, n_x, n_y, m, T_x):
    x, _, a0, p = random_problem(n_a, n_x, n_y, m, T_x)
    xt = x[:, :, 0]
    da_next = np.random.default_rng(7).normal(size=(n_a, m))

    def scalar(xt_, a_prev_, p_):
        # L = sum(da_next * a_next), so that dL/da_next = da_next.
        return np.sum(da_next * cell_forward(xt_, a_prev_, p_)[0])

    expected = {
        "dxt": central_difference(lambda v: scalar(v, a0, p), xt),
        "da_prev": central_difference(lambda v: scalar(xt, v, p), a0),
        "dWax": central_difference(lambda v: scalar(xt, a0, with_entry(p, "Wax", v)), p["Wax"]),
        "dWaa": central_difference(lambda v: scalar(xt, a0, with_entry(p, "Waa", v)), p["Waa"]),
        "dba": central_difference(lambda v: scalar(xt, a0, with_entry(p, "ba", v)), p["ba"]),
    }
    got = bptt.rnn_cell_backward(da_next, cell_forward(xt, a0, p)[2])

    assert set(got) == set(expected)
    for key, value in expected.items():
        assert got[key].shape == value.shape, key
        assert got[key].dtype == np.float64, key
        assert rel_diff(got[key], value) < GRAD_TOL, key


def test_rnn_cell_backward_does_not_modify_inputs():
    x, _, a0, p = random_problem(3, 2, 4, 3, 1)
    cache = cell_forward(x[:, :, 0], a0, p)[2]
    da_next = np.ones((3, 3))
    before = deep_copy((da_next, cache))
    bptt.rnn_cell_backward(da_next, cache)
    assert_unchanged(before, (da_next, cache))


def test_rnn_cell_backward_rejects_da_next_of_wrong_shape():
    x, _, a0, p = random_problem(3, 2, 4, 3, 1)
    with pytest.raises(ValueError, match="da_next"):
        bptt.rnn_cell_backward(np.ones((3, 2)), cell_forward(x[:, :, 0], a0, p)[2])


# --- rnn_backward ------------------------------------------------------------------------


@pytest.mark.parametrize("n_a, n_x, n_y, m, T_x", SIZES)
def test_rnn_backward_matches_central_differences(n_a, n_x, n_y, m, T_x):
    x, _, a0, p = random_problem(n_a, n_x, n_y, m, T_x)
    da = np.random.default_rng(8).normal(size=(n_a, m, T_x))

    def scalar(x_, a0_, p_):
        # L = sum over t of da<t> * a<t>: da is the gradient reaching each a<t> from outside.
        return np.sum(da * forward(x_, a0_, p_)[0])

    expected = {
        "dx": central_difference(lambda v: scalar(v, a0, p), x),
        "da0": central_difference(lambda v: scalar(x, v, p), a0),
        "dWax": central_difference(lambda v: scalar(x, a0, with_entry(p, "Wax", v)), p["Wax"]),
        "dWaa": central_difference(lambda v: scalar(x, a0, with_entry(p, "Waa", v)), p["Waa"]),
        "dba": central_difference(lambda v: scalar(x, a0, with_entry(p, "ba", v)), p["ba"]),
    }
    got = bptt.rnn_backward(da, forward(x, a0, p)[2])

    assert set(got) == set(expected)
    for key, value in expected.items():
        assert got[key].shape == value.shape, key
        assert got[key].dtype == np.float64, key
        assert rel_diff(got[key], value) < GRAD_TOL, key


def test_rnn_backward_gradient_at_the_first_step_includes_later_steps():
    # Only the last step receives a gradient from outside: every earlier dx<t> is non-zero
    # only because the gradient travels back through the recurrence.
    x, _, a0, p = random_problem(3, 2, 4, 2, 4)
    da = np.zeros((3, 2, 4))
    da[:, :, -1] = 1.0
    got = bptt.rnn_backward(da, forward(x, a0, p)[2])
    assert np.all(np.abs(got["dx"][:, :, 0]) > 0)
    assert np.all(np.abs(got["da0"]) > 0)


def test_rnn_backward_with_one_step_equals_rnn_cell_backward():
    x, _, a0, p = random_problem(3, 2, 4, 3, 1)
    da = np.random.default_rng(9).normal(size=(3, 3, 1))
    whole = bptt.rnn_backward(da, forward(x, a0, p)[2])
    cell = bptt.rnn_cell_backward(da[:, :, 0], cell_forward(x[:, :, 0], a0, p)[2])
    np.testing.assert_allclose(whole["dx"][:, :, 0], cell["dxt"], rtol=EXACT_TOL, atol=0)
    np.testing.assert_allclose(whole["da0"], cell["da_prev"], rtol=EXACT_TOL, atol=0)
    for key in ("dWax", "dWaa", "dba"):
        np.testing.assert_allclose(whole[key], cell[key], rtol=EXACT_TOL, atol=0)


def test_rnn_backward_does_not_modify_inputs():
    x, _, a0, p = random_problem(3, 2, 4, 3, 4)
    caches = forward(x, a0, p)[2]
    da = np.ones((3, 3, 4))
    before = deep_copy((da, caches))
    bptt.rnn_backward(da, caches)
    assert_unchanged(before, (da, caches))


def test_rnn_backward_rejects_da_of_wrong_shape():
    x, _, a0, p = random_problem(3, 2, 4, 3, 4)
    with pytest.raises(ValueError, match="da"):
        bptt.rnn_backward(np.ones((3, 3, 3)), forward(x, a0, p)[2])


# --- cross_entropy_loss ------------------------------------------------------------------


def test_cross_entropy_loss_matches_a_hand_computed_example():
    # Two examples, two steps, three classes. Example 0 picks 0.5 then 0.25, example 1
    # picks 0.2 then 0.8: loss = -(log .5 + log .25 + log .2 + log .8) / 2.
    y_pred = np.zeros((3, 2, 2))
    y_pred[:, 0, 0] = [0.5, 0.3, 0.2]
    y_pred[:, 0, 1] = [0.25, 0.25, 0.5]
    y_pred[:, 1, 0] = [0.2, 0.7, 0.1]
    y_pred[:, 1, 1] = [0.1, 0.1, 0.8]
    y = np.array([[0, 1], [0, 2]])
    expected = -(np.log(0.5) + np.log(0.25) + np.log(0.2) + np.log(0.8)) / 2
    got = bptt.cross_entropy_loss(y_pred, y)
    assert isinstance(got, float)
    assert got == pytest.approx(expected, rel=EXACT_TOL)


def test_cross_entropy_loss_sums_over_steps_and_averages_over_examples():
    # Every probability of the true class is 1/2: each example has loss T_y * log 2,
    # the mean over m examples is T_y * log 2 whatever m is.
    m, T_y = 5, 7
    y_pred = np.full((2, m, T_y), 0.5)
    y = np.zeros((m, T_y), dtype=int)
    assert bptt.cross_entropy_loss(y_pred, y) == pytest.approx(T_y * np.log(2), rel=EXACT_TOL)


def test_cross_entropy_loss_does_not_modify_inputs():
    y_pred = softmax_columns(np.random.default_rng(1).normal(size=(4, 3, 2)))
    y = np.array([[0, 3], [1, 2], [3, 3]])
    before = deep_copy((y_pred, y))
    bptt.cross_entropy_loss(y_pred, y)
    assert_unchanged(before, (y_pred, y))


@pytest.mark.parametrize("y", [np.array([[0, 4]]), np.array([[-1, 0]])], ids=["too-large", "negative"])
def test_cross_entropy_loss_rejects_index_out_of_range(y):
    with pytest.raises(ValueError, match="y"):
        bptt.cross_entropy_loss(np.full((4, 1, 2), 0.25), y)


def test_cross_entropy_loss_rejects_y_of_wrong_shape():
    with pytest.raises(ValueError, match="y"):
        bptt.cross_entropy_loss(np.full((4, 2, 3), 0.25), np.zeros((3, 2), dtype=int))


# --- rnn_loss_and_gradients --------------------------------------------------------------


@pytest.mark.parametrize("n_a, n_x, n_y, m, T_x", SIZES)
def test_rnn_loss_and_gradients_matches_central_differences(n_a, n_x, n_y, m, T_x):
    x, y, a0, p = random_problem(n_a, n_x, n_y, m, T_x, seed=3)
    expected = {
        "d" + name: central_difference(
            lambda v, name=name: loss_of(x, y, a0, with_entry(p, name, v)), p[name]
        )
        for name in PARAMETER_KEYS
    }
    expected["da0"] = central_difference(lambda v: loss_of(x, y, v, p), a0)

    loss, got = bptt.rnn_loss_and_gradients(x, y, a0, p)

    assert isinstance(loss, float)
    assert loss == pytest.approx(loss_of(x, y, a0, p), rel=EXACT_TOL)
    assert set(got) == set(expected)
    for key, value in expected.items():
        assert got[key].shape == value.shape, key
        assert got[key].dtype == np.float64, key
        assert rel_diff(got[key], value) < GRAD_TOL, key


def test_rnn_loss_and_gradients_does_not_modify_inputs():
    x, y, a0, p = random_problem(3, 2, 4, 3, 4)
    before = deep_copy((x, y, a0, p))
    bptt.rnn_loss_and_gradients(x, y, a0, p)
    assert_unchanged(before, (x, y, a0, p))


def test_rnn_loss_and_gradients_rejects_y_of_wrong_shape():
    x, y, a0, p = random_problem(3, 2, 4, 3, 4)
    with pytest.raises(ValueError, match="y"):
        bptt.rnn_loss_and_gradients(x, y[:, :3], a0, p)


# --- relative_difference -----------------------------------------------------------------


@pytest.mark.parametrize(
    "grad, grad_approx, expected",
    [
        pytest.param([3.0, 0.0], [0.0, 4.0], 5.0 / 7.0, id="3-4-5"),
        pytest.param([[1.0, 2.0], [3.0, 4.0]], [[1.0, 2.0], [3.0, 4.0]], 0.0, id="equal"),
        pytest.param([1.0, -2.0], [-1.0, 2.0], 1.0, id="opposite"),
        pytest.param([0.0, 0.0, 0.0], [0.0, 0.0, 0.0], 0.0, id="both-zero"),
        pytest.param([0.0, 0.0], [0.0, 2.0], 1.0, id="one-zero"),
        pytest.param([2.0, 0.0], [1.0, 0.0], 1.0 / 3.0, id="half"),
    ],
)
def test_relative_difference_known_values(grad, grad_approx, expected):
    got = bptt.relative_difference(np.array(grad), np.array(grad_approx))
    assert isinstance(got, float)
    assert got == pytest.approx(expected, rel=EXACT_TOL, abs=0)


def test_relative_difference_rejects_shapes_that_differ():
    with pytest.raises(ValueError, match="grad"):
        bptt.relative_difference(np.zeros(3), np.zeros(4))


# --- numerical_gradient ------------------------------------------------------------------


def test_numerical_gradient_of_sum_of_squares_is_twice_the_array():
    array = np.random.default_rng(2).normal(size=(3, 4))
    expected = 2 * array
    got = bptt.numerical_gradient(lambda: np.sum(array**2), array)
    assert got.shape == (3, 4)
    assert got.dtype == np.float64
    # Central differences are exact for a quadratic; only rounding (~1e-16 / 1e-5) remains.
    assert rel_diff(got, expected) < 1e-9


def test_numerical_gradient_of_sum_of_sin_is_cos():
    array = np.random.default_rng(3).normal(size=(2, 3, 2))
    expected = np.cos(array)
    got = bptt.numerical_gradient(lambda: np.sum(np.sin(array)), array)
    # Truncation error eps**2 / 6 ~ 2e-11 with the default eps = 1e-5.
    assert rel_diff(got, expected) < 1e-9


def test_numerical_gradient_is_central_not_one_sided():
    # With a large step, central differences of x**2 are still exactly 2x, while forward
    # differences give 2x + eps and backward differences 2x - eps.
    array = np.array([1.0, -2.0, 0.5])
    got = bptt.numerical_gradient(lambda: np.sum(array**2), array, eps=0.25)
    np.testing.assert_allclose(got, 2 * array, rtol=0, atol=1e-12)


def test_numerical_gradient_uses_eps():
    # Central differences of x**3 with step h give 3x**2 + h**2 exactly.
    array = np.array([1.0, 2.0])
    got = bptt.numerical_gradient(lambda: np.sum(array**3), array, eps=0.5)
    np.testing.assert_allclose(got, 3 * array**2 + 0.25, rtol=1e-12, atol=0)


def test_numerical_gradient_perturbs_one_entry_at_a_time_and_restores_it_exactly():
    array = np.random.default_rng(4).normal(size=(4, 3))
    before = array.copy()
    seen = []

    def f():
        seen.append(array.copy())
        return np.sum(np.sin(array))

    bptt.numerical_gradient(f, array)
    np.testing.assert_array_equal(array, before)
    # Two calls per entry, and each call sees exactly one entry moved: the others are back
    # at their original values, bit for bit.
    assert len(seen) == 2 * array.size
    for values in seen:
        assert np.count_nonzero(values != before) == 1


def test_numerical_gradient_of_coupled_function_needs_restoring():
    # f = (sum x)**2 has gradient 2 sum(x) in every entry: correct only if each entry is
    # set back before the next one is perturbed.
    array = np.array([[0.3, -1.2], [2.0, 0.7]])
    expected = np.full(array.shape, 2 * np.sum(array))
    got = bptt.numerical_gradient(lambda: np.sum(array) ** 2, array)
    assert rel_diff(got, expected) < 1e-9


def test_numerical_gradient_restores_the_array_when_f_raises():
    array = np.array([1.0, 2.0])

    def f():
        if array[0] != 1.0:
            raise RuntimeError("boom")
        return 0.0

    with pytest.raises(RuntimeError):
        bptt.numerical_gradient(f, array)
    np.testing.assert_array_equal(array, [1.0, 2.0])


def test_numerical_gradient_checks_the_gradient_of_the_loss():
    x, y, a0, p = random_problem(3, 2, 4, 2, 3)
    _, analytic = bptt.rnn_loss_and_gradients(x, y, a0, p)
    Waa = p["Waa"].copy()
    numeric = bptt.numerical_gradient(lambda: loss_of(x, y, a0, with_entry(p, "Waa", Waa)), Waa)
    assert rel_diff(analytic["dWaa"], numeric) < GRAD_TOL


def test_numerical_gradient_rejects_an_integer_array():
    with pytest.raises(ValueError, match="array"):
        bptt.numerical_gradient(lambda: 0.0, np.array([1, 2, 3]))


# --- clip_gradients ----------------------------------------------------------------------


def gradients_to_clip():
    return {
        "dWaa": np.array([[-12.0, 3.0], [0.5, 7.0]]),
        "dba": np.array([[-4.9], [5.1]]),
        "dby": np.array([[5.0]]),
    }


def test_clip_gradients_clips_every_entry_to_the_interval():
    gradients = gradients_to_clip()
    got = bptt.clip_gradients(gradients, 5.0)
    assert set(got) == set(gradients)
    np.testing.assert_array_equal(got["dWaa"], [[-5.0, 3.0], [0.5, 5.0]])
    np.testing.assert_array_equal(got["dba"], [[-4.9], [5.0]])
    np.testing.assert_array_equal(got["dby"], [[5.0]])


def test_clip_gradients_returns_a_new_dict_and_leaves_inputs_unchanged():
    gradients = gradients_to_clip()
    before = deep_copy(gradients)
    got = bptt.clip_gradients(gradients, 1.0)
    assert got is not gradients
    assert_unchanged(before, gradients)
    got["dWaa"][0, 0] = 99.0
    assert_unchanged(before, gradients)


# --- clip_by_global_norm -----------------------------------------------------------------


def test_clip_by_global_norm_scales_all_arrays_by_one_factor():
    # Joint norm sqrt(9 + 16 + 144) = 13 > 6.5: every array is halved.
    gradients = {"dWaa": np.array([[3.0, 4.0]]), "dby": np.array([[12.0]])}
    got = bptt.clip_by_global_norm(gradients, 6.5)
    np.testing.assert_allclose(got["dWaa"], [[1.5, 2.0]], rtol=EXACT_TOL, atol=0)
    np.testing.assert_allclose(got["dby"], [[6.0]], rtol=EXACT_TOL, atol=0)


def test_clip_by_global_norm_uses_the_joint_norm_not_each_arrays_norm():
    # Each array has norm 3 <= 4, but the joint norm 3 * sqrt(2) > 4: both are scaled.
    gradients = {"dWax": np.array([[3.0, 0.0]]), "dWaa": np.array([[0.0], [3.0]])}
    got = bptt.clip_by_global_norm(gradients, 4.0)
    factor = 4.0 / (3.0 * np.sqrt(2.0))
    np.testing.assert_allclose(got["dWax"], [[3.0 * factor, 0.0]], rtol=EXACT_TOL, atol=0)
    np.testing.assert_allclose(got["dWaa"], [[0.0], [3.0 * factor]], rtol=EXACT_TOL, atol=0)
    total = np.sqrt(sum(np.sum(g**2) for g in got.values()))
    assert total == pytest.approx(4.0, rel=EXACT_TOL)


@pytest.mark.parametrize("max_norm", [13.0, 20.0], ids=["equal", "above"])
def test_clip_by_global_norm_leaves_gradients_at_or_below_max_norm(max_norm):
    gradients = {"dWaa": np.array([[3.0, 4.0]]), "dby": np.array([[12.0]])}
    got = bptt.clip_by_global_norm(gradients, max_norm)
    np.testing.assert_array_equal(got["dWaa"], [[3.0, 4.0]])
    np.testing.assert_array_equal(got["dby"], [[12.0]])


@pytest.mark.parametrize("max_norm", [1.0, 100.0], ids=["scaled", "unscaled"])
def test_clip_by_global_norm_leaves_inputs_unchanged(max_norm):
    # The docstring promises the same keys and unchanged inputs, not copies: a result that
    # shares the caller's arrays when nothing is clipped is allowed (and cannot be seen
    # through the grading engine).
    gradients = gradients_to_clip()
    before = deep_copy(gradients)
    got = bptt.clip_by_global_norm(gradients, max_norm)
    assert set(got) == set(gradients)
    assert_unchanged(before, gradients)


# --- sgd_step ----------------------------------------------------------------------------


def test_sgd_step_moves_every_parameter_against_its_gradient():
    _, _, _, p = random_problem(3, 2, 4, 1, 1)
    gradients = {"d" + k: np.random.default_rng(5).normal(size=v.shape) for k, v in p.items()}
    gradients["da0"] = np.ones((3, 1))
    got = bptt.sgd_step(p, gradients, 0.1)
    assert set(got) == set(p)
    for name in p:
        expected = p[name] - 0.1 * gradients["d" + name]
        np.testing.assert_allclose(got[name], expected, rtol=EXACT_TOL, atol=0)


def test_sgd_step_returns_a_new_dict_and_leaves_inputs_unchanged():
    _, _, _, p = random_problem(3, 2, 4, 1, 1)
    gradients = {"d" + k: np.ones_like(v) for k, v in p.items()}
    before = deep_copy((p, gradients))
    got = bptt.sgd_step(p, gradients, 0.5)
    assert got is not p
    assert_unchanged(before, (p, gradients))


def test_sgd_step_rejects_a_missing_gradient():
    _, _, _, p = random_problem(3, 2, 4, 1, 1)
    gradients = {"d" + k: np.ones_like(v) for k, v in p.items() if k != "by"}
    with pytest.raises(ValueError, match="gradients"):
        bptt.sgd_step(p, gradients, 0.5)


def test_sgd_step_lowers_the_loss():
    x, y, a0, p = random_problem(3, 2, 4, 3, 4)
    loss, gradients = bptt.rnn_loss_and_gradients(x, y, a0, p)
    assert loss_of(x, y, a0, bptt.sgd_step(p, gradients, 0.01)) < loss


# --- gradient_norms_through_time ---------------------------------------------------------


def orthogonal_problem(rho, n_a=4, n_x=3, n_y=2, m=3, T_x=8, seed=11):
    """Waa = rho * Q, zero inputs, zero biases and a0 = 0: every a<t> is exactly 0."""
    p = random_parameters(n_a, n_x, n_y, seed)
    p["Waa"] = rho * orthogonal(n_a, seed)
    p["ba"] = np.zeros((n_a, 1))
    p["by"] = np.zeros((n_y, 1))
    return np.zeros((n_x, m, T_x)), np.zeros((n_a, m)), p


@pytest.mark.parametrize("rho", [0.5, 1.5], ids=["contracting", "expanding"])
def test_gradient_norms_through_time_follow_powers_of_rho(rho):
    x, a0, p = orthogonal_problem(rho)
    n_a, m, T_x = 4, 3, 8
    steps = np.arange(1, T_x + 1)
    expected = rho ** (T_x - steps) * np.sqrt(n_a * m)
    got = bptt.gradient_norms_through_time(x, a0, p)
    assert got.shape == (T_x,)
    assert got.dtype == np.float64
    np.testing.assert_allclose(got, expected, rtol=POWER_TOL, atol=0)


def test_gradient_norms_through_time_vanish_when_tanh_saturates_even_for_rho_above_one():
    x, a0, p = orthogonal_problem(1.5, T_x=10)
    # Wax x = 6 in every unit and |Waa a| <= 1.5 * 2: pre-activations in [3, 9], so every
    # 1 - a**2 is below 1e-2 (saturated) yet above 1e-7 (not rounded to zero).
    p["Wax"] = np.ones((4, 3))
    x = np.full(x.shape, 2.0)
    got = bptt.gradient_norms_through_time(x, a0, p)
    assert got[-1] == pytest.approx(np.sqrt(4 * 3), rel=EXACT_TOL)
    assert np.all(got > 0)
    # Each step back multiplies the norm by at most 1.5 * 1e-2 < 1: smaller the further back.
    assert np.all(got[:-1] < 0.015 * got[1:])
    assert got[0] < 1e-12 * got[-1]


def test_gradient_norms_through_time_match_an_independent_recurrence():
    x, _, a0, p = random_problem(3, 2, 4, 2, 6, seed=5)
    a, _, _ = forward(x, a0, p)
    expected = np.zeros(6)
    g = np.ones((3, 2))
    for t in range(6, 0, -1):  # t is the 1-based step; a<t> is a[:, :, t - 1]
        expected[t - 1] = np.sqrt(np.sum(g**2))
        g = p["Waa"].T @ (g * (1 - a[:, :, t - 1] ** 2))
    got = bptt.gradient_norms_through_time(x, a0, p)
    np.testing.assert_allclose(got, expected, rtol=EXACT_TOL, atol=0)


def test_gradient_norms_through_time_are_norms_of_the_gradient_of_the_last_state():
    # g<t> is the gradient of sum(a<T_x>) with respect to a<t>, the inputs held fixed:
    # check each norm against central differences of the steps t + 1, ..., T_x.
    x, _, a0, p = random_problem(3, 2, 4, 2, 5, seed=6)
    a, _, _ = forward(x, a0, p)
    T_x = x.shape[2]

    def sum_of_last_state(a_t, t):
        # a_t is a<t> (1-based t); run the remaining steps from it.
        return np.sum(forward(x[:, :, t:], a_t, p)[0][:, :, -1]) if t < T_x else np.sum(a_t)

    expected = [
        np.linalg.norm(central_difference(lambda v, t=t: sum_of_last_state(v, t), a[:, :, t - 1]))
        for t in range(1, T_x + 1)
    ]
    got = bptt.gradient_norms_through_time(x, a0, p)
    assert rel_diff(got, expected) < GRAD_TOL


@pytest.mark.parametrize("m, T_x", [(1, 5), (3, 1), (1, 1)], ids=["m1", "T1", "m1-T1"])
def test_gradient_norms_through_time_small_cases(m, T_x):
    x, a0, p = orthogonal_problem(0.5, m=m, T_x=T_x)
    expected = 0.5 ** (T_x - np.arange(1, T_x + 1)) * np.sqrt(4 * m)
    got = bptt.gradient_norms_through_time(x, a0, p)
    np.testing.assert_allclose(got, expected, rtol=POWER_TOL, atol=0)


def test_gradient_norms_through_time_do_not_modify_inputs():
    x, _, a0, p = random_problem(3, 2, 4, 2, 6)
    before = deep_copy((x, a0, p))
    bptt.gradient_norms_through_time(x, a0, p)
    assert_unchanged(before, (x, a0, p))


# --- spectral_radius ---------------------------------------------------------------------


@pytest.mark.parametrize("rho", [0.5, 1.0, 1.5])
def test_spectral_radius_of_a_scaled_orthogonal_matrix_is_rho(rho):
    got = bptt.spectral_radius(rho * orthogonal(6, seed=3))
    assert isinstance(got, float)
    assert got == pytest.approx(rho, rel=EXACT_TOL)


def test_spectral_radius_takes_the_absolute_value():
    assert bptt.spectral_radius(np.diag([-3.0, 1.0, 2.0])) == pytest.approx(3.0, rel=EXACT_TOL)


def test_spectral_radius_of_a_rotation_uses_the_modulus_of_complex_eigenvalues():
    c, s = np.cos(0.3), np.sin(0.3)
    assert bptt.spectral_radius(2.0 * np.array([[c, -s], [s, c]])) == pytest.approx(2.0)


def test_spectral_radius_is_not_the_largest_singular_value():
    # Triangular: eigenvalues 0.5 and 0.5, largest singular value about 10.
    assert bptt.spectral_radius(np.array([[0.5, 10.0], [0.0, 0.5]])) == pytest.approx(0.5)


def test_spectral_radius_rejects_a_matrix_that_is_not_square():
    with pytest.raises(ValueError, match="W"):
        bptt.spectral_radius(np.ones((2, 3)))


# --- the forward pass shipped to students as rnn_utils (from solutions/rnn_forward.py) ---


@pytest.mark.parametrize("n_a, n_x, n_y, m, T_x", SIZES)
def test_shipped_rnn_forward_matches_an_independent_forward(n_a, n_x, n_y, m, T_x):
    x, _, a0, p = random_problem(n_a, n_x, n_y, m, T_x)
    a, y_pred, (step_caches, x_cached) = rnn_utils.rnn_forward(x, a0, p)
    expected_a, expected_y, (expected_caches, _) = forward(x, a0, p)
    np.testing.assert_allclose(a, expected_a, rtol=EXACT_TOL, atol=0)
    np.testing.assert_allclose(y_pred, expected_y, rtol=EXACT_TOL, atol=0)
    np.testing.assert_array_equal(x_cached, x)
    assert len(step_caches) == T_x
    for cache, expected in zip(step_caches, expected_caches, strict=True):
        assert len(cache) == 4
        for got_array, expected_array in zip(cache[:3], expected[:3], strict=True):
            np.testing.assert_allclose(got_array, expected_array, rtol=EXACT_TOL, atol=0)
        assert cache[3] is p  # the parameters dict that was passed in


def test_shipped_rnn_cell_forward_matches_the_formula():
    x, _, a0, p = random_problem(3, 2, 4, 3, 1)
    a_next, yt_pred, cache = rnn_utils.rnn_cell_forward(x[:, :, 0], a0, p)
    expected = cell_forward(x[:, :, 0], a0, p)
    np.testing.assert_allclose(a_next, expected[0], rtol=EXACT_TOL, atol=0)
    np.testing.assert_allclose(yt_pred, expected[1], rtol=EXACT_TOL, atol=0)
    assert cache[3] is p


def test_shipped_softmax_is_stable_for_large_logits():
    got = rnn_utils.softmax(np.array([[1000.0, -1000.0], [1001.0, -1000.0]]))
    assert np.all(np.isfinite(got))
    np.testing.assert_allclose(got.sum(axis=0), [1.0, 1.0], rtol=EXACT_TOL)
    np.testing.assert_allclose(got[:, 0], softmax_columns(np.array([[0.0], [1.0]]))[:, 0], rtol=EXACT_TOL)


@pytest.mark.parametrize(
    "change, argument",
    [
        pytest.param(lambda x, a0, p: (x[:2], a0, p), "x", id="x-rows"),
        pytest.param(lambda x, a0, p: (x, a0[:, :1], p), "a0", id="a0-columns"),
        pytest.param(lambda x, a0, p: (x, a0, with_entry(p, "Waa", p["Waa"][:2])), "Waa", id="Waa"),
        pytest.param(lambda x, a0, p: (x, a0, with_entry(p, "ba", p["ba"].ravel())), "ba", id="ba"),
    ],
)
def test_shipped_rnn_forward_rejects_bad_shapes_naming_the_argument(change, argument):
    x, _, a0, p = random_problem(3, 3, 4, 2, 4)
    with pytest.raises(ValueError, match=argument):
        rnn_utils.rnn_forward(*change(x, a0, p))


def test_the_reference_uses_the_shipped_forward():
    assert bptt.rnn_forward is rnn_utils.rnn_forward
    assert bptt.rnn_cell_forward is rnn_utils.rnn_cell_forward


# --- what a student sees: grader.check names every catalogued mistake ---------------------
# The public test files run as in the student's kernel (env = the notebook's names: the
# reference with the mistake filled in), with the answers a student release ships. Every
# mistake of the catalogue that has a FEEDBACK phrase must fail a public case of its question
# with that phrase in the message, gradients against central differences included.

CATALOGUE = Path(__file__).parents[1] / "catalogue" / "bptt" / "mistakes"
NAMED_MISTAKES = sorted(path.stem for path in CATALOGUE.glob("*.py") if feedback_of(path) is not None)


@pytest.fixture(scope="module")
def public_checks(tmp_path_factory):
    """question -> its public test file, with the answers of a student release read as when checking."""
    assignment = assignments.load("bptt")
    sources = {path.stem: public_source(path.read_text(encoding="utf-8")) for path in assignment.test_files}
    recorder = record_answers(assignment, {f"{q}.py": source for q, source in sources.items()})
    folder = tmp_path_factory.mktemp("answers")
    recorder.save(str(folder / "bptt.json"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(answers, "ANSWERS_DIR", str(folder))
        patch.setattr(answers, "_answers", None)
        patch.setenv("RNNCHECK_LANG", "es")
        yield assignment, sources


def test_every_gradient_mistake_has_a_feedback_phrase():
    gradients = {"rnn_cell_backward", "rnn_backward", "rnn_loss_and_gradients"}
    for path in CATALOGUE.glob("*.py"):
        if defined_functions(path) & gradients:
            assert feedback_of(path) is not None, path.stem


@pytest.mark.parametrize("mistake", NAMED_MISTAKES)
def test_public_checks_name_the_catalogued_mistake(public_checks, mistake):
    assignment, sources = public_checks
    path = CATALOGUE / f"{mistake}.py"
    phrase = feedback_of(path)["es"]
    env = namespace(assignment.solution_path.read_text(encoding="utf-8"), path.read_text(encoding="utf-8"))
    defined = defined_functions(path)
    questions = [q for q, function in assignment.questions.items() if function in defined]
    assert questions
    for question in questions:
        result = run(sources[question], dict(env), path=question)
        messages = [case.message for case in result.test_case_results if not case.passed]
        assert any(phrase in message for message in messages), (question, messages)


def test_spectral_radius_of_complex_eigenvalues_is_their_modulus():
    # Eigenvalues -1 +- 2i: not the real part (1), the diagonal (2) nor the singular value (5.40).
    assert bptt.spectral_radius(np.array([[-2.0, -5.0], [1.0, 0.0]])) == pytest.approx(np.sqrt(5.0))


# --- the data of the character-level model ----------------------------------------------

NAMES_FILE = Path(__file__).parents[2] / "assignments" / "bptt" / "data" / "nombres.txt"
# Places that an earlier list had among the names: none of them is a given name.
PLACES = {"aguascalientes", "oaxaca", "puebla", "jalisco", "guadalajara", "monterrey", "tepic", "taxco"}
PLACES |= {"tulum", "silao", "jerez", "colima", "sonora", "toluca", "mérida", "cancún", "álamos", "xalapa"}


def names_in_the_list():
    return NAMES_FILE.read_text(encoding="utf-8").splitlines()


def test_the_name_list_is_a_few_hundred_lowercase_names_without_repeats_or_places():
    names = names_in_the_list()
    assert 300 <= len(names) <= 500
    assert len(set(names)) == len(names)
    assert all(name and name == name.strip().lower() and name.isalpha() for name in names)
    assert not PLACES & set(names)


def test_the_training_test_takes_its_names_from_the_list():
    # q10 writes its names out (NAMES, and the pool of the hidden case) so that it needs no
    # file; they must be names of the list.
    path = Path(__file__).parents[2] / "autograder" / "otter_tests" / "bptt" / "q10.py"
    written = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            if node.targets[0].id in ("NAMES", "pool"):
                written[node.targets[0].id] = ast.literal_eval(node.value)
    assert len(written["NAMES"]) == 16 and len(written["pool"]) > 100
    assert set(written["NAMES"]) | set(written["pool"]) <= set(names_in_the_list())
