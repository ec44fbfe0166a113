"""q3 · lstm_cell_forward: the forget, input and output gates, the candidate, c_next, a_next and
yt_pred of one step, and the cache (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt,
parameters); a c_prev of another shape than a_prev's is a ValueError.

Expected values are the reference's, recorded at build time (rnncheck.reference); the inputs
are drawn from fixed seeds below.
"""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    assert_close,
    assert_inputs_unchanged,
    assert_raises_value_error,
    assert_same,
    call,
    hidden_rng,
    reference,
    say,
)
from rnncheck.answers import answer, naming_mistake
from rnncheck.gated_examples import LSTM_GATES, cell_sizes, gate_parameters
from rnncheck.rnn_checks import entries_of, float64_array, tuple_of

OK_FORMAT = False
name = "q3"

CACHE = ("a_next", "c_next", "a_prev", "c_prev", "ft", "it", "cct", "ot", "xt", "parameters")


# n_a = n_x = 2, n_y = 3, m = 3: stacking [xt; a_prev] in the other order still has the shapes
# right; c_prev is not a_prev, so confusing them shows.
_rng = np.random.default_rng(53)
SQUARE = gate_parameters(_rng, LSTM_GATES, 2, 2, 3)
XT, A_PREV, C_PREV = (
    _rng.normal(0.0, 1.0, (2, 3)),
    np.tanh(_rng.normal(0.0, 1.0, (2, 3))),
    _rng.normal(0.0, 1.0, (2, 3)),
)
# n_a = 3, n_x = 2, n_y = 2, m = 2 for the shapes and the cache.
WIDE = gate_parameters(_rng, LSTM_GATES, 3, 2, 2)
XT_WIDE, A_PREV_WIDE = _rng.normal(0.0, 1.0, (2, 2)), np.tanh(_rng.normal(0.0, 1.0, (3, 2)))
C_PREV_WIDE = _rng.normal(0.0, 1.0, (3, 2))


def outputs(value, n_a, n_y, m, what="lstm_cell_forward(...)"):
    a_next, c_next, yt_pred, cache = entries_of(value, what, ("a_next", "c_next", "yt_pred", "cache"))
    a_next = float64_array(a_next, "a_next", (n_a, m))
    c_next = float64_array(c_next, "c_next", (n_a, m))
    return a_next, c_next, float64_array(yt_pred, "yt_pred", (n_y, m)), cache


@test_case(points=0.5)
def test_output_shapes_and_dtypes(env):
    value = call(env, "lstm_cell_forward", XT_WIDE, A_PREV_WIDE, C_PREV_WIDE, WIDE)
    tuple_of(value, "lstm_cell_forward(...)", ("a_next", "c_next", "yt_pred", "cache"))
    outputs(value, 3, 2, 2)


@test_case(points=2)
def test_small_example(env):
    with naming_mistake(answer(env, "lstm_cell_forward", XT, A_PREV, C_PREV, SQUARE)) as given:
        a_next, c_next, yt_pred, _ = outputs(given.value, 2, 3, 3)
        expected = reference("lstm_cell_forward", XT, A_PREV, C_PREV, SQUARE)
        assert_close(c_next, expected[1], "c_next")
        assert_close(a_next, expected[0], "a_next")
        assert_close(yt_pred, expected[2], "yt_pred")


@test_case(points=0.5)
def test_wide_example(env):
    with naming_mistake(answer(env, "lstm_cell_forward", XT_WIDE, A_PREV_WIDE, C_PREV_WIDE, WIDE)) as given:
        a_next, c_next, _, _ = outputs(given.value, 3, 2, 2)
        expected = reference("lstm_cell_forward", XT_WIDE, A_PREV_WIDE, C_PREV_WIDE, WIDE)
        assert_close(c_next, expected[1], "c_next")
        assert_close(a_next, expected[0], "a_next")


@test_case(points=0.75)
def test_cache_holds_the_gates(env):
    with naming_mistake(answer(env, "lstm_cell_forward", XT_WIDE, A_PREV_WIDE, C_PREV_WIDE, WIDE)) as given:
        _, _, _, cache = outputs(given.value, 3, 2, 2)
        entries = tuple_of(cache, "cache", CACHE)
        expected = reference("lstm_cell_forward", XT_WIDE, A_PREV_WIDE, C_PREV_WIDE, WIDE)[3]
        for i, label in enumerate(CACHE):
            assert_same(entries[i], expected[i], f"cache[{i}] ({label})")


@test_case(points=0.25)
def test_c_prev_of_another_shape_is_refused(env):
    # c_prev (n_a, 1) would broadcast over the m examples without a word.
    assert_raises_value_error(
        env, "lstm_cell_forward", say("gated_case_c_prev_shape"), XT, A_PREV, C_PREV[:, :1], SQUARE
    )


@test_case(points=0.25)
def test_inputs_unchanged(env):
    assert_inputs_unchanged(env, "lstm_cell_forward", XT, A_PREV, C_PREV, SQUARE)


@test_case(points=1.5, hidden=True)
def test_unseen_inputs(env):
    rng = hidden_rng("q3 unseen inputs")
    for n_a, n_x, n_y, m in cell_sizes(rng):
        parameters = gate_parameters(rng, LSTM_GATES, n_a, n_x, n_y)
        xt, a_prev, c_prev = (
            rng.normal(size=(n_x, m)),
            np.tanh(rng.normal(size=(n_a, m))),
            rng.normal(size=(n_a, m)),
        )
        what = f"(xt {xt.shape}, a_prev {a_prev.shape}, c_prev {c_prev.shape})"
        expected = reference("lstm_cell_forward", xt, a_prev, c_prev, parameters)
        with naming_mistake(answer(env, "lstm_cell_forward", xt, a_prev, c_prev, parameters)) as given:
            a_next, c_next, yt_pred, cache = outputs(
                given.value, n_a, n_y, m, what=f"lstm_cell_forward{what}"
            )
            assert_close(c_next, expected[1], f"c_next {what}")
            assert_close(a_next, expected[0], f"a_next {what}")
            assert_close(yt_pred, expected[2], f"yt_pred {what}")
            entries = entries_of(cache, "cache", CACHE)
            for i in range(4, 8):
                assert_same(entries[i], expected[3][i], f"cache[{i}] ({CACHE[i]}) {what}")


@test_case(points=0.25, hidden=True)
def test_unseen_inputs_unchanged(env):
    rng = hidden_rng("q3 inputs unchanged")
    n_a, n_x, n_y, m = (int(s) for s in rng.integers(2, 5, size=4))
    parameters = gate_parameters(rng, LSTM_GATES, n_a, n_x, n_y)
    xt, a_prev, c_prev = rng.normal(size=(n_x, m)), rng.normal(size=(n_a, m)), rng.normal(size=(n_a, m))
    assert_inputs_unchanged(env, "lstm_cell_forward", xt, a_prev, c_prev, parameters)
