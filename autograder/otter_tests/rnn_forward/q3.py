"""q3 · rnn_cell_forward: a_next = tanh(Waa a_prev + Wax xt + ba), yt_pred = softmax(Wya a_next + by),
cache = (a_next, a_prev, xt, parameters).

Expected values are the reference's, recorded at build time (rnncheck.reference). The inputs
are written out by hand (the parameters are shared with q4: rnncheck.rnn_examples).
"""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    assert_changes,
    assert_close,
    assert_inputs_unchanged,
    assert_same,
    call,
    hidden_rng,
    reference,
    say,
)
from rnncheck.answers import answer, naming_mistake
from rnncheck.hidden import size
from rnncheck.rnn_checks import (
    assert_columns_sum_to_one,
    assert_examples_independent,
    entries_of,
    float64_array,
    random_parameters,
    tuple_of,
    with_entry,
)
from rnncheck.rnn_examples import parameters_x3_a2_y3

OK_FORMAT = False
name = "q3"

# n_x = 3, n_a = 2, n_y = 3. Waa is not symmetric and the biases are not zero, so that
# Waa.T, a missing bias or swapped weights all change the numbers.
PARAMETERS = parameters_x3_a2_y3()
XT = np.array([[1.0, 0.0], [0.5, -1.0], [-0.5, 2.0]])  # (n_x, m) = (3, 2)
A_PREV = np.array([[0.3, -0.7], [0.9, 0.2]])  # (n_a, m) = (2, 2)

# n_x = n_a = 2: here even a cell that multiplies the wrong thing has matching shapes.
SQUARE = {
    "Wax": np.array([[0.7, -0.4], [0.2, 0.5]]),
    "Waa": np.array([[0.6, 0.3], [-0.5, 0.4]]),
    "Wya": np.array([[0.9, -0.2], [-0.6, 0.8], [0.1, 0.3]]),
    "ba": np.array([[0.05], [-0.1]]),
    "by": np.array([[0.1], [-0.2], [0.3]]),
}


CACHE = ("a_next", "a_prev", "xt", "parameters")


def cell_outputs(value, n_a, n_y, m, what="rnn_cell_forward(...)"):
    """value read as (a_next (n_a, m), yt_pred (n_y, m), cache), arrays float64; the cache is
    not looked at (its form and content are cases of their own)."""
    a_next, yt_pred, step_cache = entries_of(value, what, ("a_next", "yt_pred", "cache"))
    a_next, yt_pred = float64_array(a_next, "a_next", (n_a, m)), float64_array(yt_pred, "yt_pred", (n_y, m))
    return a_next, yt_pred, step_cache


def assert_cache_holds(cache, expected, strict):
    """cache is (a_next, a_prev, xt, parameters) equal to expected; strict: a tuple, as the
    contract says (else a list of the four passes too)."""
    entries = (tuple_of if strict else entries_of)(cache, "cache", CACHE)
    for i, label in enumerate(CACHE):
        assert_same(entries[i], expected[i], f"cache[{i}] ({label})")


@test_case(points=1)
def test_output_shapes_and_dtypes(env):
    value = call(env, "rnn_cell_forward", XT, A_PREV, PARAMETERS)
    tuple_of(value, "rnn_cell_forward(...)", ("a_next", "yt_pred", "cache"))
    cell_outputs(value, 2, 3, 2)
    cell_outputs(
        call(env, "rnn_cell_forward", XT[:, :1], A_PREV[:, :1], PARAMETERS),
        2,
        3,
        1,
        what="rnn_cell_forward(...) [m = 1]",
    )


@test_case(points=1.5)
def test_small_example(env):
    with naming_mistake(answer(env, "rnn_cell_forward", XT, A_PREV, PARAMETERS)) as given:
        a_next, yt_pred, _ = cell_outputs(given.value, 2, 3, 2)
        assert_columns_sum_to_one(yt_pred, "yt_pred")
        expected_a_next, expected_yt_pred, _ = reference("rnn_cell_forward", XT, A_PREV, PARAMETERS)
        assert_close(a_next, expected_a_next, "a_next")
        assert_close(yt_pred, expected_yt_pred, "yt_pred")


@test_case(points=0.5)
def test_uses_a_prev(env):
    xt = np.array([[0.5, -1.0], [1.0, 0.2]])
    first, _, _ = cell_outputs(
        call(env, "rnn_cell_forward", xt, np.array([[0.8, -0.3], [0.1, 0.6]]), SQUARE), 2, 3, 2
    )
    second, _, _ = cell_outputs(
        call(env, "rnn_cell_forward", xt, np.array([[-0.5, 0.9], [0.4, -0.7]]), SQUARE), 2, 3, 2
    )
    assert_changes(first, second, say("rnn_a_prev_unused"))


