"""q2 · initialize_parameters: the contract's shapes, zero biases, small random weights, one result per
seed, numpy's global random state left alone.

The weights are random, so these tests check their properties, never their exact values.
"""

import numpy as np
from otter.test_files import test_case

from rnncheck import Feedback, assert_global_random_untouched, call, hidden_rng, say
from rnncheck.rnn_checks import array_dict, parameter_shapes

OK_FORMAT = False
name = "q2"

WEIGHTS = ("Wax", "Waa", "Wya")
BIASES = ("ba", "by")
# 0.01 * standard normal stays below 0.1 in absolute value except with probability ~1e-23
# per entry; weights drawn without the 0.01 exceed it in almost every entry.
SMALL = 0.1


def parameters_of(value, n_a, n_x, n_y, what="initialize_parameters(...)"):
    """value checked to be the contract's dict of float64 arrays; name -> plain array."""
    return array_dict(value, what, parameter_shapes(n_a, n_x, n_y), float64=True)


def assert_zero_biases(parameters):
    for key in BIASES:
        largest = float(np.max(np.abs(parameters[key])))
        if largest != 0.0:
            raise Feedback(say("rnn_bias_not_zero", name=key, largest=largest))


def assert_small_random_weights(parameters):
    for key in WEIGHTS:
        weights = parameters[key]
        largest = float(np.max(np.abs(weights)))
        if largest > SMALL:
            raise Feedback(say("rnn_weights_not_small", name=key, largest=largest))
        if weights.size > 1 and np.all(weights == weights.flat[0]):
            raise Feedback(say("rnn_weights_not_random", name=key, value=float(weights.flat[0])))


def assert_same_draw(first, second, seed):
    for key in WEIGHTS + BIASES:
        if not np.array_equal(first[key], second[key]):
            raise Feedback(say("rnn_seed_not_deterministic", seed=seed, name=key))


@test_case(points=1)
def test_keys_shapes_and_dtypes(env):
    parameters_of(
        call(env, "initialize_parameters", 5, 3, 4, seed=1),
        5,
        3,
        4,
        what="initialize_parameters(5, 3, 4, seed=1)",
    )
    parameters_of(call(env, "initialize_parameters", 2, 7, 1), 2, 7, 1, what="initialize_parameters(2, 7, 1)")


@test_case(points=0.5)
def test_global_random_state_left_alone(env):
    # the notebook asks for a generator of one's own: np.random.seed would reset the state
    # every other cell draws from
    assert_global_random_untouched(env, "initialize_parameters", 3, 2, 2, seed=5)


@test_case(points=0.5)
def test_biases_start_at_zero(env):
    assert_zero_biases(parameters_of(call(env, "initialize_parameters", 6, 4, 3, seed=2), 6, 4, 3))


@test_case(points=1)
def test_weights_are_small_and_random(env):
    assert_small_random_weights(
        parameters_of(call(env, "initialize_parameters", 20, 30, 10, seed=3), 20, 30, 10)
    )


@test_case(points=0.5)
def test_weights_are_normal_times_0_01(env):
    # 60,000 weights: a standard deviation 0.01 within 3%, and about 4.6% beyond two of them,
    # as N(0, 0.01²) gives; uniform draws (rng.random) have none beyond 0.02
    weights = parameters_of(call(env, "initialize_parameters", 200, 299, 1, seed=4), 200, 299, 1)["Wax"]
    deviation = float(np.std(weights))
    beyond = float(np.mean(np.abs(weights) > 0.02))
    if not (abs(float(np.mean(weights))) < 0.0005 and 0.0097 < deviation < 0.0103 and 0.035 < beyond < 0.057):
        raise Feedback(
            say("rnn_weights_not_normal", name="Wax", mean=float(np.mean(weights)), deviation=deviation)
        )


@test_case(points=0.5)
def test_same_seed_same_parameters_other_seed_others(env):
    first = parameters_of(call(env, "initialize_parameters", 4, 3, 2, seed=7), 4, 3, 2)
    second = parameters_of(call(env, "initialize_parameters", 4, 3, 2, seed=7), 4, 3, 2)
    assert_same_draw(first, second, 7)
    other = parameters_of(call(env, "initialize_parameters", 4, 3, 2, seed=8), 4, 3, 2)
    for key in WEIGHTS:
        if np.array_equal(first[key], other[key]):
            raise Feedback(say("rnn_seeds_give_same", first=7, second=8, name=key))


@test_case(points=1, hidden=True)
def test_unseen_sizes_and_seeds(env):
    rng = hidden_rng("q2 unseen sizes and seeds")

    def sizes():
        return tuple(int(s) for s in rng.integers(2, 10, size=3))

    seeds = [int(s) for s in rng.choice(2**31, size=6, replace=False)]
    for (n_a, n_x, n_y), seed in zip([(1, 1, 1), sizes(), sizes()], seeds):
        what = f"initialize_parameters({n_a}, {n_x}, {n_y}, seed={seed})"
        parameters = parameters_of(
            call(env, "initialize_parameters", n_a, n_x, n_y, seed=seed), n_a, n_x, n_y, what=what
        )
        assert_zero_biases(parameters)
        assert_small_random_weights(parameters)
    n_a, n_x, n_y = sizes()  # the default seed is 0
    default = parameters_of(call(env, "initialize_parameters", n_a, n_x, n_y), n_a, n_x, n_y)
    assert_same_draw(
        default, parameters_of(call(env, "initialize_parameters", n_a, n_x, n_y, seed=0), n_a, n_x, n_y), 0
    )
    n_a, n_x, n_y = sizes()
    draws = {
        seed: parameters_of(call(env, "initialize_parameters", n_a, n_x, n_y, seed=seed), n_a, n_x, n_y)
        for seed in seeds[3:]
    }
    for first, second in [(seeds[3], seeds[4]), (seeds[3], seeds[5]), (seeds[4], seeds[5])]:
        for key in WEIGHTS:
            if np.array_equal(draws[first][key], draws[second][key]):
                raise Feedback(say("rnn_seeds_give_same", first=first, second=second, name=key))
