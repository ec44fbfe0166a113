"""q1 · softmax: over axis 0, every column a probability distribution; stable for logits of 1000.

Expected values are the reference's, recorded at build time (rnncheck.reference); the logits
are written out so that a student can work the columns by hand.
"""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    Feedback,
    assert_close,
    assert_inputs_unchanged,
    call,
    check_against_reference,
    hidden_rng,
    reference,
    say,
)
from rnncheck.hidden import size
from rnncheck.rnn_checks import assert_columns_sum_to_one, float64_array

OK_FORMAT = False
name = "q1"


@test_case(points=1)
def test_three_classes_two_examples(env):
    z = np.array([[1.0, 2.0], [2.0, 4.0], [3.0, 0.0]])
    s = float64_array(call(env, "softmax", z), "softmax(z)", (3, 2))
    assert_columns_sum_to_one(s, "softmax(z)")
    # Column 0 is softmax([1, 2, 3]), column 1 softmax([2, 4, 0]).
    assert_close(s, reference("softmax", z), "softmax(z)")


@test_case(points=1)
def test_columns_are_distributions(env):
    z = np.linspace(-3.0, 4.0, 20).reshape(4, 5) ** 2 / 4.0
    s = float64_array(call(env, "softmax", z), "softmax(z (4, 5))", (4, 5))
    assert_columns_sum_to_one(s, "softmax(z (4, 5))")
    single = float64_array(call(env, "softmax", z[:, 2:3]), "softmax(z[:, 2:3])", (4, 1))
    assert_close(single[:, 0], s[:, 2], "softmax(z[:, 2:3]) [m = 1]")


@test_case(points=1)
def test_large_logits_stay_finite(env):
    z = np.array([[1000.0, -1000.0, 1000.0], [999.0, -1001.0, 0.0], [998.0, -1000.0, -1000.0]])
    what = "softmax([[1000, -1000, 1000], [999, -1001, 0], [998, -1000, -1000]])"
    s = float64_array(call(env, "softmax", z), what, (3, 3))
    bad = ~np.isfinite(s)
    if bad.any():
        where = tuple(int(i) for i in np.argwhere(bad)[0])
        shown = "NaN" if np.isnan(s[where]) else "inf"
        raise Feedback(say("rnn_softmax_unstable", what=what, bad=shown, where=list(where)))
    assert_columns_sum_to_one(s, what)
    # Only differences of logits matter: the columns are softmax([0, -1, -2]), softmax([0, -1, 0])
    # and softmax([0, -1000, -2000]) (each column's maximum subtracted; its minimum would overflow).
    assert_close(s, reference("softmax", z), what)


@test_case(points=0.25)
def test_input_unchanged(env):
    # Columns whose maximum is not 0: z -= z.max(axis=0) would change every one of them.
    assert_inputs_unchanged(env, "softmax", np.array([[1.0, -2.0, 0.5], [3.0, 0.5, -1.0], [-1.0, 2.0, 4.0]]))


@test_case(points=1, hidden=True)
def test_unseen_logits(env):
    rng = hidden_rng("q1 unseen logits")
    cases = [
        rng.normal(0.0, 2.0, (size(rng, 3, 6), size(rng, 2, 5))),
        rng.normal(0.0, 2.0, (size(rng, 2, 6), 1)),
        rng.normal(0.0, 2.0, (1, size(rng, 2, 5))),
        rng.normal(0.0, 2.0, (size(rng, 2, 4), size(rng, 2, 3), size(rng, 2, 5))),
    ]
    for z in cases:
        check_against_reference(env, "softmax", z, what=f"softmax(z {z.shape})")


@test_case(points=0.5, hidden=True)
def test_unseen_extreme_logits(env):
    # Stability on its own case: a softmax that overflows loses these points only.
    rng = hidden_rng("q1 unseen extreme logits")

    # Columns near +1000 and near -1000 in one matrix: exp overflows unless each column's own
    # maximum is subtracted, and subtracting one global maximum underflows a column to 0 / 0.
    n = size(rng, 3, 6)
    near_high = rng.uniform(800.0, 1200.0) + rng.normal(0.0, 2.0, n)
    near_low = -rng.uniform(800.0, 1200.0) + rng.normal(0.0, 2.0, n)
    spread = rng.uniform(800.0, 1200.0, n) * rng.choice([-1.0, 0.0, 1.0], n)  # e.g. [1000, -1000, 0]
    spread[int(rng.integers(n))] = rng.uniform(800.0, 1200.0)
    tiny = rng.normal(0.0, 1e-3, n)  # nearly uniform
    tied = np.full(n, -rng.uniform(300.0, 700.0))
    tied[rng.choice(n, size=2, replace=False)] = -tied[0]  # two equal largest logits
    extreme = np.stack([near_high, near_low, spread, tiny, tied], axis=1)[:, rng.permutation(5)]
    check_against_reference(env, "softmax", extreme, what=f"softmax(z {extreme.shape}, logits near ±1000)")


@test_case(points=0.25, hidden=True)
def test_unseen_input_unchanged(env):
    rng = hidden_rng("q1 input unchanged")
    assert_inputs_unchanged(
        env, "softmax", rng.normal(0.0, 3.0, (int(rng.integers(2, 5)), int(rng.integers(2, 5))))
    )
