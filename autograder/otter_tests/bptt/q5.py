"""q5 · relative_difference: ||g - n|| / (||g|| + ||n||), 0.0 when both gradients are zero."""

import numpy as np
from otter.test_files import test_case

from rnncheck import assert_inputs_unchanged, assert_same, call, check_against_reference, to_float

OK_FORMAT = False
name = "q5"


@test_case(points=1)
def test_known_values(env):
    # ||(3, -4)|| = 5, ||(3, 0)|| = 3 and ||(0, 4)|| = 4: 5 / (3 + 4).
    got = call(env, "relative_difference", np.array([3.0, 0.0]), np.array([0.0, 4.0]))
    assert_same(
        to_float(got, "relative_difference([3, 0], [0, 4])"), 5.0 / 7.0, "relative_difference([3, 0], [0, 4])"
    )
    same = np.array([[1.0, -2.0], [0.5, 4.0]])
    got = call(env, "relative_difference", same, same.copy())
    assert_same(to_float(got, "relative_difference(g, g)"), 0.0, "relative_difference(g, g)")


@test_case(points=0.5)
def test_both_zero_gives_zero(env):
    got = call(env, "relative_difference", np.zeros((2, 3)), np.zeros((2, 3)))
    assert_same(to_float(got, "relative_difference(0, 0)"), 0.0, "relative_difference(0, 0)")


@test_case(points=1, hidden=True)
def test_unseen_gradients(env):
    rng = np.random.default_rng(5301)
    g = rng.normal(size=(4, 3))
    pairs = [
        (g, g + 1e-7 * rng.normal(size=(4, 3))),  # a right gradient: tiny difference
        (1e-4 * g, 1e-4 * (g + 1e-7 * rng.normal(size=(4, 3)))),  # the same, 1e4 times smaller
        (1e3 * g, -1e3 * g),  # opposite: 1
        (g, 2.0 * g),  # 1 / 3
        (np.zeros((3, 1)), rng.normal(size=(3, 1))),  # one of them zero: 1
        (rng.normal(size=(2, 3, 4)), rng.normal(size=(2, 3, 4))),
        (np.array([[2.5]]), np.array([[2.5]])),
        (np.zeros((2, 2)), np.zeros((2, 2))),  # both zero: 0.0
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
    assert_inputs_unchanged(
        env, "relative_difference", np.array([1.0, -2.0, 3.0]), np.array([1.5, -2.0, 2.0])
    )
