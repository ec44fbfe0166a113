"""q15 · reliable_distance: the largest d up to which every seed learned the agreement.

The public tables are small enough to read by hand; each case says what it reads.
"""

import numpy as np
from otter.test_files import test_case

from rnncheck import Feedback, assert_inputs_unchanged, assert_same, check_against_reference, hidden_rng, say
from rnncheck.answers import answer, naming_mistake
from rnncheck.hidden import size

OK_FORMAT = False
name = "q15"

DISTANCES = np.array([2, 4, 6, 10])


def reliable_of(env, accuracies, expected, distances=DISTANCES):
    what = f"reliable_distance({accuracies}, {list(distances)})"
    given = answer(env, "reliable_distance", np.array(accuracies), distances)
    with naming_mistake(given):
        value = given.value
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
            raise Feedback(say("wrong_type", what=what, expected="int", kind=type(value).__name__))
        assert_same(int(value), expected, what)


@test_case(points=1)
def test_one_seed_misses_the_threshold(env):
    # Every seed reaches 0.95 (exactly, once) at d = 2 and 4; at d = 6 one seed has 0.88: reliable
    # up to 4, although the mean at d = 6 (0.96) is above the threshold and one seed learns d = 10.
    reliable_of(env, [[1.0, 1.0, 1.0], [1.0, 0.95, 1.0], [1.0, 1.0, 0.88], [1.0, 0.5, 0.5]], 4)


@test_case(points=0.5)
def test_a_later_success_does_not_count(env):
    # Fails at d = 6, learned again at d = 10: reliable only up to 4, the last d before the first failure.
    reliable_of(env, [[1.0, 1.0], [1.0, 1.0], [0.9, 0.9], [1.0, 1.0]], 4)


@test_case(points=0.5)
def test_the_mean_hides_a_seed(env):
    # One seed at 0.9 from d = 4 on: the means (0.97, 0.97) pass the threshold, the seed does not.
    reliable_of(env, [[1.0, 1.0, 1.0], [1.0, 1.0, 0.9], [1.0, 1.0, 0.92], [1.0, 0.5, 0.5]], 2)


@test_case(points=0.5)
def test_fails_at_the_first_distance(env):
    reliable_of(env, [[0.7, 1.0], [1.0, 1.0], [1.0, 1.0], [1.0, 1.0]], 0)
    assert_inputs_unchanged(env, "reliable_distance", np.array([[0.7, 1.0], [1.0, 1.0]]), np.array([2, 4]))


@test_case(points=0.5)
def test_learned_at_every_distance(env):
    reliable_of(env, [[1.0], [0.99], [0.97], [0.96]], 10)


@test_case(points=1, hidden=True)
def test_unseen_tables(env):
    rng = hidden_rng("q15 unseen tables")
    for _ in range(5):
        n_d, seeds = size(rng, 2, 7), size(rng, 1, 4)
        distances = np.cumsum(rng.integers(1, 5, n_d))
        # Learned up to a random distance, then a mix of learned seeds and chance.
        accuracies = np.where(rng.random((n_d, seeds)) < 0.6, 1.0, rng.uniform(0.4, 0.6, (n_d, seeds)))
        accuracies[: size(rng, 0, n_d)] = 1.0
        check_against_reference(
            env, "reliable_distance", accuracies, distances, what="reliable_distance(...)"
        )
