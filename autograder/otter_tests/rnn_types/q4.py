"""q4 · masked_cross_entropy: -log y_pred summed over each example's real steps, mean over the m examples.

The expected losses are written as the sums of logarithms they are (LOSS: the probabilities
picked at the real steps), so that a student can check them by hand; the build checks them
against the reference, which must pass every case.
"""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    Feedback,
    assert_inputs_unchanged,
    assert_same,
    call,
    check_against_reference,
    hidden_rng,
    matches,
    say,
    to_float,
)
from rnncheck.answers import answer, naming_mistake
from rnncheck.compare import hinted
from rnncheck.hidden import sequence_lengths, size

OK_FORMAT = False
name = "q4"

# n_y = 3 classes, m = 3 examples padded to T = 4 steps, lengths 4, 2 and 0, as
# many_to_many_forward gives them: each real column sums to 1, each padded column is 0.
Y_PRED = np.array(
    [
        [[0.7, 0.1, 0.25, 0.2], [0.5, 0.3, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]],
        [[0.2, 0.6, 0.25, 0.5], [0.3, 0.3, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]],
        [[0.1, 0.3, 0.5, 0.3], [0.2, 0.4, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]],
    ]
)
Y = np.array([[0, 1, 2, 1], [0, 2, 0, 0], [0, 0, 0, 0]])  # padded with 0
LENGTHS = np.array([4, 2, 0])
# picked: 0.7, 0.6, 0.5, 0.5 (example 0) and 0.5, 0.4 (example 1); example 2 adds 0 but counts in m
LOSS = -(np.log(0.7) + np.log(0.6) + np.log(0.5) + np.log(0.5) + np.log(0.5) + np.log(0.4)) / 3

# The same batch with something else at the padded steps: probabilities that are not 0, and
# labels that are no class at all.
OTHER_Y_PRED = Y_PRED.copy()
OTHER_Y_PRED[:, 1, 2:] = [[0.1, 0.6], [0.1, 0.2], [0.8, 0.2]]
OTHER_Y_PRED[:, 2, :] = [[0.3, 0.2, 0.5, 0.1], [0.3, 0.7, 0.25, 0.1], [0.4, 0.1, 0.25, 0.8]]
OTHER_Y = np.array([[0, 1, 2, 1], [0, 2, -1, 99], [-1, -1, 99, 2]])


def _finite(value, what):
    """A student's loss as a float; Feedback naming the mask when it is not finite."""
    loss = to_float(value, what)
    if not np.isfinite(loss):
        raise Feedback(say("types_loss_not_finite", value=loss))
    return loss


def _loss(env, y_pred, y, lengths, what):
    """The student's masked_cross_entropy(y_pred, y, lengths), finite (see _finite)."""
    return _finite(call(env, "masked_cross_entropy", y_pred, y, lengths), what)


@test_case(points=1.5)
def test_small_padded_batch(env):
    what = "masked_cross_entropy(y_pred, y, lengths=[4, 2, 0])"
    given = answer(env, "masked_cross_entropy", Y_PRED, Y, LENGTHS)
    with naming_mistake(given):
        assert_same(_finite(given.value, what), LOSS, what)


@test_case(points=1)
def test_whatever_the_padded_steps_hold_changes_nothing(env):
    what = "masked_cross_entropy(y_pred, y, lengths=[4, 2, 0])"
    given = answer(env, "masked_cross_entropy", OTHER_Y_PRED, Y, LENGTHS)
    with naming_mistake(given):
        loss = to_float(given.value, what)
        if not matches(loss, LOSS):
            raise Feedback(say("types_loss_padding_matters", change="y_pred"))
    try:
        loss = _loss(env, OTHER_Y_PRED, OTHER_Y, LENGTHS, what)
    except Feedback as failure:
        raise Feedback(f"{failure} {say('types_padding_labels')}") from None
    if not matches(loss, LOSS):
        raise Feedback(say("types_loss_padding_matters", change="y"))


