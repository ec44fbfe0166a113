"""q4 · one_hot: (T,) -> (V, T) and (m, T) -> (V, m, T); an index outside [0, V) is a ValueError."""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    assert_close,
    assert_inputs_unchanged,
    assert_raises_value_error,
    call,
    check_against_reference,
    to_array,
)

OK_FORMAT = False
name = "q4"


@test_case(points=1)
def test_sentence_of_three_words(env):
    vectors = to_array(call(env, "one_hot", np.array([2, 0, 2]), 4), "one_hot([2, 0, 2], 4)", shape=(4, 3))
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
    assert_raises_value_error(env, "one_hot", "un índice igual a V", np.array([0, 4]), 4)


@test_case(points=1, hidden=True)
def test_unseen_indices(env):
    rng = np.random.default_rng(404)
    cases = [
        (np.array([0]), 1),
        (np.array([3]), 5),
        (rng.integers(0, 7, size=9), 7),
        (np.array([[4]]), 5),
        (rng.integers(0, 6, size=(3, 5)), 6),
        (rng.integers(0, 2, size=(1, 4)), 2),
    ]
    for indices, size in cases:
        check_against_reference(
            env, "one_hot", indices, size, what=f"one_hot(indices {indices.shape}, {size})"
        )


@test_case(points=1, hidden=True)
def test_negative_index_and_unchanged_input(env):
    assert_raises_value_error(env, "one_hot", "un índice negativo", np.array([1, -1]), 3)
    assert_raises_value_error(env, "one_hot", "un índice mayor que V", np.array([[0, 1], [9, 2]]), 3)
    assert_inputs_unchanged(env, "one_hot", np.array([[0, 1], [2, 1]]), 3)
