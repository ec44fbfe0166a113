"""q6 · rnn_loss_and_gradients: the full model's loss and its gradients dWax, dWaa, dWya, dba, dby, da0."""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    assert_inputs_unchanged,
    assert_same,
    call,
    central_differences,
    check_against_reference,
    hidden_rng,
    recorded,
    to_array,
    to_float,
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
name = "q6"

# n_a = 3, n_x = 2, n_y = 4, m = 2, T_x = 3, an output at every step.
_rng = np.random.default_rng(34)
PARAMETERS = random_parameters(_rng, 3, 2, 4, scale=0.8, ba=0.5, by=0.5)
X = _rng.normal(0.0, 1.0, (2, 2, 3))
A0 = _rng.normal(0.0, 0.5, (3, 2))
Y = np.array([[3, 0, 2], [1, 1, 0]])  # the true class of each example (row) at each step
# (class, example, step) of each true class in Y: the entries of y_pred the loss reads.
PICKED = [(3, 0, 0), (0, 0, 1), (2, 0, 2), (1, 1, 0), (1, 1, 1), (0, 1, 2)]
SHAPES = {"dWax": (3, 2), "dWaa": (3, 3), "dWya": (4, 3), "dba": (3, 1), "dby": (4, 1), "da0": (3, 2)}


def loss(env, x, a0, parameters):
    """The loss of the conventions on y_pred from the notebook's rnn_forward (the shipped one):
    sum over the steps, mean over the m = 2 examples, of -log of the true class's probability."""
    result = tuple_of(
        call(env, "rnn_forward", x, a0, parameters), "rnn_forward(...)", ("a", "y_pred", "caches")
    )
    y_pred = to_array(result[1], "rnn_forward(...)[1]", shape=(4, 2, 3))
    return -sum(float(np.log(y_pred[c, i, t])) for c, i, t in PICKED) / 2


def loss_and_gradients(env):
    """The student's call on X, Y, A0, PARAMETERS (an Answer), and its loss and gradients,
    checked and converted; a failure names the catalogued mistake it shows."""
    what = "rnn_loss_and_gradients(...)"
    given = answer(env, "rnn_loss_and_gradients", X, Y, A0, PARAMETERS)
    with naming_mistake(given):
        result = tuple_of(given.value, what, ("loss", "gradients"))
        return (
            given,
            to_float(result[0], f"{what}[0]"),
            array_dict(result[1], f"{what}[1]", SHAPES, float64=True),
        )


@test_case(points=0.5)
def test_loss_is_float_and_gradients_have_the_parameter_shapes(env):
    loss_and_gradients(env)


@test_case(points=0.5)
def test_loss_is_the_cross_entropy_of_the_forward_pass(env):
    expected = recorded("q6 loss of the shipped forward", lambda: loss(env, X, A0, PARAMETERS))
    given, got, _ = loss_and_gradients(env)
    with naming_mistake(given):
        assert_same(got, expected, "rnn_loss_and_gradients(...)[0]")


@test_case(points=1)
def test_output_layer_gradients_match_central_differences(env):
    numeric = recorded(
        "q6 test_output_layer_gradients_match_central_differences",
        lambda: parameter_central_differences(
            lambda parameters: loss(env, X, A0, parameters), PARAMETERS, ("Wya", "by")
        ),
    )
    given, _, gradients = loss_and_gradients(env)
    assert_gradients(gradients, numeric, given)


@test_case(points=1)
def test_recurrent_gradients_match_central_differences(env):
    numeric = recorded(
        "q6 test_recurrent_gradients_match_central_differences",
        lambda: parameter_central_differences(
            lambda parameters: loss(env, X, A0, parameters), PARAMETERS, ("Wax", "Waa", "ba")
        ),
    )
    numeric["da0"] = recorded(
        "q6 test_recurrent_gradients_match_central_differences da0",
        lambda: central_differences(lambda a0: loss(env, X, a0, PARAMETERS), A0),
    )
    given, _, gradients = loss_and_gradients(env)
    assert_gradients(gradients, numeric, given)


@test_case(points=1.5, hidden=True)
def test_unseen_models(env):
    rng = hidden_rng("q6 unseen models")

    cases = [  # n_a, n_x, n_y, m, T_x
        (size(rng, 3, 5), size(rng, 2, 4), size(rng, 3, 6), size(rng, 2, 4), size(rng, 4, 7)),
        (size(rng, 2, 4), size(rng, 2, 5), size(rng, 2, 4), 1, size(rng, 3, 5)),  # one example
        (size(rng, 2, 3), size(rng, 2, 3), size(rng, 2, 4), size(rng, 2, 5), 1),  # one step
        (size(rng, 4, 6), size(rng, 2, 4), size(rng, 3, 5), size(rng, 2, 3), size(rng, 6, 9)),
    ]
    for n_a, n_x, n_y, m, T_x in cases:
        parameters = random_parameters(rng, n_a, n_x, n_y, scale=0.9, Wya=1.0, ba=0.5, by=0.5)
        x, a0 = rng.normal(0.0, 1.0, (n_x, m, T_x)), rng.normal(0.0, 0.6, (n_a, m))
        y = rng.integers(0, n_y, (m, T_x))
        check_against_reference(
            env,
            "rnn_loss_and_gradients",
            x,
            y,
            a0,
            parameters,
            what=f"rnn_loss_and_gradients(x {x.shape}, y, a0, parameters)",
        )


@test_case(points=0.5, hidden=True)
def test_inputs_unchanged(env):
    rng = hidden_rng("q6 inputs unchanged")
    n_a, n_x, n_y, m, T_x = (int(s) for s in rng.integers(2, 5, size=5))
    parameters = random_parameters(rng, n_a, n_x, n_y)
    x, y, a0 = rng.normal(size=(n_x, m, T_x)), rng.integers(0, n_y, (m, T_x)), rng.normal(size=(n_a, m))
    assert_inputs_unchanged(env, "rnn_loss_and_gradients", x, y, a0, parameters)
