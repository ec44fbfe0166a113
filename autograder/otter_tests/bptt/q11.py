"""q11 · perplexity: exp of the mean, over every character of every batch, of -log y_pred[y, i, t].

The public numbers are small enough to check by hand: a uniform model's perplexity is n_y, and
the second case writes out the probability of each true character.
"""

import numpy as np
from otter.test_files import test_case

from rnncheck import assert_inputs_unchanged, assert_same, check_against_reference, hidden_rng, to_float
from rnncheck.answers import answer, naming_mistake
from rnncheck.hidden import size

OK_FORMAT = False
name = "q11"


def predictions(picked, y, n_y):
    """y_pred (n_y, m, T_x) whose true class y[i, t] has probability picked[i, t], the rest shared evenly."""
    picked, y = np.asarray(picked, dtype=np.float64), np.asarray(y)
    y_pred = np.repeat(((1.0 - picked) / (n_y - 1))[np.newaxis], n_y, axis=0)
    np.put_along_axis(y_pred, y[np.newaxis], picked[np.newaxis], axis=0)
    return y_pred


def perplexity_of(env, y_preds, ys, what, expected):
    given = answer(env, "perplexity", y_preds, ys)
    with naming_mistake(given):
        assert_same(to_float(given.value, what), expected, what)


@test_case(points=0.5)
def test_uniform_model_has_perplexity_n_y(env):
    # Every column gives 1/4 to each of the 4 classes: -log(1/4) per character, exp(log 4) = 4.
    y_preds = [np.full((4, 2, 3), 0.25), np.full((4, 1, 5), 0.25)]
    ys = [np.array([[0, 1, 2], [3, 0, 0]]), np.array([[1, 1, 2, 3, 0]])]
    perplexity_of(env, y_preds, ys, "perplexity(uniform over 4 classes)", 4.0)


@test_case(points=1)
def test_batches_of_different_sizes(env):
    # Batch 0: one name of 4 letters and its end (T_x = 5); batch 1: two names of one letter and
    # the end (m = 2, T_x = 2). N = 5 + 4 = 9 characters, the last step of each name its end.
    picked_0 = np.array([[0.5, 0.8, 0.9, 0.9, 0.6]])
    picked_1 = np.array([[0.2, 0.5], [0.25, 0.1]])
    y_0, y_1 = np.array([[1, 2, 0, 2, 0]]), np.array([[2, 0], [1, 0]])
    y_preds = [predictions(picked_0, y_0, 3), predictions(picked_1, y_1, 3)]
    expected = np.exp(-(np.sum(np.log(picked_0)) + np.sum(np.log(picked_1))) / 9)
    perplexity_of(env, y_preds, [y_0, y_1], "perplexity(two batches, 9 characters)", float(expected))
    assert_inputs_unchanged(env, "perplexity", y_preds, [y_0, y_1])


@test_case(points=1, hidden=True)
def test_unseen_batches(env):
    rng = hidden_rng("q11 unseen batches")
    for _ in range(4):
        n_y = size(rng, 3, 8)
        shapes = [(size(rng, 1, 5), size(rng, 1, 7)) for _ in range(size(rng, 1, 4))]
        y_preds, ys = [], []
        for m, T_x in shapes:
            weights = rng.standard_exponential((n_y, m, T_x)) + 0.05
            y_preds.append(weights / weights.sum(axis=0, keepdims=True))
            ys.append(rng.integers(0, n_y, (m, T_x)))
        what = f"perplexity({len(shapes)} batches (m, T_x) = {shapes})"
        check_against_reference(env, "perplexity", y_preds, ys, what=what)


@test_case(points=0.5, hidden=True)
def test_one_character(env):
    # A single character predicted with probability 0.2: perplexity 1 / 0.2 = 5.
    perplexity_of(env, [predictions([[0.2]], [[1]], 3)], [np.array([[1]])], "perplexity(one character)", 5.0)
