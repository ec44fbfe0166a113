"""The tests' own numerics for tests/solutions: plain versions of what the reference solutions
compute, written out here and never imported from solutions/ or rnncheck/, so that no test
checks a function against itself. tests/solutions/test_shared_numerics.py tests them.

The model of the course, one step t at a time, one example per column:
    a<t> = tanh(Waa a<t-1> + Wax x<t> + ba)
    y<t> = softmax(Wya a<t> + by)
"""

import copy
import math

import numpy as np

# Two float64 computations of the same quantity in a different order differ by rounding
# only: a few ulps of the terms summed, far below this for the small sizes of the tests.
ROUNDING = 1e-12

# Central differences with step EPS in float64: truncation error about EPS**2 * |f'''|
# ~ 1e-12, rounding error about 1e-16 * |f| / EPS ~ 1e-10.
EPS = 1e-6

PARAMETER_KEYS = ("Wax", "Waa", "Wya", "ba", "by")


def softmax(z):
    """exp(z) / sum(exp(z)) over axis 0, each column shifted by its maximum first."""
    e = np.exp(z - np.max(z, axis=0, keepdims=True))
    return e / np.sum(e, axis=0, keepdims=True)


def cell(xt, a_prev, p):
    """One step for a batch: (a<t>, y<t>) from x<t> (n_x, m) and a<t-1> (n_a, m)."""
    a_next = np.tanh(p["Waa"] @ a_prev + p["Wax"] @ xt + p["ba"])
    return a_next, softmax(p["Wya"] @ a_next + p["by"])


def forward(x, a0, p):
    """Every state and every output, (n_a, m, T_x) and (n_y, m, T_x): one cell per step."""
    _, m, T_x = x.shape
    a = np.zeros((p["Waa"].shape[0], m, T_x))
    y = np.zeros((p["Wya"].shape[0], m, T_x))
    a_t = a0
    for t in range(T_x):
        a_t, y[:, :, t] = cell(x[:, :, t], a_t, p)
        a[:, :, t] = a_t
    return a, y


def cross_entropy(y_pred, y, lengths=None):
    """(1 / m) * the sum over examples i and steps t < lengths[i] (every step when lengths is
    None) of -log y_pred[y[i, t], i, t]."""
    _, m, T = y_pred.shape
    total = 0.0
    for i in range(m):
        for t in range(T if lengths is None else lengths[i]):
            total -= math.log(y_pred[y[i, t], i, t])
    return total / m


def central_difference(f, value, eps=EPS):
    """Gradient of f (array -> float) at value, one entry at a time, each on a fresh copy."""
    value = np.array(value, dtype=np.float64)
    grad = np.zeros_like(value)
    for index in np.ndindex(value.shape):
        plus, minus = value.copy(), value.copy()
        plus[index] += eps
        minus[index] -= eps
        grad[index] = (f(plus) - f(minus)) / (2 * eps)
    return grad


def relative_difference(a, b):
    """||a - b|| / (||a|| + ||b||) over all the entries, 0.0 when both are zero."""
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    size = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if size == 0 else float(np.linalg.norm(a - b) / size)


def random_parameters(n_a, n_x, n_y, seed, weights=0.7, biases=0.5):
    """Normal weights (standard deviation `weights`) and biases (`biases`): by default large
    enough that tanh is far from linear and the biases matter."""
    rng = np.random.default_rng(seed)
    return {
        "Wax": rng.normal(0.0, weights, (n_a, n_x)),
        "Waa": rng.normal(0.0, weights, (n_a, n_a)),
        "Wya": rng.normal(0.0, weights, (n_y, n_a)),
        "ba": rng.normal(0.0, biases, (n_a, 1)),
        "by": rng.normal(0.0, biases, (n_y, 1)),
    }


def random_inputs(n_a, n_x, m, T_x, seed):
    """Standard normal x (n_x, m, T_x) and a0 (n_a, m)."""
    rng = np.random.default_rng(seed)
    return rng.normal(0.0, 1.0, (n_x, m, T_x)), rng.normal(0.0, 1.0, (n_a, m))


def assert_close(got, expected):
    """Equal up to rounding (ROUNDING relative and absolute), and of the same shape."""
    np.testing.assert_allclose(got, expected, rtol=ROUNDING, atol=ROUNDING)


def assert_same(expected, got):
    """Exactly equal: arrays entry by entry, dicts key by key, tuples and lists item by item."""
    if isinstance(expected, dict):
        assert isinstance(got, dict) and expected.keys() == got.keys()
        for key in expected:
            assert_same(expected[key], got[key])
    elif isinstance(expected, (tuple, list)):
        assert type(got) is type(expected) and len(got) == len(expected)
        for e, g in zip(expected, got):
            assert_same(e, g)
    else:
        np.testing.assert_array_equal(got, expected)


def assert_leaves_arguments_unchanged(function, *args, **kwargs):
    """Call function(*args, **kwargs) and assert that every argument is as it was."""
    before = copy.deepcopy((args, kwargs))
    function(*args, **kwargs)
    assert_same(before, (args, kwargs))
