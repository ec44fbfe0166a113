"""Tests of the reference solution of assignment 3, bptt.

Expected values are computed independently of the module under test: every analytic
gradient against central differences of the tests' own forward pass (tests/solutions/
numerics.py: so these tests do not trust the forward shipped as rnn_utils either), the
numerical helpers on functions whose gradient is known in closed form, and the vanishing
and exploding behaviour against rho**(T_x - t) * sqrt(n_a * m).
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
from tests.solutions.numerics import (
    PARAMETER_KEYS,
    ROUNDING,
    assert_close,
    assert_leaves_arguments_unchanged,
    cell,
    central_difference,
    cross_entropy,
    forward,
    random_parameters,
    relative_difference,
)

# Central differences (numerics.EPS) agree with a correct analytic gradient to about 1e-9
# in relative difference; a wrong one (a missing factor, a missing term) is off by more
# than 1e-3.
GRAD_TOL = 1e-7

# The vanishing/exploding norms follow rho**(T_x - t) exactly in exact arithmetic; an
# orthogonal Q keeps norms to about 1e-16 per step, so 1e-10 leaves a wide margin.
POWER_TOL = 1e-10

SIZES = [
    pytest.param(3, 2, 4, 3, 4, id="n_a3-n_x2-n_y4-m3-T4"),
    pytest.param(3, 2, 4, 1, 4, id="m1"),
    pytest.param(3, 2, 4, 3, 1, id="T1"),
    pytest.param(2, 3, 2, 1, 1, id="m1-T1"),
]


def random_problem(n_a, n_x, n_y, m, T_x, seed=0):
    """x, y (true classes), a0 and parameters."""
    rng = np.random.default_rng(seed + 100)
    x = rng.normal(0.0, 1.0, (n_x, m, T_x))
    a0 = rng.normal(0.0, 0.5, (n_a, m))
    y = rng.integers(0, n_y, (m, T_x))
    return x, y, a0, random_parameters(n_a, n_x, n_y, seed)


def cell_cache(xt, a_prev, p):
    """What rnn_cell_forward returns as its cache: (a_next, a_prev, xt, parameters)."""
    return cell(xt, a_prev, p)[0], a_prev, xt, p


def caches_of(x, a0, p):
    """What rnn_forward returns as its caches: ([one cell cache per step], x)."""
    a, _ = forward(x, a0, p)
    states = [a0] + [a[:, :, t] for t in range(x.shape[2])]
    return [(states[t + 1], states[t], x[:, :, t], p) for t in range(x.shape[2])], x


def loss_of(x, y, a0, p):
    """Sum over steps, mean over examples, of -log of the true class's probability."""
    return cross_entropy(forward(x, a0, p)[1], y)


def parameter_gradients(f, p, names):
    """{"d" + name: central differences of f(parameters) in parameters[name]} for each name."""
    return {"d" + n: central_difference(lambda v, n=n: f({**p, n: v}), p[n]) for n in names}


def assert_gradients_match(got, expected):
    assert set(got) == set(expected)
    for key, value in expected.items():
        assert got[key].shape == value.shape, key
        assert got[key].dtype == np.float64, key
        assert relative_difference(got[key], value) < GRAD_TOL, key


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
        return np.sum(da_next * cell(xt_, a_prev_, p_)[0])

    expected = parameter_gradients(lambda q: scalar(xt, a0, q), p, ("Wax", "Waa", "ba"))
    expected["dxt"] = central_difference(lambda v: scalar(v, a0, p), xt)
    expected["da_prev"] = central_difference(lambda v: scalar(xt, v, p), a0)
    assert_gradients_match(bptt.rnn_cell_backward(da_next, cell_cache(xt, a0, p)), expected)


def test_rnn_cell_backward_rejects_da_next_of_wrong_shape():
    x, _, a0, p = random_problem(3, 2, 4, 3, 1)
    with pytest.raises(ValueError, match="da_next"):
        bptt.rnn_cell_backward(np.ones((3, 2)), cell_cache(x[:, :, 0], a0, p))


# --- rnn_backward ------------------------------------------------------------------------


