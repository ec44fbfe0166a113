"""q6 · embedding_backward: dE (n_e, V); a word that appears several times accumulates."""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    assert_gradient,
    assert_inputs_unchanged,
    call,
    central_differences,
    check_against_reference,
    hidden_rng,
    recorded,
    to_array,
)
from rnncheck.answers import answer, naming_mistake
from rnncheck.hidden import size

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
    given = answer(env, "embedding_backward", D_OUT, INDICES, 4)
    dE = to_array(given.value, "dE", shape=(3, 4))
    # central differences of L(E) = sum(D_OUT * (E @ ONE_HOT)) at E = E_AT, computed when the
    # autograder was built and shipped as numbers
    numeric = recorded(
        "q6 numerical dE", lambda: central_differences(lambda E: np.sum(D_OUT * (E @ ONE_HOT)), E_AT)
    )
    with naming_mistake(given):
        assert_gradient(dE, numeric, "dE")


@test_case(points=1.5, hidden=True)
def test_unseen_batches_with_repeats(env):
    rng = hidden_rng("q6 unseen batches")

    cases = []
    v = size(rng, 2, 6)
    cases.append((rng.normal(size=(size(rng, 1, 4), 1)), rng.integers(0, v, size=1), v))  # one word
    v, t = size(rng, 3, 6), size(rng, 4, 8)
    indices = rng.integers(0, v, size=t)
    again = rng.choice(t, size=3, replace=False)
    indices[again] = indices[again[0]]  # one word three times (at least)
    cases.append((rng.normal(size=(size(rng, 2, 4), t)), indices, v))
    v = size(rng, 2, 4)  # fewer words than positions: the batch repeats words
    indices = rng.integers(0, v, size=(size(rng, 2, 3), size(rng, 3, 5)))
    cases.append((rng.normal(size=(size(rng, 2, 5),) + indices.shape), indices, v))
    v = size(rng, 2, 6)
    cases.append((rng.normal(size=(size(rng, 1, 3), 1, 1)), rng.integers(0, v, size=(1, 1)), v))
    for d_out, indices, vocab_size in cases:
        check_against_reference(
            env,
            "embedding_backward",
            d_out,
            indices,
            vocab_size,
            what=f"dE (d_out {d_out.shape}, indices {indices.shape})",
        )


@test_case(points=0.5, hidden=True)
def test_inputs_unchanged(env):
    rng = hidden_rng("q6 inputs unchanged")
    vocab_size, t = int(rng.integers(2, 6)), int(rng.integers(3, 7))
    indices = rng.integers(0, vocab_size, size=t)
    indices[1] = indices[0]
    d_out = rng.normal(size=(int(rng.integers(2, 5)), t))
    assert_inputs_unchanged(env, "embedding_backward", d_out, indices, vocab_size)
