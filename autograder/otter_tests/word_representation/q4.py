"""q4 · one_hot: (T,) -> (V, T) and (m, T) -> (V, m, T); an index outside [0, V) is a ValueError."""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    assert_close,
    assert_inputs_unchanged,
    assert_raises_value_error,
    call,
    check_against_reference,
    hidden_rng,
    to_array,
)
from rnncheck.hidden import size
from rnncheck.rnn_checks import float64_array

OK_FORMAT = False
name = "q4"


@test_case(points=1)
def test_sentence_of_three_words(env):
    vectors = call(env, "one_hot", np.array([2, 0, 2]), 4)
    vectors = float64_array(vectors, "one_hot([2, 0, 2], 4)", shape=(4, 3))  # the docstring says float64
    expected = np.array([[0.0, 1.0, 0.0], [0.0, 0.0, 0.0], [1.0, 0.0, 1.0], [0.0, 0.0, 0.0]])
    assert_close(vectors, expected, "one_hot([2, 0, 2], 4)")


@test_case(points=1)
def test_batch_shape_is_v_m_t(env):
    indices = np.array([[1, 0], [2, 2]])
    vectors = to_array(call(env, "one_hot", indices, 3), "one_hot(indices (2, 2), 3)", shape=(3, 2, 2))
    assert_close(vectors[:, 1, 0], np.array([0.0, 0.0, 1.0]), "one_hot(...)[:, 1, 0]")
    assert_close(vectors.sum(axis=0), np.ones((2, 2)), "one_hot(...).sum(axis=0)")


@test_case(points=1)
def test_index_out_of_range_is_value_error(env):
    # V = 4: the indices 4 (= V) and -1 are both outside [0, V)
    assert_raises_value_error(env, "one_hot", "one_hot([0, 4], 4)", np.array([0, 4]), 4)
    assert_raises_value_error(env, "one_hot", "one_hot([-1, 2], 4)", np.array([-1, 2]), 4)


@test_case(points=1, hidden=True)
def test_unseen_indices(env):
    rng = hidden_rng("q4 unseen indices")

    cases = [(np.zeros(size(rng, 1, 5), dtype=np.int64), 1)]  # V = 1: every index is 0
    v = size(rng, 2, 9)
    cases.append((np.array([v - 1]), v))  # the last word alone
    v = size(rng, 3, 9)
    cases.append((rng.integers(0, v, size=size(rng, 5, 12)), v))
    v = size(rng, 2, 9)
    cases.append((np.array([[v - 1]]), v))  # a batch of one sentence of one word
    v = size(rng, 3, 9)
    cases.append((rng.integers(0, v, size=(size(rng, 2, 4), size(rng, 3, 6))), v))
    cases.append((rng.integers(0, 2, size=(1, size(rng, 3, 6))), 2))
    for indices, vocab_size in cases:
        check_against_reference(
            env, "one_hot", indices, vocab_size, what=f"one_hot(indices {indices.shape}, {vocab_size})"
        )


@test_case(points=1, hidden=True)
def test_negative_index_and_unchanged_input(env):
    rng = hidden_rng("q4 invalid indices")
    v = int(rng.integers(2, 8))
    negative = rng.integers(0, v, size=int(rng.integers(2, 7)))
    negative[int(rng.integers(negative.size))] = -int(rng.integers(1, v + 1))
    assert_raises_value_error(env, "one_hot", f"one_hot({negative.tolist()}, {v})", negative, v)
    v = int(rng.integers(2, 8))
    too_large = rng.integers(0, v, size=(int(rng.integers(2, 4)), int(rng.integers(2, 5))))
    too_large[int(rng.integers(too_large.shape[0])), int(rng.integers(too_large.shape[1]))] = v + int(
        rng.integers(1, 10)
    )
    assert_raises_value_error(env, "one_hot", f"one_hot({too_large.tolist()}, {v})", too_large, v)
    v = int(rng.integers(2, 8))
    assert_inputs_unchanged(
        env, "one_hot", rng.integers(0, v, size=(int(rng.integers(2, 4)), int(rng.integers(2, 5)))), v
    )
