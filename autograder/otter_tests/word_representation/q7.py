"""q7 · cosine_similarity: u.v / (||u|| ||v||) as a float, 0.0 when either vector is zero."""

import numpy as np
from otter.test_files import test_case

from rnncheck import assert_inputs_unchanged, assert_same, call, check_against_reference, to_float

OK_FORMAT = False
name = "q7"


@test_case(points=1)
def test_small_vectors(env):
    u, v = np.array([1.0, 2.0, 2.0]), np.array([2.0, 0.0, 1.0])
    similarity = to_float(call(env, "cosine_similarity", u, v), "cosine_similarity(u, v)")
    assert_same(similarity, 4.0 / (3.0 * np.sqrt(5.0)), "cosine_similarity([1, 2, 2], [2, 0, 1])")


@test_case(points=0.5)
def test_zero_vector_gives_zero(env):
    similarity = call(env, "cosine_similarity", np.zeros(3), np.array([1.0, 2.0, 3.0]))
    assert_same(to_float(similarity, "cosine_similarity(0, v)"), 0.0, "cosine_similarity(0, v)")


@test_case(points=1, hidden=True)
def test_unseen_vectors(env):
    rng = np.random.default_rng(707)
    u = rng.normal(size=6)
    pairs = [
        (u, rng.normal(size=6)),
        (u, 3.0 * u),
        (u, -u),
        (np.array([2.0]), np.array([-5.0])),
        (np.zeros(4), np.zeros(4)),
        (1e-3 * u, 1e3 * rng.normal(size=6)),
    ]
    for a, b in pairs:
        check_against_reference(env, "cosine_similarity", a, b, what="cosine_similarity(u, v)")


@test_case(points=0.5, hidden=True)
def test_inputs_unchanged(env):
    assert_inputs_unchanged(env, "cosine_similarity", np.array([1.0, 2.0]), np.array([3.0, -1.0]))
