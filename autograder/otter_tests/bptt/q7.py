"""q7 · clip_gradients: every array clipped elementwise to [-max_value, max_value], in a new dict."""

import numpy as np
from otter.test_files import test_case

from rnncheck import assert_inputs_unchanged, assert_same, check_against_reference, hidden_rng
from rnncheck.answers import answer, naming_mistake
from rnncheck.hidden import size
from rnncheck.rnn_checks import random_gradients

OK_FORMAT = False
name = "q7"

GRADIENTS = {
    "dWaa": np.array([[-12.0, 3.0], [0.5, 7.0]]),
    "dba": np.array([[-4.9], [5.1]]),
    "dby": np.array([[5.0]]),
}


@test_case(points=1)
def test_every_entry_clipped_to_the_interval(env):
    expected = {
        "dWaa": np.array([[-5.0, 3.0], [0.5, 5.0]]),
        "dba": np.array([[-4.9], [5.0]]),
        "dby": np.array([[5.0]]),
    }
    given = answer(env, "clip_gradients", GRADIENTS, 5.0)
    with naming_mistake(given):
        assert_same(given.value, expected, "clip_gradients(GRADIENTS, 5.0)")


@test_case(points=0.5)
def test_gradients_unchanged(env):
    assert_inputs_unchanged(env, "clip_gradients", GRADIENTS, 1.0)


@test_case(points=1, hidden=True)
def test_unseen_gradients(env):
    rng = hidden_rng("q7 unseen gradients")

    # Exploding gradients: entries that grow like rho ** k over some 30 steps back in time
    # (powers by repeated products, so that every machine computes the same inputs).
    n_a, n_x, n_y = size(rng, 3, 5), size(rng, 2, 4), size(rng, 2, 4)
    rho, steps = rng.uniform(1.3, 1.6), size(rng, 24, 32)
    powers = np.cumprod(np.full(steps, rho)) / rho  # 1, rho, ..., rho ** (steps - 1)
    exploding = {
        "dWaa": np.outer(powers[-n_a:], rng.normal(size=n_a)),
        "dWax": -rng.permutation(powers[: n_a * n_x]).reshape(n_a, n_x),  # all negative, from -1 down
        "dby": rng.normal(0.0, 50.0, (n_y, 1)),
    }
    usual = random_gradients(
        rng, size(rng, 2, 5), size(rng, 2, 4), size(rng, 2, 3), scale=3.0
    )  # n_a, n_x, n_y
    for gradients, max_value in [
        (exploding, round(rng.uniform(2.0, 8.0), 1)),
        (exploding, 1e9),  # above every entry: nothing to clip
        (usual, round(rng.uniform(0.5, 1.5), 2)),
        (usual, round(rng.uniform(2.0, 3.5), 2)),
        (usual, 100.0),  # above every entry: nothing to clip
    ]:
        check_against_reference(
            env, "clip_gradients", gradients, max_value, what=f"clip_gradients(gradients, {max_value:g})"
        )
