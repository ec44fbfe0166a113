"""q7 · cosine_similarity: u.v / (||u|| ||v||) as a float, 0.0 when either vector is zero."""

import numpy as np
from otter.test_files import test_case

from rnncheck import assert_inputs_unchanged, assert_same, call, check_against_reference, hidden_rng, to_float
from rnncheck.answers import answer, naming_mistake
from rnncheck.compare import hinted

OK_FORMAT = False
name = "q7"


@test_case(points=1)
def test_small_vectors(env):
    u, v = np.array([1.0, 2.0, 2.0]), np.array([2.0, 0.0, 1.0])
    given = answer(env, "cosine_similarity", u, v)
    with naming_mistake(given):
        similarity = to_float(given.value, "cosine_similarity(u, v)")
        assert_same(similarity, 4.0 / (3.0 * np.sqrt(5.0)), "cosine_similarity([1, 2, 2], [2, 0, 1])")


@test_case(points=0.5)
def test_zero_vector_gives_zero(env):
    one_zero = call(env, "cosine_similarity", np.zeros(3), np.array([1.0, 2.0, 3.0]))
    # two zero vectors are equal, yet their cosine is 0.0 too (not 1: they point nowhere)
    both_zero = call(env, "cosine_similarity", np.zeros(3), np.zeros(3))
    with hinted("wr_hint_zero_vector"):
        assert_same(to_float(one_zero, "cosine_similarity(0, v)"), 0.0, "cosine_similarity(0, v)")
        assert_same(to_float(both_zero, "cosine_similarity(0, 0)"), 0.0, "cosine_similarity(0, 0)")


@test_case(points=0.75, hidden=True)
def test_unseen_vectors(env):
    rng = hidden_rng("q7 unseen vectors")
    n = int(rng.integers(2, 10))
    u = rng.normal(size=n)
    signs = rng.choice([-1.0, 1.0], size=2)
    pairs = [
        (u, rng.normal(size=n)),
        (u, rng.uniform(0.1, 10.0) * u),  # the same direction: 1
        (u, -rng.uniform(0.1, 10.0) * u),  # opposite directions: -1
        (signs[0] * rng.uniform(0.5, 5.0, size=1), signs[1] * rng.uniform(0.5, 5.0, size=1)),
        (10.0 ** -rng.uniform(2.0, 4.0) * u, 10.0 ** rng.uniform(2.0, 4.0) * rng.normal(size=n)),
    ]
    for a, b in pairs:
        check_against_reference(env, "cosine_similarity", a, b, what="cosine_similarity(u, v)")


@test_case(points=0.25, hidden=True)
def test_unseen_zero_vectors(env):
    # The edge case on its own: a cosine that divides by a zero norm loses these points only.
    rng = hidden_rng("q7 unseen zero vectors")
    zeros = np.zeros(int(rng.integers(1, 8)))
    other = rng.normal(size=zeros.size)
    for a, b in [(zeros, zeros.copy()), (other, zeros)]:
        check_against_reference(env, "cosine_similarity", a, b, what="cosine_similarity(u, v)")


@test_case(points=0.5, hidden=True)
def test_inputs_unchanged(env):
    rng = hidden_rng("q7 inputs unchanged")
    n = int(rng.integers(2, 6))
    assert_inputs_unchanged(env, "cosine_similarity", rng.normal(size=n), rng.normal(size=n))
