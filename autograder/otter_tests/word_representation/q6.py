"""q6 · embedding_backward: dE (n_e, V); a word that appears several times accumulates."""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    assert_gradient,
    assert_inputs_unchanged,
    call,
    check_against_reference,
    numerical_gradient,
    recorded,
    to_array,
)

OK_FORMAT = False
name = "q6"

# Indices [2, 0, 2, 3] over V = 4 words; word 2 appears twice. ONE_HOT is their one-hot
# matrix (V, T) written out, so the forward E @ ONE_HOT needs no code of the student's.
INDICES = np.array([2, 0, 2, 3])
ONE_HOT = np.array([[0.0, 1.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0], [1.0, 0.0, 1.0, 0.0], [0.0, 0.0, 0.0, 1.0]])
E_AT = np.linspace(-1.0, 1.0, 12).reshape(3, 4)
D_OUT = np.array([[0.5, -1.0, 2.0, 0.25], [1.5, 0.0, -0.5, 3.0], [-2.0, 1.0, 1.0, 1.0]])


@test_case(points=1)
def test_shape(env):
    dE = call(env, "embedding_backward", D_OUT, INDICES, 4)
    to_array(dE, "dE", shape=(3, 4))


@test_case(points=1.5)
def test_numerical_gradient_with_repeated_index(env):
    dE = to_array(call(env, "embedding_backward", D_OUT, INDICES, 4), "dE", shape=(3, 4))
    # central differences of L(E) = sum(D_OUT * (E @ ONE_HOT)) at E = E_AT, computed when the
    # autograder was built and shipped as numbers
    numeric = recorded(
        "q6 numerical dE", lambda: numerical_gradient(lambda E: np.sum(D_OUT * (E @ ONE_HOT)), E_AT)
    )
    assert_gradient(dE, numeric, "dE")


@test_case(points=1.5, hidden=True)
def test_unseen_batches_with_repeats(env):
    rng = np.random.default_rng(606)
    cases = [
        (rng.normal(size=(2, 1)), np.array([3]), 5),
        (rng.normal(size=(3, 6)), np.array([1, 1, 1, 4, 1, 0]), 5),
        (rng.normal(size=(4, 2, 5)), rng.integers(0, 3, size=(2, 5)), 3),
        (rng.normal(size=(2, 1, 1)), np.array([[2]]), 4),
    ]
    for d_out, indices, size in cases:
        check_against_reference(
            env,
            "embedding_backward",
            d_out,
            indices,
            size,
            what=f"dE (d_out {d_out.shape}, indices {indices.shape})",
        )


@test_case(points=0.5, hidden=True)
def test_inputs_unchanged(env):
    assert_inputs_unchanged(env, "embedding_backward", D_OUT.copy(), INDICES.copy(), 4)
