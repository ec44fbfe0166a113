"""Tests of the reference solution of assignment 2, rnn_forward, and of its notebook's data.

Expected values are computed independently of the module under test: softmax against
numbers worked out by hand, the cell and the whole forward pass against the tests' own
(tests/solutions/numerics.py, itself checked against a loop over units with math.tanh).
At the end: the numbers the notebook states, its copy of assignment 1's embeddings, and
the given-code phrases.
"""

import math
import re
from pathlib import Path

import numpy as np
import pytest
import yaml

from solutions import rnn_forward as rf
from tests.solutions.numerics import (
    PARAMETER_KEYS,
    assert_close,
    assert_leaves_arguments_unchanged,
    assert_same,
    cell,
    forward,
    random_inputs,
    random_parameters,
    softmax,
)

# --- softmax -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "z, expected",
    [
        # Column 0: exp(0) : exp(ln 3) = 1 : 3. Column 1: equal logits. Over axis 1 both rows
        # would give other numbers (0.5/0.5 and 0.75/0.25).
        ([[0.0, 2.0], [math.log(3.0), 2.0]], [[0.25, 0.5], [0.75, 0.5]]),
        # exp(1) : exp(2) : exp(3) = 1 : e : e**2
        ([[1.0], [2.0], [3.0]], np.array([[1.0], [math.e], [math.e**2]]) / (1 + math.e + math.e**2)),
    ],
    ids=["two-columns", "three-classes"],
)
def test_softmax_by_hand(z, expected):
    assert_close(rf.softmax(np.array(z)), expected)


@pytest.mark.parametrize("shape", [(4, 3), (1, 5), (5, 1), (3, 2, 4), (6,)], ids=str)
def test_softmax_is_over_axis_0_for_any_shape(shape):
    z = np.random.default_rng(1).normal(0.0, 3.0, shape)
    s = rf.softmax(z)
    assert s.shape == shape
    assert s.dtype == np.float64
    assert_close(s.sum(axis=0), np.ones(shape[1:]))
    assert_close(s, softmax(z))


def test_softmax_large_logits_are_finite():
    z = np.array([[1000.0, -1000.0, 1000.0], [1000.0, -1000.0, 999.0], [0.0, -999.0, 0.0]])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        s = rf.softmax(z)
    assert np.all(np.isfinite(s))
    e = math.exp(-1.0)
    assert_close(s[:, 0], [0.5, 0.5, 0.0])
    assert_close(s[:, 1], [e / (1 + 2 * e), e / (1 + 2 * e), 1 / (1 + 2 * e)])
    assert_close(s[:, 2], [1 / (1 + e), e / (1 + e), 0.0])


def test_softmax_is_invariant_to_a_constant_per_column():
    z = np.random.default_rng(2).normal(size=(4, 3))
    assert_close(rf.softmax(z + np.array([[5.0, -7.0, 300.0]])), rf.softmax(z))


def test_softmax_integer_input_gives_float64():
    s = rf.softmax(np.array([[0, 0], [0, 0]]))
    assert s.dtype == np.float64
    np.testing.assert_array_equal(s, np.full((2, 2), 0.5))


@pytest.mark.parametrize("z", [np.float64(1.0), np.zeros((0, 3))], ids=["scalar", "no-rows"])
def test_softmax_rejects_input_without_rows(z):
    with pytest.raises(ValueError, match="z"):
        rf.softmax(z)


# --- initialize_parameters ---------------------------------------------------------------


def test_initialize_parameters_shapes_and_dtypes():
    p = rf.initialize_parameters(5, 3, 2, seed=0)
    assert set(p) == set(PARAMETER_KEYS)
    expected = {"Wax": (5, 3), "Waa": (5, 5), "Wya": (2, 5), "ba": (5, 1), "by": (2, 1)}
    for key, shape in expected.items():
        assert isinstance(p[key], np.ndarray), key
        assert p[key].shape == shape, key
        assert p[key].dtype == np.float64, key


