"""q1 · tokenize: lowercase, then the runs of letters and digits; accents and ñ kept."""

from otter.test_files import test_case

from rnncheck import assert_inputs_unchanged, assert_same, check_against_reference, hidden_rng
from rnncheck.answers import answer, naming_mistake

OK_FORMAT = False
name = "q1"


def check_tokens(env, text, expected):
    """tokenize(text) must be expected; a failure names the catalogued mistake it matches."""
    given = answer(env, "tokenize", text)
    with naming_mistake(given):
        assert_same(given.value, expected, f"tokenize({text!r})")


@test_case(points=0.5)
def test_running_example(env):
    # Uppercase letters and accents: "López" is one token, "lópez".
    expected = ["lópez", "obrador", "lidera", "las", "encuestas", "de", "intención", "de", "voto"]
    check_tokens(env, "López Obrador lidera las encuestas de intención de voto", expected)


@test_case(points=0.5)
def test_punctuation_digits_and_underscore(env):
    # "¡", "¿", "," and "?" separate tokens and are dropped, "_" separates, "3" is a token.
    expected = ["el", "niño", "pequeño", "comió", "3", "manzanas", "y", "tú"]
    check_tokens(env, "¡El niño_pequeño comió 3 manzanas, ¿y tú?", expected)


@test_case(points=0.5)
def test_letters_of_any_alphabet(env):
    # Every letter is a letter, not only those of Spanish: ë, ç, ü, ř, ã.
    expected = ["zoë", "françois", "y", "el", "pingüino", "de", "dvořák", "en", "são", "paulo"]
    check_tokens(env, "Zoë, François y el PINGÜINO de Dvořák—¡en São Paulo!", expected)


@test_case(points=1, hidden=True)
def test_unseen_texts(env):
    rng = hidden_rng("q1 unseen texts")
    letters = "abcdefghijklmnopqrstuvwxyzáéíóúüñçàèöïãøłř"
    accented = "áéíóúüñçãøłř"
    separators = [" ", " ", " ", "  ", "\t", "\n", "_", "-", "—", ".", ",", ";", ":", "!", "¡", "?", "¿"]
    separators += ["(", ")", "@", "'", '"', "«", "»", "/", "…"]

    def pick(options):
        return options[int(rng.integers(len(options)))]

    def word():
        if rng.random() < 0.15:  # a number
            return "".join(pick("0123456789") for _ in range(int(rng.integers(1, 5))))
        text = "".join(pick(letters) for _ in range(int(rng.integers(1, 9))))
        if rng.random() < 0.1:  # letters and digits together, as in "7x9"
            text += pick("0123456789")
        return pick([text, text, text.capitalize(), text.upper()])

    def separator():
        text = pick(separators)
        return text + pick(separators) if rng.random() < 0.25 else text

    texts = ["", "".join(separator() for _ in range(int(rng.integers(1, 6))))]  # no word at all
    for _ in range(4):
        words = [word() for _ in range(int(rng.integers(2, 9)))]
        # every text has an uppercase accented word and two words joined by "_"
        words[int(rng.integers(len(words)))] = pick(letters) + pick(accented).upper() + pick(letters).upper()
        joints = [separator() for _ in range(len(words) - 1)]
        joints[int(rng.integers(len(joints)))] = "_"
        text = separator() if rng.random() < 0.3 else ""
        for i, w in enumerate(words):
            text += w + (joints[i] if i < len(joints) else "")
        texts.append(text + (separator() if rng.random() < 0.3 else ""))
    for text in texts:
        check_against_reference(env, "tokenize", text, what=f"tokenize({text!r})")


@test_case(points=0.5, hidden=True)
def test_input_unchanged_and_type(env):
    rng = hidden_rng("q1 input unchanged")
    letters = "abcdefghijklmnopqrstuvwxyzáéíóúñ"
    words = [
        "".join(letters[i] for i in rng.integers(0, len(letters), size=int(rng.integers(2, 8))))
        for _ in range(2)
    ]
    assert_inputs_unchanged(env, "tokenize", " ".join(w.capitalize() for w in words))
