"""q1 · relative_difference: ||g - n|| / (||g|| + ||n||), 0.0 when both gradients are zero."""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    assert_inputs_unchanged,
    assert_same,
    call,
    check_against_reference,
    hidden_rng,
    to_float,
)
from rnncheck.answers import answer, naming_mistake
from rnncheck.compare import hinted
from rnncheck.hidden import size

OK_FORMAT = False
name = "q1"


@test_case(points=1)
def test_known_values(env):
    # ||(3, -4)|| = 5, ||(3, 0)|| = 3 and ||(0, 4)|| = 4: 5 / (3 + 4).
    given = answer(env, "relative_difference", np.array([3.0, 0.0]), np.array([0.0, 4.0]))
    with naming_mistake(given):
        got = to_float(given.value, "relative_difference([3, 0], [0, 4])")
        assert_same(got, 5.0 / 7.0, "relative_difference([3, 0], [0, 4])")
    same = np.array([[1.0, -2.0], [0.5, 4.0]])
    got = call(env, "relative_difference", same, same.copy())
    assert_same(to_float(got, "relative_difference(g, g)"), 0.0, "relative_difference(g, g)")


@test_case(points=0.5)
def test_matrices_use_every_entry(env):
    # g - n = [[0, 0], [0, 2]]: with the L2 norm of all the entries 2 / (sqrt(2) + sqrt(2)),
    # with the spectral norm of the matrices 2 / (1 + 1)
    g, n = np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([[1.0, 0.0], [0.0, -1.0]])
    got = to_float(call(env, "relative_difference", g, n), "relative_difference(I, diag(1, -1))")
    with hinted("bptt_hint_all_entries"):
        assert_same(got, 1.0 / np.sqrt(2.0), "relative_difference(I, diag(1, -1))")


@test_case(points=0.5)
def test_both_zero_gives_zero(env):
    got = call(env, "relative_difference", np.zeros((2, 3)), np.zeros((2, 3)))
    with hinted("bptt_hint_both_zero"):
        assert_same(to_float(got, "relative_difference(0, 0)"), 0.0, "relative_difference(0, 0)")


@test_case(points=1, hidden=True)
def test_unseen_gradients(env):
    rng = hidden_rng("q1 unseen gradients")

    shape, column, block, square = (
        (size(rng, 2, 5), size(rng, 2, 4)),
        (size(rng, 2, 4), 1),
        (2, size(rng, 2, 4), 3),
        (size(rng, 1, 3),) * 2,
    )
    g = rng.normal(size=shape)
    small = [1e-6, 1e-5, 1e-4, 1e-3][size(rng, 0, 3)]
    large = [1e2, 1e3, 1e4][size(rng, 0, 2)]
    value = rng.normal(0.0, 3.0, (1, 1))
    pairs = [
        (g, g + 1e-7 * rng.normal(size=shape)),  # a right gradient: tiny difference
        (small * g, small * (g + 1e-7 * rng.normal(size=shape))),  # the same, much smaller
        (large * g, -large * g),  # opposite: 1
        (g, 2.0 * g),  # 1 / 3
        (np.zeros(column), rng.normal(size=column)),  # one of them zero: 1
        (rng.normal(size=block), rng.normal(size=block)),
        (value, value.copy()),  # equal: 0
        (np.zeros(square), np.zeros(square)),  # both zero: 0.0
    ]
    for grad, grad_approx in pairs:
        check_against_reference(
            env,
            "relative_difference",
            grad,
            grad_approx,
            what=f"relative_difference(grad {grad.shape}, grad_approx)",
        )


@test_case(points=0.5, hidden=True)
def test_inputs_unchanged(env):
    rng = hidden_rng("q1 inputs unchanged")
    shape = tuple(int(s) for s in rng.integers(1, 5, size=int(rng.integers(1, 3))))
    assert_inputs_unchanged(env, "relative_difference", rng.normal(size=shape), rng.normal(size=shape))