def test_initialize_parameters_biases_are_zero():
    p = rf.initialize_parameters(4, 6, 3, seed=7)
    np.testing.assert_array_equal(p["ba"], np.zeros((4, 1)))
    np.testing.assert_array_equal(p["by"], np.zeros((3, 1)))


def test_initialize_parameters_weights_are_small_random_and_not_zero():
    p = rf.initialize_parameters(50, 40, 30, seed=1)
    for key in ("Wax", "Waa", "Wya"):
        w = p[key]
        assert np.max(np.abs(w)) < 0.1, key
        assert 0.005 < np.std(w) < 0.02, key
        assert len(np.unique(w)) == w.size, key
    assert not np.array_equal(p["Wax"][:30, :30], p["Waa"][:30, :30])


@pytest.mark.parametrize(
    "seeds", [({"seed": 11}, {"seed": 11}), ({}, {"seed": 0})], ids=["same-seed", "default-seed-is-0"]
)
def test_initialize_parameters_is_deterministic_for_a_seed(seeds):
    assert_same(rf.initialize_parameters(4, 3, 2, **seeds[0]), rf.initialize_parameters(4, 3, 2, **seeds[1]))


def test_initialize_parameters_differs_between_seeds():
    p = rf.initialize_parameters(4, 3, 2, seed=0)
    q = rf.initialize_parameters(4, 3, 2, seed=1)
    assert not np.array_equal(p["Wax"], q["Wax"])


@pytest.mark.parametrize(
    "sizes, name",
    [((0, 3, 2), "n_a"), ((4, -1, 2), "n_x"), ((4, 3, 2.5), "n_y"), ((None, 3, 2), "n_a")],
    ids=["n_a-zero", "n_x-negative", "n_y-float", "n_a-none"],
)
def test_initialize_parameters_rejects_bad_sizes(sizes, name):
    with pytest.raises(ValueError, match=name):
        rf.initialize_parameters(*sizes)


# --- rnn_cell_forward --------------------------------------------------------------------


@pytest.mark.parametrize("m", [1, 6], ids=["m=1", "m=6"])
def test_rnn_cell_forward_matches_the_formula_with_every_term(m):
    p = random_parameters(5, 3, 4, seed=4)
    x, a_prev = random_inputs(5, 3, m, 1, seed=5)
    xt = x[:, :, 0]
    a_next, yt_pred, _ = rf.rnn_cell_forward(xt, a_prev, p)
    assert a_next.dtype == np.float64 and yt_pred.dtype == np.float64
    expected_a, expected_y = cell(xt, a_prev, p)
    assert_close(a_next, expected_a)
    assert_close(yt_pred, expected_y)
    # In this data leaving out a_prev, ba or by moves the result by more than 0.1: a cell
    # that forgets one of them fails the comparison above.
    assert np.max(np.abs(cell(xt, 0 * a_prev, p)[0] - expected_a)) > 0.1
    assert np.max(np.abs(cell(xt, a_prev, {**p, "ba": 0 * p["ba"]})[0] - expected_a)) > 0.1
    assert np.max(np.abs(cell(xt, a_prev, {**p, "by": 0 * p["by"]})[1] - expected_y)) > 0.1


def test_rnn_cell_forward_float32_inputs_give_float64():
    p = {k: v.astype(np.float32) for k, v in random_parameters(3, 2, 2, seed=8).items()}
    x, a_prev = random_inputs(3, 2, 2, 1, seed=9)
    a_next, yt_pred, _ = rf.rnn_cell_forward(x[:, :, 0].astype(np.float32), a_prev.astype(np.float32), p)
    assert a_next.dtype == np.float64
    assert yt_pred.dtype == np.float64


def test_rnn_cell_forward_cache_contract():
    p = random_parameters(3, 2, 2, seed=14)
    x, a_prev = random_inputs(3, 2, 3, 1, seed=15)
    xt = x[:, :, 0]
    a_next, _, cache = rf.rnn_cell_forward(xt, a_prev, p)
    assert isinstance(cache, tuple) and len(cache) == 4
    np.testing.assert_array_equal(cache[0], a_next)
    np.testing.assert_array_equal(cache[1], a_prev)
    np.testing.assert_array_equal(cache[2], xt)
    assert cache[3] is p  # the parameters dict that was passed in


