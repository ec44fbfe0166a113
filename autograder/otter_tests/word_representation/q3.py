"""q3 · encode: word indices of a text, unknown words to <UNK>, <EOS> appended on request."""

import numpy as np
from otter.test_files import test_case

from rnncheck import assert_inputs_unchanged, assert_same, check_against_reference, hidden_rng
from rnncheck.answers import answer, naming_mistake

OK_FORMAT = False
name = "q3"

VOCABULARY = {"<UNK>": 0, "<EOS>": 1, "las": 2, "encuestas": 3, "de": 4, "voto": 5}


@test_case(points=1)
def test_known_unknown_and_eos(env):
    given = answer(env, "encode", "Las encuestas de intención de voto", VOCABULARY)
    with naming_mistake(given):
        assert_same(
            given.value, np.array([2, 3, 4, 0, 4, 5, 1]), 'encode("Las encuestas de intención de voto", ...)'
        )


@test_case(points=0.5)
def test_without_eos(env):
    given = answer(env, "encode", "voto voto", VOCABULARY, add_eos=False)
    with naming_mistake(given):
        assert_same(given.value, np.array([5, 5]), 'encode("voto voto", ..., add_eos=False)')


@test_case(points=1, hidden=True)
def test_unseen_texts(env):
    rng = hidden_rng("q3 unseen texts")
    letters = "abcdefghijklmnopqrstuvwxyzáéíóúñ"

    def new_words(count, taken):
        found = []
        while len(found) < count:
            word = "".join(letters[i] for i in rng.integers(0, len(letters), size=int(rng.integers(1, 6))))
            if rng.random() < 0.15:
                word = str(int(rng.integers(0, 100)))  # a number is a word too
            if word not in taken and word not in found:
                found.append(word)
        return found

    known = new_words(int(rng.integers(3, 7)), [])
    unknown = new_words(4, known)
    # <UNK> 0 and <EOS> 1 as build_vocabulary gives them, the other words in any order; the dict
    # itself in a random insertion order
    entries = [("<UNK>", 0), ("<EOS>", 1)] + [
        (w, int(i) + 2) for w, i in zip(known, rng.permutation(len(known)))
    ]
    vocabulary = {entries[i][0]: entries[i][1] for i in rng.permutation(len(entries))}
    separators = [" ", " ", " ", "  ", ", ", "_", "! ", "¿", "-", ". "]

    def text_of(words):
        shown = [
            w.upper() if rng.random() < 0.2 else w.capitalize() if rng.random() < 0.2 else w for w in words
        ]
        text = shown[0] if shown else ""
        for w in shown[1:]:
            text += separators[int(rng.integers(len(separators)))] + w
        return text + ("", "!", ".", "?")[int(rng.integers(4))]

    mixed = [known[int(i)] for i in rng.integers(0, len(known), size=int(rng.integers(3, 7)))]
    mixed.insert(int(rng.integers(len(mixed) + 1)), unknown[0])
    texts = [
        "",
        text_of([known[int(i)] for i in rng.integers(0, len(known), size=int(rng.integers(1, 4)))]),
        text_of(mixed),
        text_of([known[0], unknown[1]] if rng.random() < 0.5 else [unknown[1], known[0]]),
        text_of(unknown[2:]),  # nothing known
    ]
    for text in texts:
        for add_eos in (True, False):
            check_against_reference(
                env,
                "encode",
                text,
                vocabulary,
                add_eos=add_eos,
                what=f"encode({text!r}, ..., add_eos={add_eos})",
            )


@test_case(points=0.5, hidden=True)
def test_input_unchanged(env):
    rng = hidden_rng("q3 input unchanged")
    words = [w for w in VOCABULARY if not w.startswith("<")] + ["intención", "hoy"]
    text = " ".join(words[int(i)] for i in rng.integers(0, len(words), size=int(rng.integers(2, 6))))
    assert_inputs_unchanged(env, "encode", text, dict(VOCABULARY))
