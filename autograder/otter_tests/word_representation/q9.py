"""q9 · complete_analogy: a is to b as c is to w, w = argmax cos(e_w, e_b - e_a + e_c) outside {a, b, c}."""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    RANKING_MARGIN,
    Feedback,
    assert_inputs_unchanged,
    assert_same,
    call,
    check_against_reference,
    hidden_rng,
    say,
    to_str,
)
from rnncheck.answers import answer, naming_mistake
from rnncheck.compare import hinted

OK_FORMAT = False
name = "q9"

WORDS = {"hombre": 0, "mujer": 1, "rey": 2, "reina": 3, "manzana": 4}
# rows: genero, realeza, edad, comida
E = np.array(
    [
        [-1.0, 1.0, -0.95, 0.97, 0.0],
        [0.01, 0.02, 0.93, 0.95, -0.01],
        [0.03, 0.02, 0.7, 0.69, 0.03],
        [0.09, 0.01, 0.02, 0.01, 0.95],
    ]
)


@test_case(points=1)
def test_lecture_analogy(env):
    given = answer(env, "complete_analogy", "hombre", "mujer", "rey", E, WORDS)
    with naming_mistake(given):
        assert_same(given.value, "reina", 'complete_analogy("hombre", "mujer", "rey", E, words)')


@test_case(points=0.5)
def test_the_target_is_b_minus_a_plus_c(env):
    # man is to king as queen is to woman: cos(e_w, e_rey - e_hombre + e_reina) is largest for
    # "mujer", while cos(e_w - e_reina, e_rey - e_hombre) would pick "manzana"
    given = answer(env, "complete_analogy", "hombre", "rey", "reina", E, WORDS)
    with hinted("wr_hint_analogy_target"), naming_mistake(given):
        assert_same(given.value, "mujer", 'complete_analogy("hombre", "rey", "reina", E, words)')


@test_case(points=0.5)
def test_answer_is_none_of_a_b_c(env):
    # With a = b the target e_b - e_a + e_c is e_c itself, whose closest word is c: the answer
    # must still be another word.
    a, b, c = "rey", "rey", "hombre"
    answer = to_str(
        call(env, "complete_analogy", a, b, c, E, WORDS), f"complete_analogy({a!r}, {b!r}, {c!r}, E, words)"
    )
    if answer in (a, b, c):
        raise Feedback(say("wr_analogy_input_word", a=a, b=b, c=c, answer=answer))


# "soberana" has exactly the embedding of "reina", so the two tie; entries in 1/4 steps keep the
# similarities exact. The lower index wins: "reina".
WORDS_TIE = {"hombre": 0, "mujer": 1, "rey": 2, "reina": 3, "soberana": 4, "manzana": 5}
# rows: genero, realeza, comida
E_TIE = np.array(
    [
        [-1.0, 1.0, -1.0, 1.0, 1.0, 0.0],
        [0.0, 0.0, 1.0, 1.0, 1.0, -0.25],
        [0.25, 0.0, 0.0, 0.0, 0.0, 1.0],
    ]
)


@test_case(points=0.5)
def test_ties_go_to_the_lower_index(env):
    # Only the hints here: a word that is wrong for another reason can be "soberana" too.
    tied = call(env, "complete_analogy", "hombre", "mujer", "rey", E_TIE, WORDS_TIE)
    with hinted("wr_hint_analogy_tie"):
        assert_same(tied, "reina", 'complete_analogy("hombre", "mujer", "rey", E_TIE, WORDS_TIE)')
    # the same words listed in another order: the lower index still wins, not the first listed
    reversed_order = dict(sorted(WORDS_TIE.items(), key=lambda item: -item[1]))
    tied = call(env, "complete_analogy", "hombre", "mujer", "rey", E_TIE, reversed_order)
    with hinted("wr_hint_dictionary_order"):
        assert_same(
            tied,
            "reina",
            'complete_analogy("hombre", "mujer", "rey", E_TIE, WORDS_TIE in reverse order)',
        )