@test_case(points=1)
def test_adds_both_biases(env):
    a_next, yt_pred, _ = cell_outputs(call(env, "rnn_cell_forward", XT, A_PREV, PARAMETERS), 2, 3, 2)
    no_ba = with_entry(PARAMETERS, "ba", np.zeros((2, 1)))
    a_without, _, _ = cell_outputs(call(env, "rnn_cell_forward", XT, A_PREV, no_ba), 2, 3, 2)
    assert_changes(a_next, a_without, say("rnn_missing_bias", what="a_next", bias="ba"))
    assert_columns_sum_to_one(yt_pred, "yt_pred")  # else by may vanish in a softmax over the wrong axis
    no_by = with_entry(PARAMETERS, "by", np.zeros((3, 1)))
    _, y_without, _ = cell_outputs(call(env, "rnn_cell_forward", XT, A_PREV, no_by), 2, 3, 2)
    assert_changes(yt_pred, y_without, say("rnn_missing_bias", what="yt_pred", bias="by"))


@test_case(points=0.5)
def test_examples_are_independent(env):
    xt = np.array([[1.0, -0.5, 3.0], [0.0, 2.0, -1.0], [0.5, 0.5, 0.5]])
    a_prev = np.array([[0.2, -0.9, 0.0], [0.6, 0.3, -0.4]])
    a_next, yt_pred, _ = cell_outputs(call(env, "rnn_cell_forward", xt, a_prev, PARAMETERS), 2, 3, 3)

    def alone(i):
        value = call(env, "rnn_cell_forward", xt[:, i : i + 1], a_prev[:, i : i + 1], PARAMETERS)
        a_one, y_one, _ = cell_outputs(value, 2, 3, 1, what="rnn_cell_forward(...) [m = 1]")
        return {"a_next": a_one, "yt_pred": y_one}

    assert_examples_independent({"a_next": a_next, "yt_pred": yt_pred}, alone)


@test_case(points=0.5)
def test_cache_in_contract_form(env):
    # n_x = 3 and n_a = 2: a_prev and xt have different shapes, so a cache in another order shows.
    a_next, _, cache = cell_outputs(call(env, "rnn_cell_forward", XT, A_PREV, PARAMETERS), 2, 3, 2)
    assert_cache_holds(cache, (a_next, A_PREV, XT, PARAMETERS), strict=True)


@test_case(points=0.25)
def test_inputs_unchanged(env):
    assert_inputs_unchanged(env, "rnn_cell_forward", XT, A_PREV, PARAMETERS)


def unseen_step(rng, n_a, n_x, n_y, m):
    """The parameters, xt and a_prev of one step drawn from rng (a_prev in (-1, 1), as a state is)."""
    parameters = random_parameters(rng, n_a, n_x, n_y, scale=0.7, ba=0.5, by=0.5)
    return parameters, rng.normal(size=(n_x, m)), np.tanh(rng.normal(size=(n_a, m)))


@test_case(points=1.5, hidden=True)
def test_unseen_inputs(env):
    rng = hidden_rng("q3 unseen inputs")

    hidden_units = size(rng, 2, 5)
    features = int(rng.choice([n for n in range(2, 7) if n != hidden_units]))
    square = size(rng, 2, 4)  # n_x = n_a: a cell that multiplies the wrong thing still has matching shapes
    for n_a, n_x, n_y, m in [
        (hidden_units, features, size(rng, 2, 6), size(rng, 2, 5)),
        (square, square, size(rng, 2, 4), 1),
        (size(rng, 3, 6), size(rng, 1, 4), size(rng, 2, 3), size(rng, 4, 7)),
        (1, size(rng, 2, 4), size(rng, 2, 4), size(rng, 1, 3)),
    ]:
        parameters, xt, a_prev = unseen_step(rng, n_a, n_x, n_y, m)
        expected_a_next, expected_yt_pred, _ = reference("rnn_cell_forward", xt, a_prev, parameters)
        what = f"(xt {xt.shape}, a_prev {a_prev.shape}, Wya {parameters['Wya'].shape})"
        with naming_mistake(answer(env, "rnn_cell_forward", xt, a_prev, parameters)) as given:
            a_next, yt_pred, _ = cell_outputs(given.value, n_a, n_y, m, what=f"rnn_cell_forward{what}")
            assert_close(a_next, expected_a_next, f"a_next {what}")
            assert_close(yt_pred, expected_yt_pred, f"yt_pred {what}")


@test_case(points=0.5, hidden=True)
def test_unseen_cache_holds_the_step(env):
    rng = hidden_rng("q3 cache")
    n_a, n_x, n_y, m = (int(s) for s in rng.integers(2, 7, size=4))
    parameters, xt, a_prev = unseen_step(rng, n_a, n_x, n_y, m)
    expected = reference("rnn_cell_forward", xt, a_prev, parameters)[2]
    _, _, cache = cell_outputs(call(env, "rnn_cell_forward", xt, a_prev, parameters), n_a, n_y, m)
    assert_cache_holds(cache, expected, strict=False)


@test_case(points=0.25, hidden=True)
def test_unseen_inputs_unchanged(env):
    rng = hidden_rng("q3 inputs unchanged")
    n_a, n_x, n_y, m = (int(s) for s in rng.integers(2, 5, size=4))
    parameters, xt, a_prev = unseen_step(rng, n_a, n_x, n_y, m)
    assert_inputs_unchanged(env, "rnn_cell_forward", xt, a_prev, parameters)