@pytest.mark.parametrize("n_a, n_x, n_y, m, T_x", SIZES)
def test_rnn_backward_matches_central_differences(n_a, n_x, n_y, m, T_x):
    x, _, a0, p = random_problem(n_a, n_x, n_y, m, T_x)
    da = np.random.default_rng(8).normal(size=(n_a, m, T_x))

    def scalar(x_, a0_, p_):
        # L = sum over t of da<t> * a<t>: da is the gradient reaching each a<t> from outside.
        return np.sum(da * forward(x_, a0_, p_)[0])

    expected = parameter_gradients(lambda q: scalar(x, a0, q), p, ("Wax", "Waa", "ba"))
    expected["dx"] = central_difference(lambda v: scalar(v, a0, p), x)
    expected["da0"] = central_difference(lambda v: scalar(x, v, p), a0)
    assert_gradients_match(bptt.rnn_backward(da, caches_of(x, a0, p)), expected)


def test_rnn_backward_gradient_at_the_first_step_includes_later_steps():
    # Only the last step receives a gradient from outside: every earlier dx<t> is non-zero
    # only because the gradient travels back through the recurrence.
    x, _, a0, p = random_problem(3, 2, 4, 2, 4)
    da = np.zeros((3, 2, 4))
    da[:, :, -1] = 1.0
    got = bptt.rnn_backward(da, caches_of(x, a0, p))
    assert np.all(np.abs(got["dx"][:, :, 0]) > 0)
    assert np.all(np.abs(got["da0"]) > 0)


def test_rnn_backward_with_one_step_equals_rnn_cell_backward():
    x, _, a0, p = random_problem(3, 2, 4, 3, 1)
    da = np.random.default_rng(9).normal(size=(3, 3, 1))
    whole = bptt.rnn_backward(da, caches_of(x, a0, p))
    cell_gradients = bptt.rnn_cell_backward(da[:, :, 0], cell_cache(x[:, :, 0], a0, p))
    assert_close(whole["dx"][:, :, 0], cell_gradients["dxt"])
    assert_close(whole["da0"], cell_gradients["da_prev"])
    for key in ("dWax", "dWaa", "dba"):
        assert_close(whole[key], cell_gradients[key])


def test_rnn_backward_rejects_da_of_wrong_shape():
    x, _, a0, p = random_problem(3, 2, 4, 3, 4)
    with pytest.raises(ValueError, match="da"):
        bptt.rnn_backward(np.ones((3, 3, 3)), caches_of(x, a0, p))


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
    assert got == pytest.approx(expected, rel=ROUNDING)


def test_cross_entropy_loss_sums_over_steps_and_averages_over_examples():
    # Every probability of the true class is 1/2: each example has loss T_y * log 2,
    # the mean over m examples is T_y * log 2 whatever m is.
    m, T_y = 5, 7
    y_pred = np.full((2, m, T_y), 0.5)
    y = np.zeros((m, T_y), dtype=int)
    assert bptt.cross_entropy_loss(y_pred, y) == pytest.approx(T_y * np.log(2), rel=ROUNDING)


@pytest.mark.parametrize(
    "y",
    [np.array([[0, 4]]), np.array([[-1, 0]]), np.zeros((2, 1), dtype=int)],
    ids=["too-large", "negative", "wrong-shape"],
)
def test_cross_entropy_loss_rejects_bad_y(y):
    with pytest.raises(ValueError, match="y"):
        bptt.cross_entropy_loss(np.full((4, 1, 2), 0.25), y)


# --- rnn_loss_and_gradients --------------------------------------------------------------


@pytest.mark.parametrize("n_a, n_x, n_y, m, T_x", SIZES)
def test_rnn_loss_and_gradients_matches_central_differences(n_a, n_x, n_y, m, T_x):
    x, y, a0, p = random_problem(n_a, n_x, n_y, m, T_x, seed=3)
    expected = parameter_gradients(lambda q: loss_of(x, y, a0, q), p, PARAMETER_KEYS)
    expected["da0"] = central_difference(lambda v: loss_of(x, y, v, p), a0)
    loss, got = bptt.rnn_loss_and_gradients(x, y, a0, p)
    assert isinstance(loss, float)
    assert loss == pytest.approx(loss_of(x, y, a0, p), rel=ROUNDING)
    assert_gradients_match(got, expected)


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
    assert got == pytest.approx(expected, rel=ROUNDING, abs=0)


