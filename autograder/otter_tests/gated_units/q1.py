"""q1 · gru_cell_forward: the reset and update gates, the candidate, a_next and yt_pred of one
step, and the cache (a_next, a_prev, xt, gamma_r, gamma_u, cct, parameters).

Expected values are the reference's, recorded at build time (rnncheck.reference); the inputs
are drawn from fixed seeds below.
"""

import numpy as np
from otter.test_files import test_case

from rnncheck import assert_close, assert_inputs_unchanged, assert_same, call, hidden_rng, reference
from rnncheck.answers import answer, naming_mistake
from rnncheck.gated_examples import GRU_GATES, cell_sizes, gate_parameters
from rnncheck.rnn_checks import entries_of, float64_array, tuple_of

OK_FORMAT = False
name = "q1"

CACHE = ("a_next", "a_prev", "xt", "gamma_r", "gamma_u", "cct", "parameters")


# n_a = n_x = 2, n_y = 3, m = 3: stacking [xt; a_prev] in the other order still has the shapes
# right, so only the numbers show it.
_rng = np.random.default_rng(51)
SQUARE = gate_parameters(_rng, GRU_GATES, 2, 2, 3)
XT, A_PREV = _rng.normal(0.0, 1.0, (2, 3)), np.tanh(_rng.normal(0.0, 1.0, (2, 3)))
# n_a = 3, n_x = 2, n_y = 2, m = 2 for the shapes.
WIDE = gate_parameters(_rng, GRU_GATES, 3, 2, 2)
XT_WIDE, A_PREV_WIDE = _rng.normal(0.0, 1.0, (2, 2)), np.tanh(_rng.normal(0.0, 1.0, (3, 2)))


def outputs(value, n_a, n_y, m, what="gru_cell_forward(...)"):
    a_next, yt_pred, cache = entries_of(value, what, ("a_next", "yt_pred", "cache"))
    return float64_array(a_next, "a_next", (n_a, m)), float64_array(yt_pred, "yt_pred", (n_y, m)), cache


@test_case(points=0.5)
def test_output_shapes_and_dtypes(env):
    value = call(env, "gru_cell_forward", XT_WIDE, A_PREV_WIDE, WIDE)
    tuple_of(value, "gru_cell_forward(...)", ("a_next", "yt_pred", "cache"))
    outputs(value, 3, 2, 2)


@test_case(points=2)
def test_small_example(env):
    with naming_mistake(answer(env, "gru_cell_forward", XT, A_PREV, SQUARE)) as given:
        a_next, yt_pred, _ = outputs(given.value, 2, 3, 3)
        expected = reference("gru_cell_forward", XT, A_PREV, SQUARE)
        assert_close(a_next, expected[0], "a_next")
        assert_close(yt_pred, expected[1], "yt_pred")


@test_case(points=0.5)
def test_wide_example(env):
    with naming_mistake(answer(env, "gru_cell_forward", XT_WIDE, A_PREV_WIDE, WIDE)) as given:
        a_next, _, _ = outputs(given.value, 3, 2, 2)
        assert_close(a_next, reference("gru_cell_forward", XT_WIDE, A_PREV_WIDE, WIDE)[0], "a_next")


@test_case(points=0.75)
def test_cache_holds_the_gates(env):
    with naming_mistake(answer(env, "gru_cell_forward", XT_WIDE, A_PREV_WIDE, WIDE)) as given:
        _, _, cache = outputs(given.value, 3, 2, 2)
        entries = tuple_of(cache, "cache", CACHE)
        expected = reference("gru_cell_forward", XT_WIDE, A_PREV_WIDE, WIDE)[2]
        for i, label in enumerate(CACHE):
            assert_same(entries[i], expected[i], f"cache[{i}] ({label})")


@test_case(points=0.25)
def test_inputs_unchanged(env):
    assert_inputs_unchanged(env, "gru_cell_forward", XT, A_PREV, SQUARE)


@test_case(points=1.5, hidden=True)
def test_unseen_inputs(env):
    rng = hidden_rng("q1 unseen inputs")
    for n_a, n_x, n_y, m in cell_sizes(rng):
        parameters = gate_parameters(rng, GRU_GATES, n_a, n_x, n_y)
        xt, a_prev = rng.normal(size=(n_x, m)), np.tanh(rng.normal(size=(n_a, m)))
        what = f"(xt {xt.shape}, a_prev {a_prev.shape})"
        expected = reference("gru_cell_forward", xt, a_prev, parameters)
        with naming_mistake(answer(env, "gru_cell_forward", xt, a_prev, parameters)) as given:
            a_next, yt_pred, cache = outputs(given.value, n_a, n_y, m, what=f"gru_cell_forward{what}")
            assert_close(a_next, expected[0], f"a_next {what}")
            assert_close(yt_pred, expected[1], f"yt_pred {what}")
            entries = entries_of(cache, "cache", CACHE)
            for i in range(3, 6):
                assert_same(entries[i], expected[2][i], f"cache[{i}] ({CACHE[i]}) {what}")


@test_case(points=0.25, hidden=True)
def test_unseen_inputs_unchanged(env):
    rng = hidden_rng("q1 inputs unchanged")
    n_a, n_x, n_y, m = (int(s) for s in rng.integers(2, 5, size=4))
    parameters = gate_parameters(rng, GRU_GATES, n_a, n_x, n_y)
    assert_inputs_unchanged(
        env, "gru_cell_forward", rng.normal(size=(n_x, m)), rng.normal(size=(n_a, m)), parameters
    )
