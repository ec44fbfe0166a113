"""Tests of the reference's held-out evaluation in assignment 3, bptt: perplexity and early_stopping.

Expected values come from the tests' own loops over every character and every epoch, or are
small enough to work out by hand (a uniform model has perplexity n_y).
"""

import math
import runpy
from pathlib import Path

import numpy as np
import pytest

from solutions import bptt
from tests.solutions.numerics import assert_close, assert_leaves_arguments_unchanged

AGREEMENT = Path(__file__).parents[2] / "assignments" / "bptt" / "data" / "concordancia.csv"


def random_batches(rng, n_y, shapes):
    """Predicted probabilities and targets for batches of the given (m, T_x)."""
    y_preds, ys = [], []
    for m, T_x in shapes:
        weights = rng.uniform(0.05, 1.0, (n_y, m, T_x))
        y_preds.append(weights / weights.sum(axis=0, keepdims=True))
        ys.append(rng.integers(0, n_y, (m, T_x)))
    return y_preds, ys


def perplexity_by_loops(y_preds, ys):
    """exp of the mean, over every character of every batch, of -log of its probability."""
    logs = []
    for y_pred, y in zip(y_preds, ys):
        for i in range(y.shape[0]):
            for t in range(y.shape[1]):
                logs.append(-math.log(y_pred[y[i, t], i, t]))
    return math.exp(sum(logs) / len(logs))


@pytest.mark.parametrize(
    "shapes",
    [
        pytest.param([(3, 4)], id="one-batch"),
        pytest.param([(2, 3), (5, 7), (1, 2)], id="batches-of-different-sizes"),
        pytest.param([(1, 1)], id="one-character"),
    ],
)
def test_perplexity_matches_a_loop_over_every_character(shapes):
    y_preds, ys = random_batches(np.random.default_rng(0), 5, shapes)
    assert_close(bptt.perplexity(y_preds, ys), perplexity_by_loops(y_preds, ys))


@pytest.mark.parametrize("n_y", [2, 7, 31])
def test_perplexity_of_a_uniform_model_is_the_number_of_classes(n_y):
    y_preds = [np.full((n_y, 3, 4), 1.0 / n_y), np.full((n_y, 1, 9), 1.0 / n_y)]
    ys = [np.zeros((3, 4), dtype=int), np.ones((1, 9), dtype=int)]
    assert_close(bptt.perplexity(y_preds, ys), n_y)


def test_perplexity_of_a_sure_model_is_one():
    y_pred = np.zeros((3, 2, 2))
    y = np.array([[0, 2], [1, 1]])
    y_pred[y, np.arange(2)[:, None], np.arange(2)] = 1.0
    assert bptt.perplexity([y_pred], [y]) == 1.0


def test_perplexity_weighs_characters_not_names_nor_batches():
    # A long batch the model predicts well and a short one it predicts badly: a mean per batch
    # or per name gives the short batch more weight than its characters have.
    good = np.full((2, 1, 9), 0.1)
    good[0] = 0.9
    bad = np.full((2, 2, 1), 0.5)
    y_preds, ys = [good, bad], [np.zeros((1, 9), dtype=int), np.zeros((2, 1), dtype=int)]
    expected = math.exp(-(9 * math.log(0.9) + 2 * math.log(0.5)) / 11)
    assert_close(bptt.perplexity(y_preds, ys), expected)


@pytest.mark.parametrize(
    "y_preds, ys, match",
    [
        pytest.param([np.full((2, 1, 3), 0.5)], [], "batches", id="fewer-targets"),
        pytest.param([np.full((2, 1, 3), 0.5)], [np.zeros((1, 2), dtype=int)], "batch 0", id="shapes"),
        pytest.param(
            [np.full((2, 1, 3), 0.5)], [np.full((1, 3), 2)], "class indices", id="index-out-of-range"
        ),
        pytest.param(np.full((2, 1, 3), 0.5), np.zeros((1, 3), dtype=int), "lists", id="not-lists"),
        pytest.param([], [], "no characters", id="empty"),
    ],
)
def test_perplexity_rejects_bad_arguments(y_preds, ys, match):
    with pytest.raises(ValueError, match=match):
        bptt.perplexity(y_preds, ys)


def early_stopping_by_hand(validation, patience):
    """The best epoch so far and the stopping epoch, read one epoch at a time."""
    best, waited = 0, 0
    for epoch in range(1, len(validation)):
        if validation[epoch] < min(validation[:epoch]):
            best, waited = epoch, 0
        else:
            waited += 1
            if waited == patience:
                return best, epoch
    return best, len(validation) - 1