def test_relative_difference_rejects_shapes_that_differ():
    with pytest.raises(ValueError, match="grad"):
        bptt.relative_difference(np.zeros(3), np.zeros(4))


# --- numerical_gradient ------------------------------------------------------------------


@pytest.mark.parametrize(
    "f, gradient, eps",
    [
        # exact for a quadratic: only rounding (~1e-16 / 1e-5) remains
        pytest.param(lambda v: np.sum(v**2), lambda v: 2 * v, None, id="sum-of-squares"),
        # truncation error eps**2 / 6 ~ 2e-11 with the default eps = 1e-5
        pytest.param(lambda v: np.sum(np.sin(v)), np.cos, None, id="sum-of-sin"),
        # 2 sum(x) in every entry: right only if each entry is set back before the next moves
        pytest.param(lambda v: np.sum(v) ** 2, lambda v: np.full(v.shape, 2 * np.sum(v)), None, id="coupled"),
        # a large step: central differences of x**2 are still exactly 2x, while forward and
        # backward differences give 2x + eps and 2x - eps
        pytest.param(lambda v: np.sum(v**2), lambda v: 2 * v, 0.25, id="central-not-one-sided"),
        # central differences of x**3 with step h are 3x**2 + h**2 exactly
        pytest.param(lambda v: np.sum(v**3), lambda v: 3 * v**2 + 0.25, 0.5, id="uses-eps"),
    ],
)
def test_numerical_gradient_of_known_functions(f, gradient, eps):
    array = np.random.default_rng(3).normal(size=(2, 3, 2))
    expected = gradient(array)
    got = bptt.numerical_gradient(lambda: f(array), array, **({} if eps is None else {"eps": eps}))
    assert got.shape == array.shape
    assert got.dtype == np.float64
    assert relative_difference(got, expected) < 1e-9


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
    numeric = bptt.numerical_gradient(lambda: loss_of(x, y, a0, {**p, "Waa": Waa}), Waa)
    assert relative_difference(analytic["dWaa"], numeric) < GRAD_TOL


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


# --- clip_by_global_norm -----------------------------------------------------------------


def test_clip_by_global_norm_scales_all_arrays_by_one_factor():
    # Joint norm sqrt(9 + 16 + 144) = 13 > 6.5: every array is halved.
    gradients = {"dWaa": np.array([[3.0, 4.0]]), "dby": np.array([[12.0]])}
    got = bptt.clip_by_global_norm(gradients, 6.5)
    assert set(got) == set(gradients)
    assert_close(got["dWaa"], [[1.5, 2.0]])
    assert_close(got["dby"], [[6.0]])


def test_clip_by_global_norm_uses_the_joint_norm_not_each_arrays_norm():
    # Each array has norm 3 <= 4, but the joint norm 3 * sqrt(2) > 4: both are scaled.
    gradients = {"dWax": np.array([[3.0, 0.0]]), "dWaa": np.array([[0.0], [3.0]])}
    got = bptt.clip_by_global_norm(gradients, 4.0)
    factor = 4.0 / (3.0 * np.sqrt(2.0))
    assert_close(got["dWax"], [[3.0 * factor, 0.0]])
    assert_close(got["dWaa"], [[0.0], [3.0 * factor]])
    total = np.sqrt(sum(np.sum(g**2) for g in got.values()))
    assert total == pytest.approx(4.0, rel=ROUNDING)


@pytest.mark.parametrize("max_norm", [13.0, 20.0], ids=["equal", "above"])
def test_clip_by_global_norm_leaves_gradients_at_or_below_max_norm(max_norm):
    gradients = {"dWaa": np.array([[3.0, 4.0]]), "dby": np.array([[12.0]])}
    got = bptt.clip_by_global_norm(gradients, max_norm)
    np.testing.assert_array_equal(got["dWaa"], [[3.0, 4.0]])
    np.testing.assert_array_equal(got["dby"], [[12.0]])


