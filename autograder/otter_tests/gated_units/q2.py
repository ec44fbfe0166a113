"""q2 · gru_forward: the states a (n_a, m, T_x), the predictions y_pred (n_y, m, T_x) and the
caches (list_of_step_caches, x) of the GRU over a sequence, the same parameters at every step.

Expected values are the reference's, recorded at build time (rnncheck.reference). When
graded, the notebook's gru_cell_forward called from gru_forward is the reference (isolation):
this question grades the loop over time alone.
"""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    Feedback,
    assert_close,
    assert_inputs_unchanged,
    call,
    hidden_rng,
    reference,
    say,
    to_array,
)
from rnncheck.answers import answer, naming_mistake
from rnncheck.gated_examples import GRU_GATES, gate_parameters, sequence_sizes
from rnncheck.rnn_checks import entries_of, float64_array, tuple_of

OK_FORMAT = False
name = "q2"


# n_a = 3, n_x = 2, n_y = 2, m = 2, T_x = 4; a0 is not zero, so starting from zeros shows.
_rng = np.random.default_rng(52)
PARAMETERS = gate_parameters(_rng, GRU_GATES, 3, 2, 2)
X, A0 = _rng.normal(0.0, 1.0, (2, 2, 4)), np.tanh(_rng.normal(0.0, 1.0, (3, 2)))


def outputs(value, n_a, n_y, m, T_x, what="gru_forward(...)"):
    a, y_pred, caches = entries_of(value, what, ("a", "y_pred", "caches"))
    return float64_array(a, "a", (n_a, m, T_x)), float64_array(y_pred, "y_pred", (n_y, m, T_x)), caches


@test_case(points=0.5)
def test_output_shapes_and_dtypes(env):
    value = call(env, "gru_forward", X, A0, PARAMETERS)
    tuple_of(value, "gru_forward(...)", ("a", "y_pred", "caches"))
    outputs(value, 3, 2, 2, 4)


@test_case(points=1.5)
def test_small_example(env):
    with naming_mistake(answer(env, "gru_forward", X, A0, PARAMETERS)) as given:
        a, y_pred, _ = outputs(given.value, 3, 2, 2, 4)
        expected = reference("gru_forward", X, A0, PARAMETERS)
        assert_close(a, expected[0], "a")
        assert_close(y_pred, expected[1], "y_pred")


@test_case(points=0.5)
def test_caches_in_contract_form(env):
    _, _, caches = outputs(call(env, "gru_forward", X, A0, PARAMETERS), 3, 2, 2, 4)
    step_caches, x = tuple_of(caches, "caches", ("list_of_step_caches", "x"))
    if type(step_caches) is not list or len(step_caches) != 4:
        raise Feedback(say("gated_caches_one_per_step", steps=4))
    assert_close(to_array(x, "caches[1] (x)", shape=X.shape), X, "caches[1] (x)")


@test_case(points=0.25)
def test_inputs_unchanged(env):
    assert_inputs_unchanged(env, "gru_forward", X, A0, PARAMETERS)


@test_case(points=1.5, hidden=True)
def test_unseen_sequences(env):
    rng = hidden_rng("q2 unseen sequences")
    for n_a, n_x, n_y, m, T_x in sequence_sizes(rng):
        parameters = gate_parameters(rng, GRU_GATES, n_a, n_x, n_y)
        x, a0 = rng.normal(size=(n_x, m, T_x)), np.tanh(rng.normal(size=(n_a, m)))
        what = f"(x {x.shape}, a0 {a0.shape})"
        expected = reference("gru_forward", x, a0, parameters)
        with naming_mistake(answer(env, "gru_forward", x, a0, parameters)) as given:
            a, y_pred, _ = outputs(given.value, n_a, n_y, m, T_x, what=f"gru_forward{what}")
            assert_close(a, expected[0], f"a {what}")
            assert_close(y_pred, expected[1], f"y_pred {what}")


@test_case(points=0.25, hidden=True)
def test_unseen_inputs_unchanged(env):
    rng = hidden_rng("q2 inputs unchanged")
    n_a, n_x, n_y, m, T_x = (int(s) for s in rng.integers(2, 5, size=5))
    parameters = gate_parameters(rng, GRU_GATES, n_a, n_x, n_y)
    assert_inputs_unchanged(
        env, "gru_forward", rng.normal(size=(n_x, m, T_x)), rng.normal(size=(n_a, m)), parameters
    )
