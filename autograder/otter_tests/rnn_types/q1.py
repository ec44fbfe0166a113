"""q1 · one_to_one_forward: x (n_x, m) -> y (n_y, m), one step of the cell from a_prev = 0.

Expected values are the reference's, recorded at build time (rnncheck.reference); the inputs
are written out by hand (the parameters are shared with q2, q3 and q6: rnncheck.rnn_examples).
"""

import contextlib

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    assert_close,
    assert_inputs_unchanged,
    assert_no_change,
    call,
    check_against_reference,
    hidden_rng,
    matches,
    reference,
    say,
    to_array,
)
from rnncheck.compare import hinted
from rnncheck.hidden import size
from rnncheck.rnn_checks import random_parameters
from rnncheck.rnn_examples import parameters_x2_a3_y2

OK_FORMAT = False
name = "q1"

PARAMETERS = parameters_x2_a3_y2()  # n_x = 2, n_a = 3, n_y = 2
X = np.array([[1.0, 0.0, -2.0], [0.5, 1.0, 0.3]])  # m = 3 examples


def _y(env, x, parameters, what):
    return to_array(call(env, "one_to_one_forward", x, parameters), what, shape=(2, x.shape[1]))


def _state_hint(env, x, y, what):
    """Around a values check of y, the student's one_to_one_forward(x, PARAMETERS): a hint that
    the state did not start at zero when y changes with Waa (a step from a_prev = 0 cannot see
    it) or from one call to the next."""
    other = dict(PARAMETERS, Waa=np.full((3, 3), 3.0))
    if matches(_y(env, x, PARAMETERS, what), y) and matches(_y(env, x, other, what), y):
        return contextlib.nullcontext()
    return hinted("types_hint_zero_state")


@test_case(points=1.5)
def test_three_examples(env):
    what = "one_to_one_forward(x, parameters)"
    y = _y(env, X, PARAMETERS, what)
    # softmax(Wya tanh(Wax X + ba) + by)
    with _state_hint(env, X, y, what):
        assert_close(y, reference("one_to_one_forward", X, PARAMETERS), what)


@test_case(points=0.5)
def test_one_example(env):
    what = "one_to_one_forward(x (2, 1), parameters)"
    y = _y(env, X[:, [2]], PARAMETERS, what)
    expected = reference("one_to_one_forward", X, PARAMETERS)[:, [2]]  # the third example of the batch
    with _state_hint(env, X[:, [2]], y, what):
        assert_close(y, expected, what)


@test_case(points=0.5)
def test_waa_does_not_matter(env):
    y = to_array(
        call(env, "one_to_one_forward", X, PARAMETERS), "one_to_one_forward(x, parameters)", shape=(2, 3)
    )
    other = dict(PARAMETERS, Waa=np.full((3, 3), 3.0))
    y_other = to_array(
        call(env, "one_to_one_forward", X, other), "one_to_one_forward(x, parameters)", shape=(2, 3)
    )
    assert_no_change(y, y_other, say("types_one_to_one_waa"))


@test_case(points=1, hidden=True)
def test_unseen_inputs(env):
    rng = hidden_rng("q1 unseen inputs")

    for n_x, n_a, n_y, m, scale in [
        (size(rng, 3, 6), size(rng, 3, 6), size(rng, 2, 4), size(rng, 3, 7), 1.0),
        (1, size(rng, 2, 3), size(rng, 4, 6), 1, 1.0),  # one input, one example
        (
            size(rng, 2, 4),
            size(rng, 2, 4),
            2,
            size(rng, 3, 5),
            rng.uniform(8.0, 12.0),
        ),  # saturated tanh, peaked softmax
        (
            size(rng, 4, 7),
            size(rng, 3, 5),
            size(rng, 5, 8),
            size(rng, 2, 3),
            rng.uniform(0.05, 0.15),
        ),  # nearly uniform
    ]:
        parameters = random_parameters(rng, n_a, n_x, n_y, Wax=scale, Wya=scale)
        x = rng.standard_normal((n_x, m))
        check_against_reference(
            env, "one_to_one_forward", x, parameters, what=f"one_to_one_forward(x {x.shape}, parameters)"
        )


@test_case(points=0.5, hidden=True)
def test_inputs_unchanged(env):
    rng = hidden_rng("q1 inputs unchanged")
    n_x, n_a, n_y, m = (int(s) for s in rng.integers(2, 5, size=4))
    parameters = random_parameters(rng, n_a, n_x, n_y)
    assert_inputs_unchanged(env, "one_to_one_forward", rng.standard_normal((n_x, m)), parameters)
