"""Tests of the reference solution of assignment 5, gated_units.

Expected values are computed independently of the module under test: the forward passes by
an example-by-example, unit-by-unit loop written from the equations with the weights split
into their a and x blocks (no concatenation, no matrix product), and every backward gradient
against central differences of that loop. The gate order of PyTorch is not used: nothing
here compares with torch (its nn.LSTMCell stacks i, f, g, o; its nn.GRUCell r, z, n with
z = 1 - Gamma_u and the reset gate after the product, see the module docstring).
"""

import math

import numpy as np
import pytest

from solutions import gated_units as gu
from tests.solutions.numerics import (
    assert_close,
    assert_leaves_arguments_unchanged,
    central_difference,
    relative_difference,
    softmax,
)

# Central differences with numerics.EPS agree with a correct analytic gradient to about 1e-9
# in relative difference; a missing term or factor is off by more than 1e-3.
GRAD_TOL = 1e-7

SIZES = [
    pytest.param(3, 2, 4, 3, 4, id="n_a3-n_x2-n_y4-m3-T4"),
    pytest.param(3, 2, 4, 1, 4, id="m1"),
    pytest.param(2, 3, 2, 2, 1, id="T1"),
]


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-z))


def parameters(keys, n_a, n_x, n_y, seed):
    rng = np.random.default_rng(seed)
    p = {}
    for gate in keys:
        p["W" + gate] = rng.normal(0.0, 0.7, (n_a, n_a + n_x))
        p["b" + gate] = rng.normal(0.0, 0.5, (n_a, 1))
    p["Wy"] = rng.normal(0.0, 0.7, (n_y, n_a))
    p["by"] = rng.normal(0.0, 0.5, (n_y, 1))
    return p


def gate(p, key, k, a_column, x_column):
    """The pre-activation of unit k: the a block and the x block of row k of W, then the bias."""
    n_a = len(a_column)
    W = p["W" + key]
    total = p["b" + key][k, 0]
    for j in range(n_a):
        total += W[k, j] * a_column[j]
    for j in range(len(x_column)):
        total += W[k, n_a + j] * x_column[j]
    return total


def gru_loop(x, a0, p):
    """Every state and output of the GRU, one example and one unit at a time."""
    n_x, m, T_x = x.shape
    n_a = a0.shape[0]
    a = np.zeros((n_a, m, T_x))
    for i in range(m):
        state = a0[:, i].copy()
        for t in range(T_x):
            xt = x[:, i, t]
            r = np.array([sigmoid(gate(p, "r", k, state, xt)) for k in range(n_a)])
            u = np.array([sigmoid(gate(p, "u", k, state, xt)) for k in range(n_a)])
            candidate = np.array([math.tanh(gate(p, "c", k, r * state, xt)) for k in range(n_a)])
            state = u * candidate + (1 - u) * state
            a[:, i, t] = state
    return a, outputs(a, p)


def lstm_loop(x, a0, p):
    """Every hidden state, output and cell state of the LSTM, one example and unit at a time."""
    n_x, m, T_x = x.shape
    n_a = a0.shape[0]
    a, c = np.zeros((n_a, m, T_x)), np.zeros((n_a, m, T_x))
    for i in range(m):
        hidden, cell = a0[:, i].copy(), np.zeros(n_a)
        for t in range(T_x):
            xt = x[:, i, t]
            new_hidden, new_cell = np.zeros(n_a), np.zeros(n_a)
            for k in range(n_a):
                f = sigmoid(gate(p, "f", k, hidden, xt))
                inp = sigmoid(gate(p, "i", k, hidden, xt))
                candidate = math.tanh(gate(p, "c", k, hidden, xt))
                o = sigmoid(gate(p, "o", k, hidden, xt))
                new_cell[k] = f * cell[k] + inp * candidate
                new_hidden[k] = o * math.tanh(new_cell[k])
            hidden, cell = new_hidden, new_cell
            a[:, i, t], c[:, i, t] = hidden, cell
    return a, outputs(a, p), c


def outputs(a, p):
    return np.stack([softmax(p["Wy"] @ a[:, :, t] + p["by"]) for t in range(a.shape[2])], axis=2)


def problem(n_a, n_x, m, T_x, seed):
    rng = np.random.default_rng(seed + 50)
    return rng.normal(0.0, 1.0, (n_x, m, T_x)), rng.normal(0.0, 0.8, (n_a, m))