@test_case(points=0.5)
def test_no_padding_one_step_and_only_padding(env):
    # lengths = T, the cross-entropy of assignment 3: example 1 adds 0.1 and 0.6 (its steps 3
    # and 4), example 2 picks 0.3, 0.2, 0.5, 0.1
    what = "masked_cross_entropy(y_pred, y, lengths=[4, 4, 4])"
    full = _loss(env, OTHER_Y_PRED, Y, np.array([4, 4, 4]), what)
    added = np.log(0.1) + np.log(0.6) + np.log(0.3) + np.log(0.2) + np.log(0.5) + np.log(0.1)
    with hinted("types_hint_sum_over_steps"):
        assert_same(full, LOSS - added / 3, what)
    what = "masked_cross_entropy(y_pred (2, 1, 1), [[1]], lengths=[1])"
    one = _loss(env, np.array([[[0.25]], [[0.75]]]), np.array([[1]]), np.array([1]), what)
    assert_same(one, -np.log(0.75), what)
    what = "masked_cross_entropy(zeros (3, 2, 4), y, lengths=[0, 0])"
    none = _loss(env, np.zeros((3, 2, 4)), np.full((2, 4), -1), np.array([0, 0]), what)
    assert_same(none, 0.0, what)


@test_case(points=1.5, hidden=True)
def test_unseen_padded_batches(env):
    rng = hidden_rng("q4 unseen padded batches")

    def drawn_lengths(m, T):  # among them T (no padding), 0 (no real step) and 1
        return sequence_lengths(rng, m, T, shortest=0, including=[T, 0, 1])

    cases = []  # n_y, m, T, lengths, what the padded steps hold
    m, T = size(rng, 4, 6), size(rng, 5, 8)
    cases.append((size(rng, 3, 6), m, T, drawn_lengths(m, T), "zeros"))
    m, T = size(rng, 4, 6), size(rng, 5, 8)
    cases.append((size(rng, 3, 6), m, T, drawn_lengths(m, T), "probabilities"))
    m, T = size(rng, 2, 4), size(rng, 3, 6)
    cases.append((size(rng, 2, 5), m, T, np.full(m, T), "zeros"))  # no padding
    T = size(rng, 3, 6)
    cases.append((size(rng, 2, 5), 1, T, np.array([size(rng, 1, T - 1)]), "zeros"))  # one example
    m = size(rng, 3, 5)  # one step: each example has it or not
    cases.append((size(rng, 2, 4), m, 1, rng.permutation(np.arange(m) % 2), "zeros"))
    m = size(rng, 2, 3)  # no example has a real step
    cases.append((size(rng, 2, 4), m, size(rng, 2, 4), np.zeros(m, dtype=np.int64), "probabilities"))
    m, T = size(rng, 3, 5), size(rng, 4, 6)
    cases.append((size(rng, 6, 9), m, T, drawn_lengths(m, T), "peaked"))  # tiny probabilities too
    for n_y, m, T, lengths, padding in cases:
        logits = rng.normal(0.0, 8.0 if padding == "peaked" else 1.5, (n_y, m, T))
        weights = np.exp(logits - logits.max(axis=0))
        y_pred = weights / weights.sum(axis=0)
        y = rng.integers(0, n_y, (m, T))
        padded = np.arange(T)[np.newaxis, :] >= lengths[:, np.newaxis]
        y[padded] = rng.integers(-3, n_y + 4, int(padded.sum()))  # padding labels: any int
        if padding == "zeros":
            y_pred[:, padded] = 0.0
        check_against_reference(
            env,
            "masked_cross_entropy",
            y_pred,
            y,
            lengths,
            what=f"masked_cross_entropy(y_pred {y_pred.shape}, y, lengths={lengths.tolist()})",
        )


@test_case(points=0.5, hidden=True)
def test_inputs_unchanged(env):
    rng = hidden_rng("q4 inputs unchanged")
    n_y, m, T = (int(s) for s in rng.integers(2, 5, size=3))
    weights = rng.uniform(0.1, 1.0, (n_y, m, T))
    lengths = rng.integers(0, T + 1, m)
    y = rng.integers(0, n_y, (m, T))
    assert_inputs_unchanged(env, "masked_cross_entropy", weights / weights.sum(axis=0), y, lengths)
