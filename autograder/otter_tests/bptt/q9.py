"""q9 · sgd_step: new parameters p - learning_rate * gradients["d" + p], the inputs unchanged."""

import numpy as np
from otter.test_files import test_case

from rnncheck import assert_inputs_unchanged, assert_same, check_against_reference, hidden_rng
from rnncheck.answers import answer, naming_mistake
from rnncheck.rnn_checks import random_gradients, random_parameters

OK_FORMAT = False
name = "q9"

PARAMETERS = {"Waa": np.array([[0.5, -1.0], [2.0, 0.0]]), "ba": np.array([[1.0], [-1.0]])}
# da0 is not a parameter's gradient: sgd_step ignores it.
GRADIENTS = {
    "dWaa": np.array([[1.0, 2.0], [-4.0, 0.5]]),
    "dba": np.array([[10.0], [0.0]]),
    "da0": np.ones((2, 3)),
}


@test_case(points=1)
def test_each_parameter_moves_against_its_gradient(env):
    expected = {"Waa": np.array([[0.4, -1.2], [2.4, -0.05]]), "ba": np.array([[0.0], [-1.0]])}
    given = answer(env, "sgd_step", PARAMETERS, GRADIENTS, 0.1)
    with naming_mistake(given):
        assert_same(given.value, expected, "sgd_step(PARAMETERS, GRADIENTS, 0.1)")


@test_case(points=0.5)
def test_inputs_unchanged(env):
    assert_inputs_unchanged(env, "sgd_step", PARAMETERS, GRADIENTS, 0.1)


@test_case(points=1, hidden=True)
def test_unseen_parameters(env):
    rng = hidden_rng("q9 unseen parameters")
    n_a, n_x, n_y, m = (int(s) for s in rng.integers(2, 6, size=4))
    parameters = random_parameters(rng, n_a, n_x, n_y)
    gradients = random_gradients(rng, n_a, n_x, n_y)
    gradients["da0"] = rng.normal(size=(n_a, m))  # not a parameter's gradient: ignored
    for learning_rate in (round(rng.uniform(0.001, 0.05), 3), round(rng.uniform(0.1, 1.0), 2), 0.0):
        check_against_reference(
            env,
            "sgd_step",
            parameters,
            gradients,
            learning_rate,
            what=f"sgd_step(parameters, gradients, {learning_rate:g})",
        )
