"""q6 · lstm_backward: dx, da0 and the gradients of the four gates' weights and biases summed
over the steps (backpropagation through time of the LSTM).

The caches are the reference lstm_forward's, recorded at build time; when graded, the
notebook's lstm_cell_backward called from lstm_backward is the reference (isolation): this
question grades the loop over time alone. The gradients are checked against central
differences of L = sum(DA * a) through the reference forward, computed once by the build
(rnncheck.recorded).
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
name = "q6"

GATES = tuple(kind + gate for gate in LSTM_GATES for kind in "Wb")  # Wf, bf, Wi, bi, ...


# n_a = 3, n_x = 2, n_y = 2, m = 2, T_x = 4; every state gets a gradient from outside.
_rng = np.random.default_rng(56)
PARAMETERS = gate_parameters(_rng, LSTM_GATES, 3, 2, 2)
X, A0 = _rng.normal(0.0, 1.0, (2, 2, 4)), np.tanh(_rng.normal(0.0, 1.0, (3, 2)))
DA = _rng.normal(0.0, 1.0, (3, 2, 4))
SHAPES = {"dx": (2, 2, 4), "da0": (3, 2), **{"d" + k: (3, 5) if k[0] == "W" else (3, 1) for k in GATES}}


def loss(x, a0, parameters):
    """L = sum(DA * a) through the reference forward."""
    return float(np.sum(DA * reference("lstm_forward", x, a0, parameters)[0]))


def backward(env):
    caches = reference("lstm_forward", X, A0, PARAMETERS)[3]
    given = answer(env, "lstm_backward", DA, caches)
    with naming_mistake(given):
        return given, array_dict(given.value, "lstm_backward(...)", SHAPES, float64=True)


@test_case(points=0.5)
def test_keys_and_shapes(env):
    backward(env)


@test_case(points=1.5)
def test_dx_and_da0_match_central_differences(env):
    numeric = recorded(
        "q6 inputs",
        lambda: {
            "da0": central_differences(lambda a0: loss(X, a0, PARAMETERS), A0),
            "dx": central_differences(lambda x: loss(x, A0, PARAMETERS), X),
        },
    )
    given, gradients = backward(env)
    assert_gradients(gradients, numeric, given)


@test_case(points=1.5)
def test_gate_gradients_match_central_differences(env):
    numeric = recorded(
        "q6 gates", lambda: parameter_central_differences(lambda p: loss(X, A0, p), PARAMETERS, GATES)
    )
    given, gradients = backward(env)
    assert_gradients(gradients, numeric, given)


@test_case(points=0.25)
def test_inputs_unchanged(env):
    caches = reference("lstm_forward", X, A0, PARAMETERS)[3]
    assert_inputs_unchanged(env, "lstm_backward", DA, caches)


@test_case(points=1.5, hidden=True)
def test_unseen_sequences(env):
    rng = hidden_rng("q6 unseen sequences")
    for n_a, n_x, m, T_x, reaches in [
        (size(rng, 2, 4), size(rng, 2, 4), size(rng, 2, 4), size(rng, 4, 7), "all"),
        (size(rng, 2, 4), size(rng, 2, 3), 1, size(rng, 3, 6), "last"),  # one example
        (size(rng, 2, 3), size(rng, 1, 3), size(rng, 2, 4), 1, "all"),  # one step
    ]:
        parameters = gate_parameters(rng, LSTM_GATES, n_a, n_x, 2)
        x, a0 = rng.normal(size=(n_x, m, T_x)), np.tanh(rng.normal(size=(n_a, m)))
        caches = reference("lstm_forward", x, a0, parameters)[3]
        da = rng.normal(size=(n_a, m, T_x))
        if reaches == "last":  # only the last state gets a gradient from outside
            da[:, :, :-1] = 0.0
        check_against_reference(
            env, "lstm_backward", da, caches, what=f"lstm_backward(da {da.shape}, caches)"
        )


@test_case(points=0.25, hidden=True)
def test_unseen_inputs_unchanged(env):
    rng = hidden_rng("q6 inputs unchanged")
    n_a, n_x, m, T_x = (int(s) for s in rng.integers(2, 5, size=4))
    parameters = gate_parameters(rng, LSTM_GATES, n_a, n_x, 2)
    caches = reference("lstm_forward", rng.normal(size=(n_x, m, T_x)), rng.normal(size=(n_a, m)), parameters)[
        3
    ]
    assert_inputs_unchanged(env, "lstm_backward", rng.normal(size=(n_a, m, T_x)), caches)
