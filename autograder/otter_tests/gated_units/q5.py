"""q5 · lstm_cell_backward: dxt, da_prev, dc_prev and the gradients of the four gates' weights
and biases of one step, from da_next, dc_next and the cache.

The cache is the reference lstm_cell_forward's, recorded at build time, so that a mistake in
the student's forward costs q3 only. The gradients are checked against central differences
of the loss L = sum(DA_NEXT * a_next) + sum(DC_NEXT * c_next) through that forward, which the
build computes once and ships as numbers (rnncheck.recorded).
"""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    assert_inputs_unchanged,
    central_differences,
    check_against_reference,
    hidden_rng,
    recorded,
    reference,
)
from rnncheck.answers import answer, naming_mistake
from rnncheck.gated_examples import LSTM_GATES, gate_parameters
from rnncheck.hidden import size
from rnncheck.rnn_checks import array_dict, assert_gradients, parameter_central_differences

OK_FORMAT = False
name = "q5"

GATES = tuple(kind + gate for gate in LSTM_GATES for kind in "Wb")  # Wf, bf, Wi, bi, ...


# n_a = 3, n_x = 2, n_y = 2, m = 2; dc_next is not zero, so the gradient arriving along the
# cell state from the next step must be used.
_rng = np.random.default_rng(55)
PARAMETERS = gate_parameters(_rng, LSTM_GATES, 3, 2, 2)
XT, A_PREV, C_PREV = (
    _rng.normal(0.0, 1.0, (2, 2)),
    np.tanh(_rng.normal(0.0, 1.0, (3, 2))),
    _rng.normal(0.0, 1.0, (3, 2)),
)
DA_NEXT, DC_NEXT = _rng.normal(0.0, 1.0, (3, 2)), _rng.normal(0.0, 1.0, (3, 2))
SHAPES = {
    "dxt": (2, 2),
    "da_prev": (3, 2),
    "dc_prev": (3, 2),
    **{"d" + k: (3, 5) if k[0] == "W" else (3, 1) for k in GATES},
}


def loss(xt, a_prev, c_prev, parameters):
    """L = sum(DA_NEXT * a_next) + sum(DC_NEXT * c_next) through the reference forward."""
    a_next, c_next, _, _ = reference("lstm_cell_forward", xt, a_prev, c_prev, parameters)
    return float(np.sum(DA_NEXT * a_next) + np.sum(DC_NEXT * c_next))


def backward(env):
    """The student's call on DA_NEXT, DC_NEXT and the recorded cache (an Answer), and its
    gradients, checked; a failure names the catalogued mistake it shows."""
    cache = reference("lstm_cell_forward", XT, A_PREV, C_PREV, PARAMETERS)[3]
    given = answer(env, "lstm_cell_backward", DA_NEXT, DC_NEXT, cache)
    with naming_mistake(given):
        return given, array_dict(given.value, "lstm_cell_backward(...)", SHAPES, float64=True)


@test_case(points=0.5)
def test_keys_and_shapes(env):
    backward(env)


@test_case(points=1.5)
def test_dxt_da_prev_and_dc_prev_match_central_differences(env):
    numeric = recorded(
        "q5 inputs",
        lambda: {
            "dc_prev": central_differences(lambda c: loss(XT, A_PREV, c, PARAMETERS), C_PREV),
            "da_prev": central_differences(lambda a: loss(XT, a, C_PREV, PARAMETERS), A_PREV),
            "dxt": central_differences(lambda x: loss(x, A_PREV, C_PREV, PARAMETERS), XT),
        },
    )
    given, gradients = backward(env)
    assert_gradients(gradients, numeric, given)


@test_case(points=1.5)
def test_gate_gradients_match_central_differences(env):
    numeric = recorded(
        "q5 gates",
        lambda: parameter_central_differences(lambda p: loss(XT, A_PREV, C_PREV, p), PARAMETERS, GATES),
    )
    given, gradients = backward(env)
    assert_gradients(gradients, numeric, given)


@test_case(points=0.25)
def test_inputs_unchanged(env):
    cache = reference("lstm_cell_forward", XT, A_PREV, C_PREV, PARAMETERS)[3]
    assert_inputs_unchanged(env, "lstm_cell_backward", DA_NEXT, DC_NEXT, cache)


@test_case(points=1.5, hidden=True)
def test_unseen_steps(env):
    rng = hidden_rng("q5 unseen steps")
    for n_a, n_x, m in [
        (size(rng, 2, 5), size(rng, 2, 4), size(rng, 2, 5)),
        (size(rng, 2, 4), size(rng, 2, 4), 1),  # one example
        (1, size(rng, 1, 3), size(rng, 2, 4)),  # one unit
    ]:
        parameters = gate_parameters(rng, LSTM_GATES, n_a, n_x, 2)
        xt, a_prev, c_prev = (
            rng.normal(size=(n_x, m)),
            np.tanh(rng.normal(size=(n_a, m))),
            rng.normal(size=(n_a, m)),
        )
        cache = reference("lstm_cell_forward", xt, a_prev, c_prev, parameters)[3]
        da_next, dc_next = rng.normal(size=(n_a, m)), rng.normal(size=(n_a, m))
        what = f"lstm_cell_backward(da_next {da_next.shape}, dc_next, cache)"
        check_against_reference(env, "lstm_cell_backward", da_next, dc_next, cache, what=what)


@test_case(points=0.25, hidden=True)
def test_unseen_inputs_unchanged(env):
    rng = hidden_rng("q5 inputs unchanged")
    n_a, n_x, m = (int(s) for s in rng.integers(2, 5, size=3))
    parameters = gate_parameters(rng, LSTM_GATES, n_a, n_x, 2)
    cache = reference(
        "lstm_cell_forward",
        rng.normal(size=(n_x, m)),
        rng.normal(size=(n_a, m)),
        rng.normal(size=(n_a, m)),
        parameters,
    )[3]
    assert_inputs_unchanged(
        env, "lstm_cell_backward", rng.normal(size=(n_a, m)), rng.normal(size=(n_a, m)), cache
    )
