"""q1 · tokenize: lowercase, then the runs of letters and digits; accents and ñ kept."""

from otter.test_files import test_case

from rnncheck import assert_inputs_unchanged, assert_same, call, check_against_reference

OK_FORMAT = False
name = "q1"


@test_case(points=1)
def test_running_example(env):
    tokens = call(env, "tokenize", "López Obrador lidera las encuestas de intención de voto")
    expected = ["lópez", "obrador", "lidera", "las", "encuestas", "de", "intención", "de", "voto"]
    assert_same(tokens, expected, 'tokenize("López Obrador lidera ...")')


@test_case(points=1)
def test_punctuation_digits_and_underscore(env):
    tokens = call(env, "tokenize", "¡El niño_pequeño comió 3 manzanas, ¿y tú?")
    expected = ["el", "niño", "pequeño", "comió", "3", "manzanas", "y", "tú"]
    assert_same(tokens, expected, 'tokenize("¡El niño_pequeño comió 3 manzanas, ¿y tú?")')


@test_case(points=1, hidden=True)
def test_unseen_texts(env):
    texts = [
        "",
        "   ",
        "ÁRBOL Árbol árbol",
        "Año 2024: la Ñandú_voladora—¡llegó!",
        "e-mail: ana.pérez@correo.mx (¿válido?)",
        "über naïve façade 7x9",
    ]
    for text in texts:
        check_against_reference(env, "tokenize", text, what=f"tokenize({text!r})")


@test_case(points=0.5, hidden=True)
def test_input_unchanged_and_type(env):
    assert_inputs_unchanged(env, "tokenize", "Hola Mundo")
