"""q12 · early_stopping: the best epoch so far and the epoch at which patience runs out.

The public curves are short enough to read by hand; each public case says what it reads.
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
    say,
)
from rnncheck.answers import answer, naming_mistake
from rnncheck.hidden import size
from rnncheck.rnn_checks import entries_of, tuple_of

OK_FORMAT = False
name = "q12"


def as_epoch(value, what):
    """value as an int epoch (a numpy integer too); anything else fails."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise Feedback(say("wrong_type", what=what, expected="int", kind=type(value).__name__))
    return int(value)


def epochs_of(env, curve, patience, expected):
    what = f"early_stopping({list(curve)}, patience={patience})"
    given = answer(env, "early_stopping", np.array(curve), patience)
    with naming_mistake(given):
        best, stop = entries_of(given.value, what, ("best", "stop"))
        assert_same((as_epoch(best, f"{what}[0]"), as_epoch(stop, f"{what}[1]")), expected, what)


@test_case(points=1)
def test_stops_before_a_later_dip(env):
    # Best 3.0 at epoch 2; epochs 3, 4, 5 do not go below it: with patience 3, stop at 5 and keep
    # epoch 2. The 2.0 of epoch 6 comes after stopping: it is never seen.
    epochs_of(env, [5.0, 4.0, 3.0, 3.5, 3.6, 3.7, 2.0], 3, (2, 5))


@test_case(points=0.5)
def test_the_wait_counts_from_the_best_not_from_the_previous_epoch(env):
    # Best 4.0 at epoch 1. Epoch 3 (4.2) is below epoch 2 (4.5) but not below the best: with
    # patience 3, stop at epoch 4 and keep epoch 1.
    epochs_of(env, [5.0, 4.0, 4.5, 4.2, 4.4, 4.3], 3, (1, 4))


@test_case(points=0.5)
def test_stops_exactly_patience_epochs_after_the_best(env):
    # Best 4.0 at epoch 1, then worse and worse: with patience 2, stop at epoch 1 + 2 = 3.
    epochs_of(env, [5.0, 4.0, 4.5, 4.6, 4.7, 4.8], 2, (1, 3))


@test_case(points=0.5)
def test_a_tie_is_no_new_best(env):
    # 4.0 again at epochs 2 and 3 does not improve on epoch 1: with patience 2, stop at 3, keep 1.
    epochs_of(env, [5.0, 4.0, 4.0, 4.0], 2, (1, 3))


@test_case(points=0.5)
def test_never_stops_early(env):
    # Always better: the last epoch is both the best and where training ends.
    epochs_of(env, [5.0, 4.0, 3.0], 1, (2, 2))
    assert_inputs_unchanged(env, "early_stopping", np.array([5.0, 4.0, 3.0]), 1)


@test_case(points=0.5)
def test_returns_a_tuple(env):
    result = call(env, "early_stopping", np.array([3.0, 2.0, 2.5]), 1)
    tuple_of(result, "early_stopping([3.0, 2.0, 2.5], 1)", ("best", "stop"))


@test_case(points=1, hidden=True)
def test_unseen_curves(env):
    rng = hidden_rng("q12 unseen curves")
    for _ in range(6):
        epochs = size(rng, 8, 40)
        # A noisy curve that falls, then rises: the shape of a validation perplexity.
        trend = 12.0 - 4.0 * np.minimum(np.arange(epochs + 1), epochs // 2) / (epochs // 2)
        trend += 3.0 * np.maximum(np.arange(epochs + 1) - epochs // 2, 0) / epochs
        curve = np.round(trend + rng.normal(0.0, 0.4, epochs + 1), 2)
        patience = size(rng, 1, 6)
        check_against_reference(
            env, "early_stopping", curve, patience, what=f"early_stopping(curve, {patience})"
        )


@test_case(points=0.5, hidden=True)
def test_no_epoch_trained(env):
    epochs_of(env, [7.5], 2, (0, 0))