@pytest.mark.parametrize("key", PARAMETER_KEYS)
def test_rnn_cell_forward_rejects_missing_parameter(key):
    p = random_parameters(3, 2, 2, seed=18)
    del p[key]
    with pytest.raises(ValueError, match=key):
        rf.rnn_cell_forward(np.zeros((2, 1)), np.zeros((3, 1)), p)


@pytest.mark.parametrize(
    "change, name",
    [
        (lambda xt, a, p: (np.zeros((4, 1)), a, p), "xt"),
        (lambda xt, a, p: (np.zeros(2), a, p), "xt"),
        (lambda xt, a, p: (xt, np.zeros((3, 2)), p), "a_prev"),
        (lambda xt, a, p: (xt, np.zeros((2, 1)), p), "a_prev"),
        (lambda xt, a, p: (xt, a, {**p, "ba": np.zeros(3)}), "ba"),
        (lambda xt, a, p: (xt, a, {**p, "by": np.zeros((3, 1))}), "by"),
        (lambda xt, a, p: (xt, a, {**p, "Waa": np.zeros((3, 2))}), "Waa"),
        (lambda xt, a, p: (xt, a, {**p, "Wya": np.zeros((2, 2))}), "Wya"),
        (lambda xt, a, p: (xt, a, list(p.items())), "parameters"),
    ],
    ids=[
        "xt-n_x",
        "xt-1d",
        "a_prev-m",
        "a_prev-n_a",
        "ba-1d",
        "by-n_y",
        "Waa-shape",
        "Wya-shape",
        "parameters-not-dict",
    ],
)
def test_rnn_cell_forward_rejects_bad_shapes(change, name):
    p = random_parameters(3, 2, 2, seed=19)
    args = change(np.zeros((2, 1)), np.zeros((3, 1)), p)
    with pytest.raises(ValueError, match=name):
        rf.rnn_cell_forward(*args)


# --- rnn_forward -------------------------------------------------------------------------


@pytest.mark.parametrize("m, T_x", [(1, 1), (1, 5), (4, 1), (3, 6)], ids=str)
def test_rnn_forward_matches_the_loop_over_steps(m, T_x):
    p = random_parameters(4, 3, 5, seed=20)
    x, a0 = random_inputs(4, 3, m, T_x, seed=21)
    expected_a, expected_y = forward(x, a0, p)
    a, y_pred, _ = rf.rnn_forward(x, a0, p)
    assert_close(a, expected_a)
    assert_close(y_pred, expected_y)


@pytest.mark.parametrize("m, T_x", [(1, 1), (1, 3), (2, 1), (3, 4)], ids=str)
def test_rnn_forward_shapes_and_dtypes(m, T_x):
    p = random_parameters(5, 2, 3, seed=22)
    x, a0 = random_inputs(5, 2, m, T_x, seed=23)
    a, y_pred, caches = rf.rnn_forward(x.astype(np.float32), a0.astype(np.float32), p)
    assert a.shape == (5, m, T_x) and a.dtype == np.float64
    assert y_pred.shape == (3, m, T_x) and y_pred.dtype == np.float64
    assert_close(y_pred.sum(axis=0), np.ones((m, T_x)))
    assert len(caches[0]) == T_x


def test_rnn_forward_starts_from_a0():
    p = random_parameters(3, 2, 2, seed=24)
    x, a0 = random_inputs(3, 2, 2, 1, seed=25)
    a0 = 3.0 * a0
    a, _, _ = rf.rnn_forward(x, a0, p)
    assert_close(a[:, :, 0], cell(x[:, :, 0], a0, p)[0])
    a_from_zeros, _, _ = rf.rnn_forward(x, np.zeros_like(a0), p)
    assert np.max(np.abs(a - a_from_zeros)) > 0.1