@pytest.mark.parametrize(("n_a", "n_x", "n_y", "m", "T_x"), SIZES)
def test_gru_forward_matches_the_loop(n_a, n_x, n_y, m, T_x):
    p = parameters("ruc", n_a, n_x, n_y, seed=1)
    x, a0 = problem(n_a, n_x, m, T_x, seed=1)
    a, y_pred, (step_caches, x_cached) = gu.gru_forward(x, a0, p)
    expected_a, expected_y = gru_loop(x, a0, p)
    assert_close(a, expected_a)
    assert_close(y_pred, expected_y)
    assert len(step_caches) == T_x
    assert_close(x_cached, x)


def test_gru_cell_cache_holds_the_gates():
    p = parameters("ruc", 3, 2, 2, seed=2)
    x, a0 = problem(3, 2, 2, 1, seed=2)
    a_next, yt_pred, cache = gu.gru_cell_forward(x[:, :, 0], a0, p)
    cached_next, cached_prev, xt, gamma_r, gamma_u, cct, cached_parameters = cache
    assert_close(cached_next, a_next)
    assert_close(a_next, gamma_u * cct + (1 - gamma_u) * a0)
    assert cached_parameters is p and np.all((gamma_r > 0) & (gamma_r < 1))
    assert_close(yt_pred, gru_loop(x, a0, p)[1][:, :, 0])


@pytest.mark.parametrize(("n_a", "n_x", "n_y", "m", "T_x"), SIZES)
def test_lstm_forward_matches_the_loop(n_a, n_x, n_y, m, T_x):
    p = parameters("fico", n_a, n_x, n_y, seed=3)
    x, a0 = problem(n_a, n_x, m, T_x, seed=3)
    a, y_pred, c, (step_caches, _) = gu.lstm_forward(x, a0, p)
    expected_a, expected_y, expected_c = lstm_loop(x, a0, p)
    assert_close(a, expected_a)
    assert_close(y_pred, expected_y)
    assert_close(c, expected_c)
    assert len(step_caches) == T_x


def test_lstm_cell_forward_cache_order():
    p = parameters("fico", 3, 2, 2, seed=4)
    x, a0 = problem(3, 2, 2, 1, seed=4)
    c_prev = np.random.default_rng(4).normal(size=(3, 2))
    a_next, c_next, _, cache = gu.lstm_cell_forward(x[:, :, 0], a0, c_prev, p)
    cached_a, cached_c, a_prev, cached_c_prev, ft, it, cct, ot, xt, cached_p = cache
    assert_close(c_next, ft * c_prev + it * cct)
    assert_close(a_next, ot * np.tanh(c_next))
    assert cached_a is a_next and cached_c is c_next and cached_p is p
    assert_close(a_prev, a0)
    assert_close(cached_c_prev, c_prev)


def lstm_step_loop(xt, a_prev, c_prev, p):
    """(a<t>, c<t>) of one step of the loop from any c<t-1> (the loop's sequence starts at 0)."""
    n_a, m = a_prev.shape
    a, c = np.zeros((n_a, m)), np.zeros((n_a, m))
    for i in range(m):
        for k in range(n_a):
            f = sigmoid(gate(p, "f", k, a_prev[:, i], xt[:, i]))
            inp = sigmoid(gate(p, "i", k, a_prev[:, i], xt[:, i]))
            candidate = math.tanh(gate(p, "c", k, a_prev[:, i], xt[:, i]))
            o = sigmoid(gate(p, "o", k, a_prev[:, i], xt[:, i]))
            c[k, i] = f * c_prev[k, i] + inp * candidate
            a[k, i] = o * math.tanh(c[k, i])
    return a, c


@pytest.mark.parametrize("m", [1, 3])
def test_lstm_cell_backward_matches_central_differences(m):
    n_a, n_x = 3, 2
    rng = np.random.default_rng(5 + m)
    p = parameters("fico", n_a, n_x, 2, seed=5)
    xt, a_prev, c_prev = rng.normal(size=(n_x, m)), rng.normal(size=(n_a, m)), rng.normal(size=(n_a, m))
    da, dc = rng.normal(size=(n_a, m)), rng.normal(size=(n_a, m))

    def loss(xt, a_prev, c_prev, p):
        a, c = lstm_step_loop(xt, a_prev, c_prev, p)
        return float(np.sum(da * a) + np.sum(dc * c))

    cache = gu.lstm_cell_forward(xt, a_prev, c_prev, p)[3]
    gradients = gu.lstm_cell_backward(da, dc, cache)
    assert set(gradients) == {"dxt", "da_prev", "dc_prev"} | {w + g for w in ("dW", "db") for g in "fico"}
    numeric = {
        "dxt": central_difference(lambda v: loss(v, a_prev, c_prev, p), xt),
        "da_prev": central_difference(lambda v: loss(xt, v, c_prev, p), a_prev),
        "dc_prev": central_difference(lambda v: loss(xt, a_prev, v, p), c_prev),
    }
    for key in ("Wf", "bf", "Wi", "bi", "Wc", "bc", "Wo", "bo"):
        numeric["d" + key] = central_difference(
            lambda v, key=key: loss(xt, a_prev, c_prev, {**p, key: v}), p[key]
        )
    for key, expected in numeric.items():
        assert gradients[key].shape == expected.shape, key
        assert relative_difference(gradients[key], expected) < GRAD_TOL, key