# --- sgd_step ----------------------------------------------------------------------------


def test_sgd_step_moves_every_parameter_against_its_gradient():
    _, _, _, p = random_problem(3, 2, 4, 1, 1)
    gradients = {"d" + k: np.random.default_rng(5).normal(size=v.shape) for k, v in p.items()}
    gradients["da0"] = np.ones((3, 1))
    got = bptt.sgd_step(p, gradients, 0.1)
    assert set(got) == set(p)
    for name in p:
        assert_close(got[name], p[name] - 0.1 * gradients["d" + name])


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


@pytest.mark.parametrize(
    "rho, m, T_x",
    [(0.5, 3, 8), (1.5, 3, 8), (0.5, 1, 5), (0.5, 3, 1), (0.5, 1, 1)],
    ids=["contracting", "expanding", "m1", "T1", "m1-T1"],
)
def test_gradient_norms_through_time_follow_powers_of_rho(rho, m, T_x):
    x, a0, p = orthogonal_problem(rho, m=m, T_x=T_x)
    expected = rho ** (T_x - np.arange(1, T_x + 1)) * np.sqrt(4 * m)
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
    assert got[-1] == pytest.approx(np.sqrt(4 * 3), rel=ROUNDING)
    assert np.all(got > 0)
    # Each step back multiplies the norm by at most 1.5 * 1e-2 < 1: smaller the further back.
    assert np.all(got[:-1] < 0.015 * got[1:])
    assert got[0] < 1e-12 * got[-1]


def test_gradient_norms_through_time_match_an_independent_recurrence():
    x, _, a0, p = random_problem(3, 2, 4, 2, 6, seed=5)
    a, _ = forward(x, a0, p)
    expected = np.zeros(6)
    g = np.ones((3, 2))
    for t in range(6, 0, -1):  # t is the 1-based step; a<t> is a[:, :, t - 1]
        expected[t - 1] = np.sqrt(np.sum(g**2))
        g = p["Waa"].T @ (g * (1 - a[:, :, t - 1] ** 2))
    assert_close(bptt.gradient_norms_through_time(x, a0, p), expected)


def test_gradient_norms_through_time_are_norms_of_the_gradient_of_the_last_state():
    # g<t> is the gradient of sum(a<T_x>) with respect to a<t>, the inputs held fixed:
    # check each norm against central differences of the steps t + 1, ..., T_x.
    x, _, a0, p = random_problem(3, 2, 4, 2, 5, seed=6)
    a, _ = forward(x, a0, p)
    T_x = x.shape[2]

    def sum_of_last_state(a_t, t):
        # a_t is a<t> (1-based t); run the remaining steps from it.
        return np.sum(forward(x[:, :, t:], a_t, p)[0][:, :, -1]) if t < T_x else np.sum(a_t)

    expected = [
        np.linalg.norm(central_difference(lambda v, t=t: sum_of_last_state(v, t), a[:, :, t - 1]))
        for t in range(1, T_x + 1)
    ]
    got = bptt.gradient_norms_through_time(x, a0, p)
    assert relative_difference(got, expected) < GRAD_TOL


# --- spectral_radius ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "W, expected",
    [
        pytest.param(0.5 * orthogonal(6, seed=3), 0.5, id="orthogonal-0.5"),
        pytest.param(1.0 * orthogonal(6, seed=3), 1.0, id="orthogonal-1.0"),
        pytest.param(1.5 * orthogonal(6, seed=3), 1.5, id="orthogonal-1.5"),
        pytest.param(np.diag([-3.0, 1.0, 2.0]), 3.0, id="absolute-value"),
        # 2 times a rotation: eigenvalues 2 exp(+-0.3i), whose real part is 1.91
        pytest.param(
            2.0 * np.array([[np.cos(0.3), -np.sin(0.3)], [np.sin(0.3), np.cos(0.3)]]), 2.0, id="rotation"
        ),
        # triangular: eigenvalues 0.5 and 0.5, largest singular value about 10
        pytest.param(np.array([[0.5, 10.0], [0.0, 0.5]]), 0.5, id="not-the-largest-singular-value"),
        # eigenvalues -1 +- 2i: not the real part (1), the diagonal (2) nor the singular value (5.40)
        pytest.param(np.array([[-2.0, -5.0], [1.0, 0.0]]), np.sqrt(5.0), id="modulus-of-complex"),
    ],
)
def test_spectral_radius_known_values(W, expected):
    got = bptt.spectral_radius(W)
    assert isinstance(got, float)
    assert got == pytest.approx(expected, rel=ROUNDING)