@pytest.mark.parametrize(
    "validation, patience, expected",
    [
        pytest.param([5.0, 4.0, 3.0, 3.5, 3.6, 3.7, 2.0], 3, (2, 5), id="stops-before-a-later-dip"),
        pytest.param([5.0, 4.0, 3.0, 3.5, 2.9, 3.7, 3.8], 2, (4, 6), id="a-new-best-resets-the-wait"),
        pytest.param([5.0, 4.0, 4.0, 4.0], 2, (1, 3), id="a-tie-is-no-improvement"),
        pytest.param([5.0, 4.0, 3.0], 1, (2, 2), id="never-stops-early"),
        pytest.param([5.0, 6.0], 1, (0, 1), id="worse-from-the-start"),
        pytest.param([5.0], 3, (0, 0), id="no-training"),
        pytest.param([5.0, 4.0, 4.5, 4.2, 4.4, 4.3], 3, (1, 4), id="not-measured-from-the-previous-epoch"),
    ],
)
def test_early_stopping_known_curves(validation, patience, expected):
    assert bptt.early_stopping(np.array(validation), patience) == expected
    assert early_stopping_by_hand(validation, patience) == expected


def test_early_stopping_matches_reading_epoch_by_epoch():
    rng = np.random.default_rng(1)
    for _ in range(200):
        curve = np.cumsum(rng.normal(0.0, 1.0, rng.integers(1, 30)))
        patience = int(rng.integers(1, 6))
        assert bptt.early_stopping(curve, patience) == early_stopping_by_hand(list(curve), patience)


@pytest.mark.parametrize("patience", [0, -1, 1.5, True])
def test_early_stopping_rejects_a_patience_that_is_not_a_positive_integer(patience):
    with pytest.raises(ValueError, match="patience"):
        bptt.early_stopping(np.array([3.0, 2.0]), patience)


def test_early_stopping_rejects_an_empty_curve():
    with pytest.raises(ValueError, match="validation"):
        bptt.early_stopping(np.array([]), 2)


def test_neither_modifies_its_arguments():
    y_preds, ys = random_batches(np.random.default_rng(2), 4, [(2, 3), (1, 5)])
    assert_leaves_arguments_unchanged(bptt.perplexity, y_preds, ys)
    assert_leaves_arguments_unchanged(bptt.early_stopping, np.array([3.0, 2.0, 2.5]), 1)


@pytest.mark.parametrize(
    "accuracies, expected",
    [
        pytest.param([[1.0, 1.0], [1.0, 0.96], [1.0, 0.5], [0.5, 0.5]], 3, id="one-seed-fails-at-6"),
        pytest.param(
            [[1.0, 1.0], [0.95, 0.95], [0.9, 1.0], [1.0, 1.0]], 3, id="a-later-success-does-not-count"
        ),
        pytest.param([[0.94, 1.0], [1.0, 1.0], [1.0, 1.0], [1.0, 1.0]], 0, id="fails-at-the-first"),
        pytest.param([[1.0, 1.0], [1.0, 1.0], [1.0, 1.0], [1.0, 1.0]], 10, id="learned-everywhere"),
    ],
)
def test_reliable_distance_known_tables(accuracies, expected):
    assert bptt.reliable_distance(np.array(accuracies), np.array([1, 3, 6, 10])) == expected


def test_reliable_distance_rejects_tables_that_do_not_match():
    with pytest.raises(ValueError, match="distances"):
        bptt.reliable_distance(np.ones((3, 2)), np.array([1, 2]))


def test_the_shipped_agreement_table_is_read_as_the_notebook_says():
    # make_agreement.py wrote it; the notebook's prose reads: learned by every seed up to d = 3.
    table = np.loadtxt(AGREEMENT, delimiter=",", skiprows=1)
    distances = np.unique(table[:, 0]).astype(int)
    accuracies = table[:, 2].reshape(len(distances), -1)
    assert list(distances) == [1, 3, 6, 10, 15, 20]
    assert bptt.reliable_distance(accuracies, distances) == 3
    assert np.all(accuracies[distances >= 15] < 0.6)  # chance, on every seed


def test_the_agreement_table_is_what_the_script_computes():
    # One cheap entry, recomputed: the table is the script's output, not numbers written by hand.
    script = runpy.run_path(str(AGREEMENT.parents[1] / "make_agreement.py"))
    table = np.loadtxt(AGREEMENT, delimiter=",", skiprows=1)
    assert script["agreement_accuracy"](1, 0) == pytest.approx(table[0, 2], abs=5e-4)
