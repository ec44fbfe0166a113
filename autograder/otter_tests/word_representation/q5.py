"""q5 · embedding_lookup: the columns E[:, j] of the words, as E @ one_hot would give."""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    assert_close,
    assert_inputs_unchanged,
    call,
    check_against_reference,
    hidden_rng,
    to_array,
)
from rnncheck.answers import answer, naming_mistake
from rnncheck.rnn_checks import float64_array

OK_FORMAT = False
name = "q5"

E = np.array([[0.1, -0.2, 0.3, 0.4], [1.0, 2.0, -3.0, 0.5]])


@test_case(points=1)
def test_sentence_gives_columns(env):
    given = answer(env, "embedding_lookup", E, np.array([3, 1, 3]))
    with naming_mistake(given):
        out = to_array(given.value, "embedding_lookup(E, [3, 1, 3])", shape=(2, 3))
        expected = np.array([[0.4, -0.2, 0.4], [0.5, 2.0, 0.5]])
        assert_close(out, expected, "embedding_lookup(E, [3, 1, 3])")


@test_case(points=0.25)
def test_result_is_float64(env):
    # E @ one_hot gives float64 for a float64 E: a lookup must not lose precision on the way
    out = call(env, "embedding_lookup", E, np.array([0, 2]))
    float64_array(out, "embedding_lookup(E, [0, 2])", shape=(2, 2))


@test_case(points=0.5)
def test_batch_shape_is_ne_m_t(env):
    out = call(env, "embedding_lookup", E, np.array([[0, 1, 2], [2, 2, 3]]))
    to_array(out, "embedding_lookup(E, indices (2, 3))", shape=(2, 2, 3))


@test_case(points=1, hidden=True)
def test_unseen_tables(env):
    rng = hidden_rng("q5 unseen tables")
    n_e, vocab_size = int(rng.integers(2, 7)), int(rng.integers(3, 10))
    table = rng.normal(size=(n_e, vocab_size))
    for indices in (
        np.array([vocab_size - 1]),
        rng.integers(0, vocab_size, size=int(rng.integers(2, 9))),
        rng.integers(0, vocab_size, size=(1, 1)),
        rng.integers(0, vocab_size, size=(int(rng.integers(2, 5)), int(rng.integers(2, 5)))),
    ):
        check_against_reference(
            env,
            "embedding_lookup",
            table,
            indices,
            what=f"embedding_lookup(E {table.shape}, indices {indices.shape})",
        )


@test_case(points=0.5, hidden=True)
def test_inputs_unchanged(env):
    rng = hidden_rng("q5 inputs unchanged")
    indices = rng.integers(0, E.shape[1], size=(int(rng.integers(1, 4)), int(rng.integers(1, 5))))
    assert_inputs_unchanged(env, "embedding_lookup", E.copy(), indices)