def test_spectral_radius_rejects_a_matrix_that_is_not_square():
    with pytest.raises(ValueError, match="W"):
        bptt.spectral_radius(np.ones((2, 3)))


# --- every function leaves its arguments as they were --------------------------------------


def arguments_of_each_function():
    """name -> (function, arguments to call it with)."""
    x, y, a0, p = random_problem(3, 2, 4, 3, 4)
    return {
        "rnn_cell_backward": (bptt.rnn_cell_backward, (np.ones((3, 3)), cell_cache(x[:, :, 0], a0, p))),
        "rnn_backward": (bptt.rnn_backward, (np.ones((3, 3, 4)), caches_of(x, a0, p))),
        "cross_entropy_loss": (bptt.cross_entropy_loss, (forward(x, a0, p)[1], y)),
        "rnn_loss_and_gradients": (bptt.rnn_loss_and_gradients, (x, y, a0, p)),
        "clip_gradients": (bptt.clip_gradients, (gradients_to_clip(), 1.0)),
        "clip_by_global_norm-scaled": (bptt.clip_by_global_norm, (gradients_to_clip(), 1.0)),
        "clip_by_global_norm-unscaled": (bptt.clip_by_global_norm, (gradients_to_clip(), 100.0)),
        "sgd_step": (bptt.sgd_step, (p, {"d" + k: np.ones_like(v) for k, v in p.items()}, 0.5)),
        "gradient_norms_through_time": (bptt.gradient_norms_through_time, (x, a0, p)),
    }


@pytest.mark.parametrize("name", list(arguments_of_each_function()))
def test_does_not_modify_its_arguments(name):
    function, args = arguments_of_each_function()[name]
    assert_leaves_arguments_unchanged(function, *args)


# --- the forward pass shipped to students as rnn_utils -------------------------------------
# rnn_utils is generated from solutions/rnn_forward.py, which tests/solutions/
# test_rnn_forward.py tests; here only that the reference calls those very functions.


def test_the_reference_uses_the_shipped_forward():
    assert bptt.rnn_forward is rnn_utils.rnn_forward
    assert bptt.rnn_cell_forward is rnn_utils.rnn_cell_forward
    assert bptt.softmax is rnn_utils.softmax


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


GRADIENTS = {"rnn_cell_backward", "rnn_backward", "rnn_loss_and_gradients"}
# Gradient mistakes with no FEEDBACK phrase: the general analysis (rnncheck.answers.wrong_term)
# must name their wrong term on its own.
NAMED_BY_TERM = sorted(
    path.stem
    for path in CATALOGUE.glob("*.py")
    if defined_functions(path) & GRADIENTS and feedback_of(path) is None
)


def test_every_gradient_mistake_is_named_by_a_phrase_or_by_its_term():
    # Without a phrase the mistake must be one the analysis knows; the test below proves it names it.
    assert NAMED_BY_TERM == ["dwaa_transposed", "output_gradient_sign_flipped"]


@pytest.mark.parametrize("mistake", NAMED_BY_TERM)
def test_public_checks_name_the_wrong_term_of_a_mistake_without_a_phrase(public_checks, mistake):
    assignment, sources = public_checks
    path = CATALOGUE / f"{mistake}.py"
    env = namespace(assignment.solution_path.read_text(encoding="utf-8"), path.read_text(encoding="utf-8"))
    questions = [q for q, function in assignment.questions.items() if function in defined_functions(path)]
    assert questions
    for question in questions:
        result = run(sources[question], dict(env), path=question)
        messages = [case.message for case in result.test_case_results if not case.passed]
        named = [message for message in messages if "coincide con lo que se obtiene al" in message]
        assert named, (question, messages)


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