def test_rnn_forward_recurrence_carries_the_previous_state():
    # With zero input after step 1, every later state comes from the previous state alone.
    p = random_parameters(3, 2, 2, seed=26)
    x, a0 = random_inputs(3, 2, 2, 4, seed=27)
    x[:, :, 1:] = 0.0
    a, _, _ = rf.rnn_forward(x, a0, p)
    for t in range(1, 4):
        assert_close(a[:, :, t], np.tanh(p["Waa"] @ a[:, :, t - 1] + p["ba"]))
    assert np.max(np.abs(a[:, :, 3] - a[:, :, 2])) > 1e-3


def test_rnn_forward_uses_the_same_parameters_at_every_step():
    # Waa = 0 and the same input at every step: every step must give the same a and y.
    p = random_parameters(3, 2, 4, seed=28)
    p["Waa"] = np.zeros((3, 3))
    rng = np.random.default_rng(29)
    x = np.repeat(rng.normal(size=(2, 3, 1)), 5, axis=2)
    a0 = rng.normal(size=(3, 3))
    a, y_pred, _ = rf.rnn_forward(x, a0, p)
    expected_a, expected_y = cell(x[:, :, 0], a0, p)
    for t in range(5):
        assert_close(a[:, :, t], expected_a)
        assert_close(y_pred[:, :, t], expected_y)


def test_rnn_forward_examples_are_independent():
    p = random_parameters(4, 3, 3, seed=30)
    x, a0 = random_inputs(4, 3, 3, 5, seed=31)
    a, y_pred, _ = rf.rnn_forward(x, a0, p)
    x2, a02 = x.copy(), a0.copy()
    x2[:, 1, :] += 5.0
    a02[:, 2] = -a02[:, 2]
    b, z_pred, _ = rf.rnn_forward(x2, a02, p)
    np.testing.assert_array_equal(b[:, 0, :], a[:, 0, :])
    np.testing.assert_array_equal(z_pred[:, 0, :], y_pred[:, 0, :])
    assert np.max(np.abs(b[:, 1, :] - a[:, 1, :])) > 0.1
    alone_a, alone_y, _ = rf.rnn_forward(x[:, :1, :], a0[:, :1], p)
    assert_close(alone_a, a[:, :1, :])
    assert_close(alone_y, y_pred[:, :1, :])


def test_rnn_forward_caches_contract():
    p = random_parameters(3, 2, 2, seed=32)
    x, a0 = random_inputs(3, 2, 2, 4, seed=33)
    a, _, caches = rf.rnn_forward(x, a0, p)
    assert isinstance(caches, tuple) and len(caches) == 2
    step_caches, cached_x = caches
    assert isinstance(step_caches, list) and len(step_caches) == 4
    np.testing.assert_array_equal(cached_x, x)
    for t, cache in enumerate(step_caches):
        assert isinstance(cache, tuple) and len(cache) == 4
        a_next, a_prev, xt, parameters = cache
        np.testing.assert_array_equal(a_next, a[:, :, t])
        np.testing.assert_array_equal(a_prev, a0 if t == 0 else a[:, :, t - 1])
        np.testing.assert_array_equal(xt, x[:, :, t])
        assert parameters is p  # the parameters dict that was passed in
    # Each step keeps its own state: the stored states are not all the last one.
    assert not np.array_equal(step_caches[0][0], step_caches[-1][0])


@pytest.mark.parametrize("key", PARAMETER_KEYS)
def test_rnn_forward_rejects_missing_parameter(key):
    p = random_parameters(3, 2, 2, seed=36)
    del p[key]
    with pytest.raises(ValueError, match=key):
        rf.rnn_forward(np.zeros((2, 1, 2)), np.zeros((3, 1)), p)


