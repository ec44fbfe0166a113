"""q1 · one_to_one_forward: x (n_x, m) -> y (n_y, m), one step of the cell from a_prev = 0."""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    Feedback,
    assert_close,
    assert_inputs_unchanged,
    call,
    check_against_reference,
    hidden_rng,
    say,
    to_array,
)
from rnncheck.rnn import random_parameters

OK_FORMAT = False
name = "q1"

# n_x = 2, n_a = 3, n_y = 2
PARAMETERS = {
    "Wax": np.array([[0.5, -1.0], [1.5, 0.2], [-0.3, 0.8]]),
    "Waa": np.array([[0.1, 0.2, -0.4], [0.3, -0.2, 0.1], [-0.5, 0.4, 0.2]]),
    "Wya": np.array([[1.0, -0.7, 0.4], [-0.6, 0.9, 0.3]]),
    "ba": np.array([[0.1], [-0.2], [0.05]]),
    "by": np.array([[0.2], [-0.1]]),
}
X = np.array([[1.0, 0.0, -2.0], [0.5, 1.0, 0.3]])  # m = 3 examples
# softmax(Wya tanh(Wax X + ba) + by), worked out once
Y = np.array(
    [
        [0.280455089026, 0.314973364070, 0.652786062804],
        [0.719544910974, 0.685026635930, 0.347213937196],
    ]
)


@test_case(points=1.5)
def test_three_examples(env):
    y = to_array(
        call(env, "one_to_one_forward", X, PARAMETERS), "one_to_one_forward(x, parameters)", shape=(2, 3)
    )
    assert_close(y, Y, "one_to_one_forward(x, parameters)")


@test_case(points=0.5)
def test_one_example(env):
    y = call(env, "one_to_one_forward", X[:, [2]], PARAMETERS)
    y = to_array(y, "one_to_one_forward(x (2, 1), parameters)", shape=(2, 1))
    assert_close(y, Y[:, [2]], "one_to_one_forward(x (2, 1), parameters)")


@test_case(points=0.5)
def test_waa_does_not_matter(env):
    y = to_array(
        call(env, "one_to_one_forward", X, PARAMETERS), "one_to_one_forward(x, parameters)", shape=(2, 3)
    )
    other = dict(PARAMETERS, Waa=np.full((3, 3), 3.0))
    y_other = to_array(
        call(env, "one_to_one_forward", X, other), "one_to_one_forward(x, parameters)", shape=(2, 3)
    )
    if not np.allclose(y_other, y, rtol=1e-12, atol=1e-14):
        raise Feedback(say("types_one_to_one_waa"))


@test_case(points=1, hidden=True)
def test_unseen_inputs(env):
    rng = hidden_rng("q1 unseen inputs")

    def size(low, high):
        return int(rng.integers(low, high + 1))

    for n_x, n_a, n_y, m, scale in [
        (size(3, 6), size(3, 6), size(2, 4), size(3, 7), 1.0),
        (1, size(2, 3), size(4, 6), 1, 1.0),  # one input, one example
        (size(2, 4), size(2, 4), 2, size(3, 5), rng.uniform(8.0, 12.0)),  # saturated tanh, peaked softmax
        (size(4, 7), size(3, 5), size(5, 8), size(2, 3), rng.uniform(0.05, 0.15)),  # nearly uniform
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
