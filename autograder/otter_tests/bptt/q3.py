"""q3 · rnn_cell_backward: dxt, da_prev, dWax, dWaa, dba of one step, from da_next and the cache."""

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
name = "q3"

# n_a = 3, n_x = 2, n_y = 2, m = 2. Weights large enough that tanh is far from linear.
_rng = np.random.default_rng(31)
PARAMETERS = random_parameters(_rng, 3, 2, 2, scale=0.8, ba=0.5, by=0.5)
XT = _rng.normal(0.0, 1.0, (2, 2))
A_PREV = _rng.normal(0.0, 0.5, (3, 2))
# da_next is the gradient of L = sum(DA_NEXT * a_next): central differences of that L with
# respect to each input of the cell must give the five gradients.
DA_NEXT = _rng.normal(0.0, 1.0, (3, 2))
SHAPES = {"dxt": (2, 2), "da_prev": (3, 2), "dWax": (3, 2), "dWaa": (3, 3), "dba": (3, 1)}


def cell(env, xt, a_prev, parameters):
    """(a_next, yt_pred, cache) from the notebook's rnn_cell_forward (the one shipped in rnn_utils)."""
    result = call(env, "rnn_cell_forward", xt, a_prev, parameters)
    return tuple_of(result, "rnn_cell_forward(...)", ("a_next", "yt_pred", "cache"))


def loss(env, xt, a_prev, parameters):
    """L = sum(DA_NEXT * a_next), with a_next from the notebook's rnn_cell_forward."""
    a_next = to_array(cell(env, xt, a_prev, parameters)[0], "rnn_cell_forward(...)[0]", shape=(3, 2))
    return float(np.sum(DA_NEXT * a_next))


def backward(env):
    """The student's call of rnn_cell_backward on DA_NEXT and the cache of the shipped forward
    (an Answer), and its gradients, checked; a failure names the catalogued mistake it shows."""
    cache = cell(env, XT, A_PREV, PARAMETERS)[2]
    given = answer(env, "rnn_cell_backward", DA_NEXT, cache)
    with naming_mistake(given):
        return given, array_dict(given.value, "rnn_cell_backward(...)", SHAPES, float64=True)


@test_case(points=0.5)
def test_keys_and_shapes(env):
    backward(env)


@test_case(points=1)
def test_dxt_and_da_prev_match_central_differences(env):
    numeric = recorded(
        "q3 test_dxt_and_da_prev_match_central_differences",
        lambda: {
            "dxt": central_differences(lambda xt: loss(env, xt, A_PREV, PARAMETERS), XT),
            "da_prev": central_differences(lambda a_prev: loss(env, XT, a_prev, PARAMETERS), A_PREV),
        },
    )
    given, gradients = backward(env)
    assert_gradients(gradients, numeric, given)


@test_case(points=1)
def test_parameter_gradients_match_central_differences(env):
    numeric = recorded(
        "q3 test_parameter_gradients_match_central_differences",
        lambda: parameter_central_differences(
            lambda parameters: loss(env, XT, A_PREV, parameters), PARAMETERS, ("Wax", "Waa", "ba")
        ),
    )
    given, gradients = backward(env)
    assert_gradients(gradients, numeric, given)


@test_case(points=0.25)
def test_inputs_unchanged(env):
    cache = cell(env, XT, A_PREV, PARAMETERS)[2]
    assert_inputs_unchanged(env, "rnn_cell_backward", DA_NEXT, cache)


@test_case(points=1.5, hidden=True)
def test_unseen_steps(env):
    rng = hidden_rng("q3 unseen steps")

    cases = [  # n_a, n_x, n_y, m, scale
        (size(rng, 2, 5), size(rng, 2, 4), size(rng, 2, 3), size(rng, 2, 5), rng.uniform(0.8, 1.2)),
        (size(rng, 2, 4), size(rng, 2, 4), size(rng, 2, 3), 1, rng.uniform(0.6, 0.9)),  # one example
        (1, 1, size(rng, 2, 3), size(rng, 2, 4), rng.uniform(1.0, 1.4)),  # one unit, one input
        (size(rng, 3, 5), size(rng, 2, 3), 2, size(rng, 3, 5), 3.0),  # weights this large saturate tanh
    ]
    for n_a, n_x, n_y, m, scale in cases:
        parameters = random_parameters(rng, n_a, n_x, n_y, scale=scale, Wya=1.0, ba=0.5, by=0.5)
        xt, a_prev = rng.normal(0.0, 1.0, (n_x, m)), rng.normal(0.0, 0.6, (n_a, m))
        cache = reference("rnn_cell_forward", xt, a_prev, parameters)[2]
        da_next = rng.normal(0.0, 1.0, (n_a, m))
        check_against_reference(
            env,
            "rnn_cell_backward",
            da_next,
            cache,
            what=f"rnn_cell_backward(da_next {da_next.shape}, cache)",
        )


@test_case(points=0.25, hidden=True)
def test_unseen_inputs_unchanged(env):
    rng = hidden_rng("q3 inputs unchanged")
    n_a, n_x, n_y, m = (int(s) for s in rng.integers(2, 5, size=4))
    parameters = random_parameters(rng, n_a, n_x, n_y)
    cache = reference("rnn_cell_forward", rng.normal(size=(n_x, m)), rng.normal(size=(n_a, m)), parameters)[2]
    assert_inputs_unchanged(env, "rnn_cell_backward", rng.normal(size=(n_a, m)), cache)
