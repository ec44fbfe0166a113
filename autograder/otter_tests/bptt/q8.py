"""q8 · clip_by_global_norm: all arrays times max_norm / total when their joint L2 norm total > max_norm."""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    Feedback,
    assert_inputs_unchanged,
    assert_same,
    call,
    check_against_reference,
    say,
    to_array,
)
from rnncheck.rnn import random_gradients

OK_FORMAT = False
name = "q8"

# Joint norm sqrt(3**2 + 4**2 + 12**2) = 13.
GRADIENTS = {"dWaa": np.array([[3.0, 4.0]]), "dby": np.array([[12.0]])}


@test_case(points=1)
def test_all_arrays_scaled_by_one_factor(env):
    # 13 > 6.5: every array is halved.
    expected = {"dWaa": np.array([[1.5, 2.0]]), "dby": np.array([[6.0]])}
    assert_same(
        call(env, "clip_by_global_norm", GRADIENTS, 6.5), expected, "clip_by_global_norm(GRADIENTS, 6.5)"
    )


@test_case(points=0.5)
def test_gradients_below_max_norm_unchanged(env):
    assert_same(
        call(env, "clip_by_global_norm", GRADIENTS, 20.0), GRADIENTS, "clip_by_global_norm(GRADIENTS, 20.0)"
    )
    assert_inputs_unchanged(env, "clip_by_global_norm", GRADIENTS, 6.5)


@test_case(points=1, hidden=True)
def test_joint_norm_not_each_arrays_norm(env):
    rng = np.random.default_rng(8301)
    # Each array has norm 3 <= 4, but together sqrt(18) > 4: both must be scaled.
    check_against_reference(
        env,
        "clip_by_global_norm",
        {"dWax": np.array([[3.0, 0.0]]), "dWaa": np.array([[0.0], [3.0]])},
        4.0,
        what="clip_by_global_norm({dWax: [[3, 0]], dWaa: [[0], [3]]}, 4.0)",
    )
    usual = random_gradients(rng, 3, 2, 2, scale=2.0)  # n_a, n_x, n_y
    for max_norm in (1.0, 5.0, 7.5, 1e3):
        check_against_reference(
            env, "clip_by_global_norm", usual, max_norm, what=f"clip_by_global_norm(gradients, {max_norm:g})"
        )


@test_case(points=0.5, hidden=True)
def test_exploding_gradients_bounded(env):
    # Gradients of an exploding recurrence (rho = 1.5, 40 steps back): norm about 1e7.
    rng = np.random.default_rng(8302)
    exploding = {
        "dWaa": np.outer(1.5 ** np.arange(40)[-4:], rng.normal(size=4)),
        "dWax": rng.normal(size=(4, 3)) * 1.5**38,
        "dba": rng.normal(size=(4, 1)),
    }
    clipped = call(env, "clip_by_global_norm", exploding, 5.0)
    arrays = [
        to_array(
            clipped.get(key) if isinstance(clipped, dict) else clipped,
            f"clip_by_global_norm(exploding, 5.0)[{key!r}]",
            shape=value.shape,
        )
        for key, value in exploding.items()
    ]
    total = float(np.sqrt(sum(np.sum(array**2) for array in arrays)))
    if not total <= 5.0 * (1 + 1e-9):
        raise Feedback(say("bptt_norm_above_max", max_norm=5.0, total=total))
    check_against_reference(
        env, "clip_by_global_norm", exploding, 5.0, what="clip_by_global_norm(exploding, 5.0)"
    )
