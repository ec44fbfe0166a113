"""q9 · complete_analogy: a is to b as c is to w, w = argmax cos(e_w, e_b - e_a + e_c) outside {a, b, c}."""

import numpy as np
from otter.test_files import test_case

from rnncheck import assert_inputs_unchanged, assert_same, call, check_against_reference

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
    answer = call(env, "complete_analogy", "hombre", "mujer", "rey", E, WORDS)
    assert_same(answer, "reina", 'complete_analogy("hombre", "mujer", "rey", E, words)')


@test_case(points=1, hidden=True)
def test_unseen_tables(env):
    rng = np.random.default_rng(909)
    words = {f"p{i}": i for i in range(10)}
    table = rng.normal(size=(5, 10))
    for a, b, c in [("p0", "p1", "p2"), ("p3", "p3", "p4"), ("p9", "p2", "p5"), ("p7", "p8", "p6")]:
        check_against_reference(
            env,
            "complete_analogy",
            a,
            b,
            c,
            table,
            words,
            what=f"complete_analogy({a!r}, {b!r}, {c!r}, E, words)",
        )
    tied = np.hstack([table, table[:, [6]], table[:, [6]]])  # p10 and p11 are copies of p6
    tied_words = dict(words, p10=10, p11=11)
    # with a = b the target is e_c itself: for c = p6 the copies p10 and p11 tie at similarity 1
    for a, b, c in [("p0", "p1", "p2"), ("p3", "p3", "p6"), ("p7", "p7", "p6")]:
        check_against_reference(
            env,
            "complete_analogy",
            a,
            b,
            c,
            tied,
            tied_words,
            what=f"complete_analogy({a!r}, {b!r}, {c!r}, E (ties), words)",
        )
    check_against_reference(
        env,
        "complete_analogy",
        "mujer",
        "hombre",
        "reina",
        E,
        WORDS,
        what='complete_analogy("mujer", "hombre", "reina", E, words)',
    )


@test_case(points=0.5, hidden=True)
def test_inputs_unchanged(env):
    assert_inputs_unchanged(env, "complete_analogy", "hombre", "mujer", "rey", E.copy(), dict(WORDS))
