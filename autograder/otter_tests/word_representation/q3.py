"""q3 · encode: word indices of a text, unknown words to <UNK>, <EOS> appended on request."""

import numpy as np
from otter.test_files import test_case

from rnncheck import assert_inputs_unchanged, assert_same, call, check_against_reference

OK_FORMAT = False
name = "q3"

VOCABULARY = {"<UNK>": 0, "<EOS>": 1, "las": 2, "encuestas": 3, "de": 4, "voto": 5}


@test_case(points=1)
def test_known_unknown_and_eos(env):
    indices = call(env, "encode", "Las encuestas de intención de voto", VOCABULARY)
    assert_same(indices, np.array([2, 3, 4, 0, 4, 5, 1]), 'encode("Las encuestas de intención de voto", ...)')


@test_case(points=0.5)
def test_without_eos(env):
    indices = call(env, "encode", "voto voto", VOCABULARY, add_eos=False)
    assert_same(indices, np.array([5, 5]), 'encode("voto voto", ..., add_eos=False)')


@test_case(points=1, hidden=True)
def test_unseen_texts(env):
    vocabulary = {"<EOS>": 1, "<UNK>": 0, "río": 2, "año": 3, "el": 4, "7": 5}
    for text in ["", "El río", "EL AÑO 7", "el_río, el año!", "nada conocido aquí"]:
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
    assert_inputs_unchanged(env, "encode", "las encuestas", dict(VOCABULARY))