@test_case(points=1, hidden=True)
def test_unseen_tables(env):
    rng = hidden_rng("q9 unseen tables")
    size, n_e = int(rng.integers(8, 12)), int(rng.integers(3, 6))

    def best_is_clear(table, a, b, c, same=()):
        """The best candidate beats the next by RANKING_MARGIN (rnncheck.numerics) in similarity;
        the columns in `same`, scaled copies of one another, count as one candidate."""
        target = table[:, b] - table[:, a] + table[:, c]
        norms = np.linalg.norm(table, axis=0) * np.linalg.norm(target)
        if np.any(norms == 0.0):
            return False
        similarities = table.T @ target / norms
        candidates = [i for i in range(table.shape[1]) if i not in (a, b, c)]
        group = [i for i in candidates if i in same]
        kept = [i for i in candidates if i not in group[1:]]
        values = np.sort(similarities[kept])
        return values[-1] - values[-2] > RANKING_MARGIN

    def triple(distinct):
        a, b, c = (int(i) for i in rng.choice(size, size=3, replace=False))
        return (a, b, c) if distinct else (a, a, c)  # with a = b the target is e_c itself

    while True:
        # Multiples of 1/64: dot products are exact, so scaled copies tie exactly in any code.
        table = rng.integers(-128, 129, size=(n_e, size)) / 64.0
        norms = np.linalg.norm(table, axis=0)
        if np.any(norms == 0.0):
            continue
        cosines = np.abs(table.T @ table) / np.outer(norms, norms)
        if np.any(cosines[~np.eye(size, dtype=bool)] > 0.99):
            continue  # no two words (nearly) parallel: with a = b, c itself is the clear best
        plain = [triple(True), triple(False), triple(True), triple(True)]
        copied = int(rng.integers(size))
        scales = rng.choice([0.5, 1.0, 2.0, 4.0], size=2)
        tied = np.hstack([table, scales * table[:, [copied, copied]]])  # two scaled copies of one word
        others = [int(i) for i in rng.choice([i for i in range(size) if i != copied], size=3, replace=False)]
        # with a = b and c = the copied word, the copies tie for the best similarity
        ties = [triple(True), (others[0], others[0], copied), (others[1], others[1], copied)]
        same = (copied, size, size + 1)
        if all(best_is_clear(table, *t) for t in plain) and all(best_is_clear(tied, *t, same) for t in ties):
            break
    words = {f"p{i}": i for i in range(size)}
    tied_words = dict(words, **{f"p{size}": size, f"p{size + 1}": size + 1})
    for matrix, vocabulary, analogies, note in (
        (table, words, plain, ""),
        (tied, tied_words, ties, " (ties)"),
    ):
        for a, b, c in analogies:
            a, b, c = f"p{a}", f"p{b}", f"p{c}"
            check_against_reference(
                env,
                "complete_analogy",
                a,
                b,
                c,
                matrix,
                vocabulary,
                what=f"complete_analogy({a!r}, {b!r}, {c!r}, E{note}, words)",
            )
    lecture = list(WORDS)
    while True:
        a, b, c = (int(i) for i in rng.choice(len(lecture), size=3, replace=False))
        if best_is_clear(E, a, b, c):
            break
    a, b, c = lecture[a], lecture[b], lecture[c]
    check_against_reference(
        env,
        "complete_analogy",
        a,
        b,
        c,
        E,
        WORDS,
        what=f"complete_analogy({a!r}, {b!r}, {c!r}, E, words)",
    )


@test_case(points=0.5, hidden=True)
def test_inputs_unchanged(env):
    rng = hidden_rng("q9 inputs unchanged")
    a, b, c = (list(WORDS)[int(i)] for i in rng.choice(len(WORDS), size=3, replace=False))
    assert_inputs_unchanged(env, "complete_analogy", a, b, c, E.copy(), dict(WORDS))
