"""q8 · clip_by_global_norm: all arrays times max_norm / total when their joint L2 norm total > max_norm."""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    ROUNDOFF_RTOL,
    Feedback,
    assert_inputs_unchanged,
    assert_same,
    call,
    check_against_reference,
    hidden_rng,
    say,
    to_array,
)
from rnncheck.answers import answer, naming_mistake
from rnncheck.compare import hinted
from rnncheck.hidden import size
from rnncheck.rnn_checks import random_gradients

OK_FORMAT = False
name = "q8"

# Joint norm sqrt(3**2 + 4**2 + 12**2) = 13.
GRADIENTS = {"dWaa": np.array([[3.0, 4.0]]), "dby": np.array([[12.0]])}


@test_case(points=1)
def test_all_arrays_scaled_by_one_factor(env):
    # 13 > 6.5: every array is halved.
    expected = {"dWaa": np.array([[1.5, 2.0]]), "dby": np.array([[6.0]])}
    given = answer(env, "clip_by_global_norm", GRADIENTS, 6.5)
    with naming_mistake(given):
        assert_same(given.value, expected, "clip_by_global_norm(GRADIENTS, 6.5)")


@test_case(points=0.5)
def test_matrices_count_every_entry(env):
    # dWaa = diag(3, 4): the L2 norm of its entries is 5, its spectral norm 4; 5 > 2.5 halves it
    gradients = {"dWaa": np.array([[3.0, 0.0], [0.0, 4.0]]), "dby": np.zeros((2, 1))}
    expected = {"dWaa": np.array([[1.5, 0.0], [0.0, 2.0]]), "dby": np.zeros((2, 1))}
    given = answer(env, "clip_by_global_norm", gradients, 2.5)
    with hinted("bptt_hint_all_entries"):
        with naming_mistake(given):
            assert_same(given.value, expected, "clip_by_global_norm({dWaa: diag(3, 4), dby: 0}, 2.5)")


@test_case(points=0.5)
def test_gradients_below_max_norm_unchanged(env):
    given = answer(env, "clip_by_global_norm", GRADIENTS, 20.0)
    with naming_mistake(given):
        assert_same(given.value, GRADIENTS, "clip_by_global_norm(GRADIENTS, 20.0)")
    assert_inputs_unchanged(env, "clip_by_global_norm", GRADIENTS, 6.5)


@test_case(points=1, hidden=True)
def test_joint_norm_not_each_arrays_norm(env):
    rng = hidden_rng("q8 joint norm")

    # Arrays of nonzero integers, each with norm below max_norm but together above it: all of
    # them must be scaled. Squared norms of integers are exact, so max_norm is sqrt(an integer
    # k) with every array's squared norm < k < the joint squared norm.
    keys = ["dWax", "dWaa", "dba", "dby"][: size(rng, 2, 3)]
    shapes = [(size(rng, 1, 3), size(rng, 2, 3)) for _ in keys]  # two entries or more: squared norm >= 2
    each = {
        key: (rng.integers(1, 4, shape) * rng.choice([-1, 1], shape)).astype(np.float64)
        for key, shape in zip(keys, shapes)
    }
    squares = [int(np.sum(value**2)) for value in each.values()]
    max_norm = float(np.sqrt(rng.integers(max(squares) + 1, sum(squares))))
    check_against_reference(
        env, "clip_by_global_norm", each, max_norm, what="clip_by_global_norm(gradients, max_norm)"
    )
    usual = random_gradients(
        rng, size(rng, 2, 5), size(rng, 2, 4), size(rng, 2, 4), scale=2.0
    )  # n_a, n_x, n_y
    total = float(np.sqrt(sum(np.sum(value**2) for value in usual.values())))
    shares = rng.uniform([0.05, 0.4, 0.7, 2.0], [0.2, 0.6, 0.95, 5.0])  # of the joint norm
    for share in shares:
        max_norm = round(float(share) * total, 2)  # below the joint norm, and once above it
        check_against_reference(
            env, "clip_by_global_norm", usual, max_norm, what=f"clip_by_global_norm(gradients, {max_norm:g})"
        )


@test_case(points=0.5, hidden=True)
def test_exploding_gradients_bounded(env):
    rng = hidden_rng("q8 exploding gradients")
    # Gradients of an exploding recurrence (rho about 1.5, some 40 steps back): norm 1e5 to 1e9.
    # Powers by repeated products, so that every machine computes the same inputs.
    n_a, n_x = int(rng.integers(3, 6)), int(rng.integers(2, 5))
    powers = np.cumprod(np.full(int(rng.integers(36, 45)), rng.uniform(1.4, 1.6)))
    exploding = {
        "dWaa": np.outer(powers[-n_a:], rng.normal(size=n_a)),
        "dWax": rng.normal(size=(n_a, n_x)) * powers[-3],
        "dba": rng.normal(size=(n_a, 1)),
    }
    max_norm = round(rng.uniform(1.0, 10.0), 1)
    what = f"clip_by_global_norm(gradients, {max_norm:g})"
    clipped = call(env, "clip_by_global_norm", exploding, max_norm)
    arrays = [
        to_array(
            clipped.get(key) if isinstance(clipped, dict) else clipped,
            f"{what}[{key!r}]",
            shape=value.shape,
        )
        for key, value in exploding.items()
    ]
    total = float(np.sqrt(sum(np.sum(array**2) for array in arrays)))
    if not total <= max_norm * (1 + ROUNDOFF_RTOL):  # scaled to max_norm, up to round-off
        raise Feedback(say("bptt_norm_above_max", max_norm=max_norm, total=total))
    check_against_reference(env, "clip_by_global_norm", exploding, max_norm, what=what)
