"""q8 · most_similar: the k closest words by cosine similarity, the word itself left out."""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    RANKING_MARGIN,
    assert_inputs_unchanged,
    assert_same,
    call,
    check_against_reference,
    hidden_rng,
)
from rnncheck.answers import answer, naming_mistake
from rnncheck.compare import hinted

OK_FORMAT = False
name = "q8"

WORDS = {"rey": 0, "reina": 1, "manzana": 2, "naranja": 3, "hombre": 4}
# columns: rey, reina, manzana, naranja, hombre; rows: genero, realeza, comida
E = np.array([[-1.0, 1.0, 0.0, 0.0, -1.0], [0.9, 0.95, 0.0, 0.05, 0.0], [0.0, 0.0, 1.0, 0.9, 0.1]])


@test_case(points=1)
def test_closest_words(env):
    given = answer(env, "most_similar", "manzana", E, WORDS, k=2)
    with naming_mistake(given):
        assert_same(given.value, ["naranja", "hombre"], 'most_similar("manzana", E, words, k=2)')
    given = answer(env, "most_similar", "rey", E, WORDS, k=1)
    with naming_mistake(given):
        assert_same(given.value, ["hombre"], 'most_similar("rey", E, words, k=1)')


# Lengths and ties: "tigre" is 4 times "gato" and "gatito" half of it, so both point exactly where
# "gato" points (similarity 1, a tie: the lower index first), however far they are; "coche" is long
# but points elsewhere. Halves and powers of 2 keep the two similarities exactly equal.
CATS = {"gato": 0, "tigre": 1, "gatito": 2, "coche": 3}
E_CATS = np.array([[2.0, 8.0, 1.0, 0.0], [1.0, 4.0, 0.5, 16.0]])


@test_case(points=0.5)
def test_length_does_not_matter_and_ties_go_to_the_lower_index(env):
    # Only the hint here: ranking by distance and reversing the ties both give ["gatito", ...].
    words = call(env, "most_similar", "gato", E_CATS, CATS, k=2)
    with hinted("wr_hint_length_and_ties"):
        assert_same(words, ["tigre", "gatito"], 'most_similar("gato", E_CATS, CATS, k=2)')


@test_case(points=0.5)
def test_the_queried_word_is_left_out_not_the_first_result(env):
    given = answer(env, "most_similar", "tigre", E_CATS, CATS, k=2)
    with hinted("wr_hint_query_left_out"), naming_mistake(given):
        assert_same(given.value, ["gato", "gatito"], 'most_similar("tigre", E_CATS, CATS, k=2)')


# "calor" points opposite to "frio"; "helado" close to it, "tibio" nearly orthogonal.
CONTRAST = {"frio": 0, "calor": 1, "helado": 2, "tibio": 3}
E_CONTRAST = np.array([[1.0, -1.0, 0.9, 0.2], [0.0, 0.1, 0.3, 1.0]])


@test_case(points=0.5)
def test_opposite_words_are_the_least_similar(env):
    given = answer(env, "most_similar", "frio", E_CONTRAST, CONTRAST, k=2)
    with hinted("wr_hint_opposite_direction"), naming_mistake(given):
        assert_same(given.value, ["helado", "tibio"], 'most_similar("frio", E_CONTRAST, CONTRAST, k=2)')


@test_case(points=1, hidden=True)
def test_unseen_tables_ties_and_large_k(env):
    rng = hidden_rng("q8 unseen tables")
    size, n_e = int(rng.integers(7, 12)), int(rng.integers(3, 6))
    words = {f"w{i}": i for i in range(size)}
    low, high = sorted(int(i) for i in rng.choice(size, size=2, replace=False))
    others = [
        int(i) for i in rng.choice([i for i in range(size) if i not in (low, high)], size=2, replace=False)
    ]
    queries = [low, high] + others

    def well_separated(table):
        """No zero column and, for every query, similarities at least RANKING_MARGIN apart
        (rnncheck.numerics), except the designed tie of low and high."""
        norms = np.linalg.norm(table, axis=0)
        if np.any(norms == 0.0):
            return False
        for j in queries:
            similarities = table.T @ table[:, j] / (norms * norms[j])
            kept = [i for i in range(size) if i != j and not (i == high and j != low)]
            values = np.sort(similarities[kept])
            if np.any(np.diff(values) < RANKING_MARGIN):
                return False
        return True

    while True:
        # Multiples of 1/64: every dot product is exact, so high = 2 or 4 times low ties with low
        # exactly whatever the order of the sums; low points towards the word others[0] so that
        # ranking by dot product puts high first.
        table = rng.integers(-128, 129, size=(n_e, size)) / 64.0
        if table[:, others[0]] @ table[:, low] < 0:
            table[:, low] *= -1.0
        table[:, high] = (2.0, 4.0)[int(rng.integers(2))] * table[:, low]
        if table[:, others[0]] @ table[:, low] > 0 and well_separated(table):
            break
    for j in queries:
        for k in (1, int(rng.integers(2, size - 1)), size + int(rng.integers(0, 10))):
            word = f"w{j}"
            check_against_reference(
                env, "most_similar", word, table, words, k=k, what=f"most_similar({word!r}, E, words, k={k})"
            )
    word = list(WORDS)[int(rng.integers(len(WORDS)))]
    check_against_reference(env, "most_similar", word, E, WORDS, what=f"most_similar({word!r}, E, words)")


@test_case(points=0.5, hidden=True)
def test_inputs_unchanged(env):
    rng = hidden_rng("q8 inputs unchanged")
    word = list(WORDS)[int(rng.integers(len(WORDS)))]
    assert_inputs_unchanged(env, "most_similar", word, E.copy(), dict(WORDS), int(rng.integers(1, 5)))
