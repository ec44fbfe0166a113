"""q7 · clip_gradients: every array clipped elementwise to [-max_value, max_value], in a new dict."""

import numpy as np
from otter.test_files import test_case

from rnncheck import assert_inputs_unchanged, assert_same, call, check_against_reference
from rnncheck.rnn import random_gradients

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
    assert_same(call(env, "clip_gradients", GRADIENTS, 5.0), expected, "clip_gradients(GRADIENTS, 5.0)")


@test_case(points=0.5)
def test_gradients_unchanged(env):
    assert_inputs_unchanged(env, "clip_gradients", GRADIENTS, 1.0)


@test_case(points=1, hidden=True)
def test_unseen_gradients(env):
    rng = np.random.default_rng(7301)
    # Exploding gradients: entries that grow like 1.5 ** k over 30 steps back in time.
    exploding = {
        "dWaa": np.outer(1.5 ** np.arange(26, 30), rng.normal(size=4)),
        "dWax": -(1.5 ** np.arange(12)).reshape(4, 3),
        "dby": rng.normal(0.0, 50.0, (3, 1)),
    }
    usual = random_gradients(rng, 3, 2, 2, scale=3.0)  # n_a, n_x, n_y
    for gradients, max_value in [
        (exploding, 5.0),
        (exploding, 1e9),
        (usual, 1.0),
        (usual, 2.5),
        (usual, 100.0),
    ]:
        check_against_reference(
            env, "clip_gradients", gradients, max_value, what=f"clip_gradients(gradients, {max_value:g})"
        )
