"""q1 · rnn_cell_backward: dxt, da_prev, dWax, dWaa, dba of one step, from da_next and the cache."""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    Feedback,
    assert_gradient,
    assert_inputs_unchanged,
    call,
    check_against_reference,
    numerical_gradient,
    recorded,
    reference,
    say,
    to_array,
    to_dict,
)

OK_FORMAT = False
name = "q1"

# n_a = 3, n_x = 2, n_y = 2, m = 2. Weights large enough that tanh is far from linear.
_rng = np.random.default_rng(31)
PARAMETERS = {
    "Wax": _rng.normal(0.0, 0.8, (3, 2)),
    "Waa": _rng.normal(0.0, 0.8, (3, 3)),
    "Wya": _rng.normal(0.0, 0.8, (2, 3)),
    "ba": _rng.normal(0.0, 0.5, (3, 1)),
    "by": _rng.normal(0.0, 0.5, (2, 1)),
}
XT = _rng.normal(0.0, 1.0, (2, 2))
A_PREV = _rng.normal(0.0, 0.5, (3, 2))
# da_next is the gradient of L = sum(DA_NEXT * a_next): central differences of that L with
# respect to each input of the cell must give the five gradients.
DA_NEXT = _rng.normal(0.0, 1.0, (3, 2))
SHAPES = {"dxt": (2, 2), "da_prev": (3, 2), "dWax": (3, 2), "dWaa": (3, 3), "dba": (3, 1)}


def gradients(result, what, shapes):
    """result as a dict of float64 arrays with exactly the keys and shapes of `shapes`."""
    got = to_dict(result, what)
    if set(got) != set(shapes):
        raise Feedback(say("wrong_keys", what=what, expected=sorted(shapes), actual=sorted(map(str, got))))
    return {key: to_array(got[key], f"{what}[{key!r}]", shape=shape) for key, shape in shapes.items()}


def cell(env, xt, a_prev, parameters):
    """(a_next, yt_pred, cache) from the notebook's rnn_cell_forward (the one shipped in rnn_utils)."""
    result = call(env, "rnn_cell_forward", xt, a_prev, parameters)
    if type(result) is not tuple or len(result) != 3:
        raise Feedback(
            say("wrong_type", what="rnn_cell_forward(...)", expected="tuple", kind=type(result).__name__)
        )
    return result


def loss(env, xt, a_prev, parameters):
    """L = sum(DA_NEXT * a_next), with a_next from the notebook's rnn_cell_forward."""
    a_next = to_array(cell(env, xt, a_prev, parameters)[0], "rnn_cell_forward(...)[0]", shape=(3, 2))
    return float(np.sum(DA_NEXT * a_next))


def backward(env):
    """The student's gradients for DA_NEXT and the cache of the shipped forward, checked."""
    cache = cell(env, XT, A_PREV, PARAMETERS)[2]
    return gradients(call(env, "rnn_cell_backward", DA_NEXT, cache), "rnn_cell_backward(...)", SHAPES)


def with_entry(parameters, key, value):
    changed = dict(parameters)
    changed[key] = value
    return changed


@test_case(points=0.5)
def test_keys_and_shapes(env):
    backward(env)


@test_case(points=1)
def test_dxt_and_da_prev_match_central_differences(env):
    numeric = recorded(
        "q1 test_dxt_and_da_prev_match_central_differences",
        lambda: {
            "dxt": numerical_gradient(lambda xt: loss(env, xt, A_PREV, PARAMETERS), XT),
            "da_prev": numerical_gradient(lambda a_prev: loss(env, XT, a_prev, PARAMETERS), A_PREV),
        },
    )
    got = backward(env)
    for key, value in numeric.items():
        assert_gradient(got[key], value, key)


@test_case(points=1)
def test_parameter_gradients_match_central_differences(env):
    numeric = recorded(
        "q1 test_parameter_gradients_match_central_differences",
        lambda: {
            "d" + key: numerical_gradient(
                lambda v, key=key: loss(env, XT, A_PREV, with_entry(PARAMETERS, key, v)), PARAMETERS[key]
            )
            for key in ("Wax", "Waa", "ba")
        },
    )
    got = backward(env)
    for key, value in numeric.items():
        assert_gradient(got[key], value, key)


@test_case(points=1.5, hidden=True)
def test_unseen_steps(env):
    rng = np.random.default_rng(1301)
    cases = [(4, 3, 2, 5, 1.0), (3, 4, 3, 1, 0.7), (1, 1, 2, 3, 1.2), (5, 2, 2, 4, 3.0)]
    for n_a, n_x, n_y, m, scale in cases:  # the last one saturates tanh
        parameters = {
            "Wax": rng.normal(0.0, scale, (n_a, n_x)),
            "Waa": rng.normal(0.0, scale, (n_a, n_a)),
            "Wya": rng.normal(0.0, 1.0, (n_y, n_a)),
            "ba": rng.normal(0.0, 0.5, (n_a, 1)),
            "by": rng.normal(0.0, 0.5, (n_y, 1)),
        }
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


@test_case(points=0.5, hidden=True)
def test_inputs_unchanged(env):
    rng = np.random.default_rng(1302)
    parameters = {
        "Wax": rng.normal(size=(3, 2)),
        "Waa": rng.normal(size=(3, 3)),
        "Wya": rng.normal(size=(2, 3)),
        "ba": rng.normal(size=(3, 1)),
        "by": rng.normal(size=(2, 1)),
    }
    cache = reference("rnn_cell_forward", rng.normal(size=(2, 4)), rng.normal(size=(3, 4)), parameters)[2]
    assert_inputs_unchanged(env, "rnn_cell_backward", rng.normal(size=(3, 4)), cache)
