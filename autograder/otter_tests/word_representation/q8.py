"""q8 · most_similar: the k closest words by cosine similarity, the word itself left out."""

import numpy as np
from otter.test_files import test_case

from rnncheck import assert_inputs_unchanged, assert_same, call, check_against_reference

OK_FORMAT = False
name = "q8"

WORDS = {"rey": 0, "reina": 1, "manzana": 2, "naranja": 3, "hombre": 4}
# columns: rey, reina, manzana, naranja, hombre; rows: genero, realeza, comida
E = np.array([[-1.0, 1.0, 0.0, 0.0, -1.0], [0.9, 0.95, 0.0, 0.05, 0.0], [0.0, 0.0, 1.0, 0.9, 0.1]])


@test_case(points=1)
def test_closest_words(env):
    assert_same(
        call(env, "most_similar", "manzana", E, WORDS, k=2),
        ["naranja", "hombre"],
        'most_similar("manzana", E, words, k=2)',
    )
    assert_same(
        call(env, "most_similar", "rey", E, WORDS, k=1), ["hombre"], 'most_similar("rey", E, words, k=1)'
    )


@test_case(points=1, hidden=True)
def test_unseen_tables_ties_and_large_k(env):
    rng = np.random.default_rng(808)
    words = {f"w{i}": i for i in range(9)}
    table = rng.normal(size=(4, 9))
    table[:, 5] = 2.0 * table[:, 2]  # w5 and w2 point the same way: a tie for everything else
    for word in ("w0", "w2", "w5", "w8"):
        for k in (1, 3, 20):
            check_against_reference(
                env, "most_similar", word, table, words, k=k, what=f"most_similar({word!r}, E, words, k={k})"
            )
    check_against_reference(env, "most_similar", "reina", E, WORDS, what='most_similar("reina", E, words)')


@test_case(points=0.5, hidden=True)
def test_inputs_unchanged(env):
    assert_inputs_unchanged(env, "most_similar", "rey", E.copy(), dict(WORDS), 2)
