"""q2 · build_vocabulary: <UNK> 0, <EOS> 1, then words by descending count, ties in string order."""

from otter.test_files import test_case

from rnncheck import assert_inputs_unchanged, assert_same, call, check_against_reference

OK_FORMAT = False
name = "q2"

SENTENCES = ["el gato y el perro", "El perro come", "un gato"]


@test_case(points=1)
def test_specials_then_counts_then_string_order(env):
    vocabulary = call(env, "build_vocabulary", SENTENCES)
    expected = {
        "<UNK>": 0,
        "<EOS>": 1,
        "el": 2,
        "gato": 3,
        "perro": 4,
        "come": 5,
        "un": 6,
        "y": 7,
    }
    assert_same(vocabulary, expected, "build_vocabulary(SENTENCES)")


@test_case(points=1)
def test_min_count_and_max_size(env):
    kept = call(env, "build_vocabulary", SENTENCES, min_count=2)
    assert_same(
        kept,
        {"<UNK>": 0, "<EOS>": 1, "el": 2, "gato": 3, "perro": 4},
        "build_vocabulary(SENTENCES, min_count=2)",
    )
    capped = call(env, "build_vocabulary", SENTENCES, max_size=4)
    assert_same(
        capped, {"<UNK>": 0, "<EOS>": 1, "el": 2, "gato": 3}, "build_vocabulary(SENTENCES, max_size=4)"
    )


@test_case(points=1, hidden=True)
def test_unseen_corpora(env):
    corpus = [
        "La niña lee. La niña escribe; el niño lee.",
        "Árbol, árbol y ÁRBOL: tres veces árbol",
        "b a c b a c d",
        "zeta alfa zeta alfa beta",
    ]
    check_against_reference(env, "build_vocabulary", corpus, what="build_vocabulary(corpus)")
    for max_size in (2, 3, 6):
        check_against_reference(
            env,
            "build_vocabulary",
            corpus,
            max_size=max_size,
            what=f"build_vocabulary(corpus, max_size={max_size})",
        )
    for min_count in (2, 3, 10):
        check_against_reference(
            env,
            "build_vocabulary",
            corpus,
            min_count=min_count,
            what=f"build_vocabulary(corpus, min_count={min_count})",
        )
    check_against_reference(
        env,
        "build_vocabulary",
        corpus,
        max_size=5,
        min_count=2,
        what="build_vocabulary(corpus, max_size=5, min_count=2)",
    )
    check_against_reference(env, "build_vocabulary", [], what="build_vocabulary([])")


@test_case(points=0.5, hidden=True)
def test_input_unchanged(env):
    assert_inputs_unchanged(env, "build_vocabulary", ["uno dos", "dos tres"])
