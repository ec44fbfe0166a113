"""q4 · rnn_backward: dx, da0, dWax, dWaa, dba over all the steps (backpropagation through time)."""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    assert_inputs_unchanged,
    call,
    central_differences,
    check_against_reference,
    hidden_rng,
    recorded,
    reference,
    to_array,
)
from rnncheck.answers import answer, naming_mistake
from rnncheck.hidden import size
from rnncheck.rnn_checks import (
    array_dict,
    assert_gradients,
    parameter_central_differences,
    random_parameters,
    tuple_of,
)

OK_FORMAT = False
name = "q4"

# n_a = 3, n_x = 2, n_y = 2, m = 2, T_x = 4. Weights large enough that tanh is far from linear.
_rng = np.random.default_rng(32)
PARAMETERS = random_parameters(_rng, 3, 2, 2, scale=0.8, ba=0.5, by=0.5)
X = _rng.normal(0.0, 1.0, (2, 2, 4))
A0 = _rng.normal(0.0, 0.5, (3, 2))
# da is the gradient of L = sum(DA * a) with respect to each a<t> from outside the
# recurrence: central differences of that L must give every gradient of rnn_backward.
DA = _rng.normal(0.0, 1.0, (3, 2, 4))
SHAPES = {"dx": (2, 2, 4), "da0": (3, 2), "dWax": (3, 2), "dWaa": (3, 3), "dba": (3, 1)}


def forward(env, x, a0, parameters):
    """(a, y_pred, caches) from the notebook's rnn_forward (the one shipped in rnn_utils)."""
    result = call(env, "rnn_forward", x, a0, parameters)
    return tuple_of(result, "rnn_forward(...)", ("a", "y_pred", "caches"))


def loss(env, x, a0, parameters):
    """L = sum(DA * a), with the hidden states a from the notebook's rnn_forward."""
    a = to_array(forward(env, x, a0, parameters)[0], "rnn_forward(...)[0]", shape=DA.shape)
    return float(np.sum(DA * a))


def backward(env):
    """The student's call of rnn_backward on DA and the caches of the shipped forward (an
    Answer), and its gradients, checked; a failure names the catalogued mistake it shows."""
    caches = forward(env, X, A0, PARAMETERS)[2]
    given = answer(env, "rnn_backward", DA, caches)
    with naming_mistake(given):
        return given, array_dict(given.value, "rnn_backward(...)", SHAPES, float64=True)


def recorded_caches(x, a0, parameters):
    """The caches of rnn_forward(x, a0, parameters), the shipped forward (rnn_utils), as the
    reference's notebook computes them: recorded at build time."""
    return reference("rnn_forward", x, a0, parameters)[2]


@test_case(points=0.5)
def test_keys_and_shapes(env):
    backward(env)


@test_case(points=1)
def test_dx_and_da0_match_central_differences(env):
    numeric = recorded(
        "q4 test_dx_and_da0_match_central_differences",
        lambda: {
            "dx": central_differences(lambda x: loss(env, x, A0, PARAMETERS), X),
            "da0": central_differences(lambda a0: loss(env, X, a0, PARAMETERS), A0),
        },
    )
    given, gradients = backward(env)
    assert_gradients(gradients, numeric, given)


@test_case(points=1)
def test_parameter_gradients_match_central_differences(env):
    numeric = recorded(
        "q4 test_parameter_gradients_match_central_differences",
        lambda: parameter_central_differences(
            lambda parameters: loss(env, X, A0, parameters), PARAMETERS, ("Wax", "Waa", "ba")
        ),
    )
    given, gradients = backward(env)
    assert_gradients(gradients, numeric, given)


@test_case(points=0.25)
def test_inputs_unchanged(env):
    caches = forward(env, X, A0, PARAMETERS)[2]
    assert_inputs_unchanged(env, "rnn_backward", DA, caches)


@test_case(points=1.5, hidden=True)
def test_unseen_sequences(env):
    rng = hidden_rng("q4 unseen sequences")

    cases = [  # n_a, n_x, n_y, m, T_x, which states get a gradient from outside
        (size(rng, 3, 5), size(rng, 2, 4), size(rng, 2, 3), size(rng, 2, 4), size(rng, 4, 7), "all"),
        (size(rng, 2, 4), size(rng, 2, 3), size(rng, 2, 4), 1, size(rng, 3, 6), "last"),  # one example
        (size(rng, 2, 3), size(rng, 2, 4), 2, size(rng, 2, 5), 1, "all"),  # one step
        (1, 1, 2, size(rng, 1, 2), size(rng, 2, 4), "last"),  # one unit, one input
    ]
    for n_a, n_x, n_y, m, T_x, reaches in cases:
        parameters = random_parameters(rng, n_a, n_x, n_y, scale=0.9, Wya=1.0, ba=0.5, by=0.5)
        x, a0 = rng.normal(0.0, 1.0, (n_x, m, T_x)), rng.normal(0.0, 0.6, (n_a, m))
        caches = recorded_caches(x, a0, parameters)
        da = rng.normal(0.0, 1.0, (n_a, m, T_x))
        if reaches == "last":  # only the last state gets a gradient from outside
            da[:, :, :-1] = 0.0
        check_against_reference(env, "rnn_backward", da, caches, what=f"rnn_backward(da {da.shape}, caches)")


@test_case(points=0.25, hidden=True)
def test_unseen_inputs_unchanged(env):
    rng = hidden_rng("q4 inputs unchanged")
    n_a, n_x, n_y, m, T_x = (int(s) for s in rng.integers(2, 5, size=5))
    parameters = random_parameters(rng, n_a, n_x, n_y)
    caches = recorded_caches(rng.normal(size=(n_x, m, T_x)), rng.normal(size=(n_a, m)), parameters)
    assert_inputs_unchanged(env, "rnn_backward", rng.normal(size=(n_a, m, T_x)), caches)