@pytest.mark.parametrize(("n_a", "n_x", "n_y", "m", "T_x"), SIZES)
def test_lstm_backward_matches_central_differences(n_a, n_x, n_y, m, T_x):
    p = parameters("fico", n_a, n_x, n_y, seed=6)
    x, a0 = problem(n_a, n_x, m, T_x, seed=6)
    da = np.random.default_rng(6).normal(size=(n_a, m, T_x))

    def loss(x, a0, p):
        return float(np.sum(da * lstm_loop(x, a0, p)[0]))

    gradients = gu.lstm_backward(da, gu.lstm_forward(x, a0, p)[3])
    numeric = {
        "dx": central_difference(lambda v: loss(v, a0, p), x),
        "da0": central_difference(lambda v: loss(x, v, p), a0),
    }
    for key in ("Wf", "bf", "Wc", "bo"):
        numeric["d" + key] = central_difference(lambda v, key=key: loss(x, a0, {**p, key: v}), p[key])
    for key, expected in numeric.items():
        assert relative_difference(gradients[key], expected) < GRAD_TOL, key
    assert gradients["dWi"].shape == gradients["dWo"].shape == (n_a, n_a + n_x)


def test_cell_state_gradient_norms_are_the_products_of_forget_gates():
    p = parameters("fico", 3, 2, 2, seed=7)
    x, a0 = problem(3, 2, 2, 5, seed=7)
    caches = gu.lstm_forward(x, a0, p)[3]
    forget = [step[4] for step in caches[0]]
    norms = gu.cell_state_gradient_norms(caches)
    for t in range(5):
        product = np.ones((3, 2))
        for s in range(t + 1, 5):
            product = product * forget[s]
        assert math.isclose(norms[t], np.linalg.norm(product), rel_tol=1e-12)


def test_forget_gate_memory_is_sigma_bf_to_the_d():
    bf = np.array([[0.0], [1.0], [-2.0]])
    kept = gu.forget_gate_memory(bf, 3)
    assert_close(kept, np.array([[sigmoid(b) ** 3] for b in (0.0, 1.0, -2.0)]))
    assert_close(gu.forget_gate_memory(bf, 0), np.ones((3, 1)))


def test_functions_leave_their_arguments_unchanged():
    p = parameters("fico", 3, 2, 2, seed=8)
    x, a0 = problem(3, 2, 2, 3, seed=8)
    caches = gu.lstm_forward(x, a0, p)[3]
    assert_leaves_arguments_unchanged(gu.lstm_forward, x, a0, p)
    assert_leaves_arguments_unchanged(gu.lstm_backward, np.ones((3, 2, 3)), caches)
    assert_leaves_arguments_unchanged(gu.lstm_cell_backward, np.ones((3, 2)), np.ones((3, 2)), caches[0][1])
    g = parameters("ruc", 3, 2, 2, seed=8)
    assert_leaves_arguments_unchanged(gu.gru_forward, x, a0, g)


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        pytest.param(lambda p, x, a: gu.lstm_cell_forward(x[:, :, 0], a, a[:2], p), "c_prev", id="c_prev"),
        pytest.param(lambda p, x, a: gu.lstm_forward(x, a[:, :1], p), "a0", id="a0"),
        pytest.param(lambda p, x, a: gu.lstm_cell_forward(x[:2, :, 0], a, a, p), "Wf", id="Wf"),
        pytest.param(
            lambda p, x, a: gu.lstm_backward(np.ones((3, 2)), gu.lstm_forward(x, a, p)[3]), "da", id="da"
        ),
        pytest.param(lambda p, x, a: gu.forget_gate_memory(np.zeros(3), 2), "bf", id="bf"),
    ],
)
def test_bad_shapes_are_a_value_error_naming_the_argument(call, argument):
    p = parameters("fico", 3, 3, 2, seed=9)
    x, a0 = problem(3, 3, 2, 2, seed=9)
    with pytest.raises(ValueError, match=argument):
        call(p, x, a0)


def test_gru_bad_parameters_name_the_entry():
    p = parameters("ruc", 3, 2, 2, seed=10)
    del p["bu"]
    with pytest.raises(ValueError, match="bu"):
        gu.gru_cell_forward(np.zeros((2, 1)), np.zeros((3, 1)), p)
