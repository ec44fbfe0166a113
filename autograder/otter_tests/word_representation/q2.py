"""q2 · build_vocabulary: <UNK> 0, <EOS> 1, then words by descending count, ties in string order."""

from otter.test_files import test_case

from rnncheck import (
    assert_inputs_unchanged,
    assert_same,
    check_against_reference,
    hidden_rng,
)
from rnncheck.answers import answer, naming_mistake
from rnncheck.compare import hinted

OK_FORMAT = False
name = "q2"

SENTENCES = ["el gato y el perro", "El perro come", "un gato"]


@test_case(points=1)
def test_specials_then_counts_then_string_order(env):
    given = answer(env, "build_vocabulary", SENTENCES)
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
    with naming_mistake(given):  # ties ("come", "un", "y": once each) go in string order
        assert_same(given.value, expected, "build_vocabulary(SENTENCES)")


@test_case(points=0.5)
def test_every_appearance_counts(env):
    # "la" appears three times in one sentence: 3 counts, more than "casa"'s 2
    given = answer(env, "build_vocabulary", ["la la la casa", "casa verde"])
    with hinted("wr_hint_count_every_appearance"), naming_mistake(given):
        assert_same(
            given.value,
            {"<UNK>": 0, "<EOS>": 1, "la": 2, "casa": 3, "verde": 4},
            'build_vocabulary(["la la la casa", "casa verde"])',
        )


@test_case(points=1)
def test_min_count_and_max_size(env):
    kept = answer(env, "build_vocabulary", SENTENCES, min_count=2)
    with naming_mistake(kept):
        assert_same(
            kept.value,
            {"<UNK>": 0, "<EOS>": 1, "el": 2, "gato": 3, "perro": 4},
            "build_vocabulary(SENTENCES, min_count=2)",
        )
    capped = answer(env, "build_vocabulary", SENTENCES, max_size=4)
    with naming_mistake(capped):
        assert_same(
            capped.value,
            {"<UNK>": 0, "<EOS>": 1, "el": 2, "gato": 3},
            "build_vocabulary(SENTENCES, max_size=4)",
        )


@test_case(points=1, hidden=True)
def test_unseen_corpora(env):
    rng = hidden_rng("q2 unseen corpora")
    letters = "abcdefghijklmnopqrstuvwxyzáéíóúñü"  # Python's string order puts "á" after "z"
    words, size = [], int(rng.integers(6, 11))
    while len(words) < size:
        word = "".join(letters[i] for i in rng.integers(0, len(letters), size=int(rng.integers(1, 6))))
        if word not in words:
            words.append(word)
    # counts 1..4: with 6 or more words some counts tie; one word is seen exactly twice
    counts = [int(c) for c in rng.integers(1, 5, size=len(words))]
    counts[int(rng.integers(len(words)))] = 2
    tokens = [w for w, c in zip(words, counts) for _ in range(c)]
    while True:  # shuffled until two tied words first appear out of string order
        order = [tokens[i] for i in rng.permutation(len(tokens))]
        first = sorted(words, key=order.index)
        if any(
            counts[words.index(u)] == counts[words.index(v)] and u > v
            for i, u in enumerate(first)
            for v in first[i + 1 :]
        ):
            break
    cuts = sorted(int(i) + 1 for i in rng.choice(len(order) - 1, size=3, replace=False))
    separators = [" ", " ", " ", ", ", "; ", ": ", " - ", "_", "! ", "? ", "... "]
    corpus = []
    for start, stop in zip([0] + cuts, cuts + [len(order)]):
        shown = [
            w.capitalize() if rng.random() < 0.2 else w.upper() if rng.random() < 0.1 else w
            for w in order[start:stop]
        ]
        sentence = shown[0]
        for w in shown[1:]:
            sentence += separators[int(rng.integers(len(separators)))] + w
        corpus.append(sentence + (".", "", "!", "?")[int(rng.integers(4))])
    corpus.insert(int(rng.integers(len(corpus) + 1)), ("", "¡¿...?!", " - ")[int(rng.integers(3))])  # no word
    largest = max(counts)
    check_against_reference(env, "build_vocabulary", corpus, what="build_vocabulary(corpus)")
    for max_size in (2, int(rng.integers(3, len(words) + 2)), len(words) + 2 + int(rng.integers(0, 5))):
        check_against_reference(
            env,
            "build_vocabulary",
            corpus,
            max_size=max_size,
            what=f"build_vocabulary(corpus, max_size={max_size})",
        )
    for min_count in (2, int(rng.integers(2, largest + 1)), largest + 1 + int(rng.integers(0, 5))):
        check_against_reference(
            env,
            "build_vocabulary",
            corpus,
            min_count=min_count,
            what=f"build_vocabulary(corpus, min_count={min_count})",
        )
    max_size, min_count = int(rng.integers(3, len(words) + 1)), int(rng.integers(2, 4))
    check_against_reference(
        env,
        "build_vocabulary",
        corpus,
        max_size=max_size,
        min_count=min_count,
        what=f"build_vocabulary(corpus, max_size={max_size}, min_count={min_count})",
    )
    check_against_reference(env, "build_vocabulary", [], what="build_vocabulary([])")


@test_case(points=0.5, hidden=True)
def test_input_unchanged(env):
    rng = hidden_rng("q2 input unchanged")
    words = [
        "".join(chr(int(c)) for c in rng.integers(97, 123, size=int(rng.integers(2, 7)))) for _ in range(3)
    ]
    assert_inputs_unchanged(env, "build_vocabulary", [f"{words[0]} {words[1]}", f"{words[1]} {words[2]}"])