@pytest.mark.parametrize(
    "x_shape, a0_shape, wrong, name",
    [
        ((2, 1), (3, 1), {}, "x"),
        ((4, 1, 2), (3, 1), {}, "x"),
        ((2, 1, 0), (3, 1), {}, "x"),
        ((2, 1, 2), (3, 2), {}, "a0"),
        ((2, 1, 2), (2, 1), {}, "a0"),
        ((2, 1, 2), (3,), {}, "a0"),
        ((2, 1, 2), (3, 1), {"Waa": np.zeros((2, 3))}, "Waa"),
        ((2, 1, 2), (3, 1), {"ba": np.zeros(3)}, "ba"),
    ],
    ids=["x-2d", "x-n_x", "x-no-steps", "a0-m", "a0-n_a", "a0-1d", "Waa-shape", "ba-1d"],
)
def test_rnn_forward_rejects_bad_shapes_naming_the_argument(x_shape, a0_shape, wrong, name):
    p = {**random_parameters(3, 2, 2, seed=37), **wrong}
    with pytest.raises(ValueError, match=name):
        rf.rnn_forward(np.zeros(x_shape), np.zeros(a0_shape), p)


# --- every function leaves its arguments as they were --------------------------------------


def arguments_of_each_function():
    """name -> (function, arguments to call it with)."""
    p = random_parameters(3, 2, 2, seed=34)
    x, a0 = random_inputs(3, 2, 2, 3, seed=35)
    return {
        "softmax": (rf.softmax, (x[:, :, 0],)),
        "rnn_cell_forward": (rf.rnn_cell_forward, (x[:, :, 0], a0, p)),
        "rnn_forward": (rf.rnn_forward, (x, a0, p)),
    }


@pytest.mark.parametrize("name", list(arguments_of_each_function()))
def test_does_not_modify_its_arguments(name):
    function, args = arguments_of_each_function()[name]
    assert_leaves_arguments_unchanged(function, *args)


# ---------------------------------------------------- the notebook's data and given code

ASSIGNMENTS_DIR = Path(__file__).resolve().parents[2] / "assignments"


def test_embeddings_table_is_the_one_of_assignment_1():
    """Section 8 feeds the embeddings of assignment 1 to the RNN: the same table, byte for byte."""
    shipped = ASSIGNMENTS_DIR / "rnn_forward" / "data" / "embeddings.csv"
    original = ASSIGNMENTS_DIR / "word_representation" / "data" / "embeddings.csv"
    assert shipped.read_bytes() == original.read_bytes()


def test_numbers_the_notebook_states_about_its_sentences():
    """V = 82 words with <UNK> and <EOS>; the lecture's sentence, of 9 words, gives T_x = 10."""
    sentences = (ASSIGNMENTS_DIR / "rnn_forward" / "data" / "frases_es.txt").read_text(encoding="utf-8")
    sentences = [line.strip() for line in sentences.splitlines() if line.strip()]
    words = {w for s in sentences for w in re.findall(r"[^\W_]+", s.lower())}
    assert len(words) + 2 == 82
    assert sentences[0] == "López Obrador lidera las encuestas de intención de voto"
    assert len(re.findall(r"[^\W_]+", sentences[0].lower())) + 1 == 10


def test_one_stacked_matrix_gives_the_same_cell():
    """a<t> = tanh(Wa [a<t-1>; x<t>] + ba) with Wa = [Waa | Wax], as the notebook shows."""
    p = random_parameters(4, 3, 2, seed=40)
    xt, a_prev = np.random.default_rng(41).normal(size=(3, 5)), np.random.default_rng(42).normal(size=(4, 5))
    a_next, _, _ = rf.rnn_cell_forward(xt, a_prev, p)
    Wa = np.hstack([p["Waa"], p["Wax"]])
    assert_close(np.tanh(Wa @ np.vstack([a_prev, xt]) + p["ba"]), a_next)


def test_given_code_phrases_are_text_of_the_reference():
    """Each English phrase translated for the given code (notebook.yaml given_code) is found in
    the reference, so that none is silently left in English."""
    spec = yaml.safe_load((ASSIGNMENTS_DIR / "rnn_forward" / "notebook.yaml").read_text(encoding="utf-8"))
    source = Path(rf.__file__).read_text(encoding="utf-8")
    phrases = spec["given_code"]["es"]
    assert phrases
    assert [english for english in phrases if english not in source] == []
