"""rnncheck.answers: answers recorded from the reference, replayed when grading."""

import json

import numpy as np
import pytest

from autograder.recorder import Recorder
from rnncheck import Feedback, answers, check_against_reference, reference


@pytest.mark.parametrize(
    "value",
    [np.arange(6.0).reshape(2, 3), np.array([1, 2], dtype=np.int64), (1.5, "a"), {"a": [1, None]}, 3, True],
    ids=["float-array", "int-array", "tuple", "dict", "int", "bool"],
)
def test_encode_decode_round_trip(value):
    decoded = answers.decode(json.loads(json.dumps(answers.encode(value))))
    if isinstance(value, np.ndarray):
        assert decoded.dtype == value.dtype
        np.testing.assert_array_equal(decoded, value)
    else:
        assert decoded == value and type(decoded) is type(value)


def test_answer_key_depends_on_name_values_and_dtype():
    base = answers.answer_key("f", (np.array([1.0, 2.0]),), {})
    assert base == answers.answer_key("f", (np.array([1.0, 2.0]),), {})
    assert base != answers.answer_key("g", (np.array([1.0, 2.0]),), {})
    assert base != answers.answer_key("f", (np.array([1.0, 2.5]),), {})
    assert base != answers.answer_key("f", (np.array([1, 2]),), {})
    assert base != answers.answer_key("f", (np.array([1.0, 2.0]),), {"k": 1})


@pytest.fixture
def recorded(tmp_path, monkeypatch):
    """Answers for double(x) recorded from a reference, with one catalogued mistake."""

    def double(x):
        return 2 * x

    def wrong(x):
        return x + 2

    recorder = Recorder({"double": double}, [("suma en vez de multiplicar", {"double": wrong})])
    with answers.recording(recorder):
        assert reference("double", np.array([1.0, 3.0])).tolist() == [2.0, 6.0]
    recorder.save(str(tmp_path / "answers" / "demo.json"))
    monkeypatch.setattr(answers, "ANSWERS_DIR", str(tmp_path / "answers"))
    monkeypatch.setattr(answers, "_answers", None)
    return tmp_path


def test_reference_replays_the_recorded_answer(recorded):
    np.testing.assert_array_equal(reference("double", np.array([1.0, 3.0])), [2.0, 6.0])


@pytest.mark.parametrize(
    ("language", "says"),
    [("en", "no recorded answer for double"), ("es", "no hay una respuesta registrada para double")],
)
def test_reference_without_a_recorded_answer_is_a_clear_failure(recorded, monkeypatch, language, says):
    monkeypatch.setenv("RNNCHECK_LANG", language)
    with pytest.raises(Feedback, match=says):
        reference("double", np.array([5.0]))


def test_check_against_reference_names_a_known_mistake(recorded):
    env = {"double": lambda x: x + 2}
    with pytest.raises(Feedback, match="Pista: tu resultado coincide con un error frecuente: suma en vez de"):
        check_against_reference(env, "double", np.array([1.0, 3.0]), what="y")


def test_check_against_reference_without_known_mistake_gives_the_plain_failure(recorded):
    with pytest.raises(Feedback) as caught:
        check_against_reference({"double": lambda x: 3 * x}, "double", np.array([1.0, 3.0]), what="y")
    assert "Pista" not in str(caught.value) and "y no coincide" in str(caught.value)


def test_check_against_reference_passes_the_right_answer(recorded):
    check_against_reference({"double": lambda x: x * 2.0}, "double", np.array([1.0, 3.0]))


# --- naming a mistake on a call that is not compared with the reference --------------------


@pytest.fixture
def observed(tmp_path, monkeypatch):
    """double(x) called through answers.answer while recording, with one catalogued mistake;
    the answers saved and read back as when grading. Returns the recorded argument."""
    monkeypatch.setenv("RNNCHECK_LANG", "es")
    x = np.array([1.0, 3.0])
    recorder = Recorder(
        {"double": lambda v: 2 * v},
        [
            (
                {"es": "suma en vez de multiplicar", "en": "adds instead of multiplying"},
                {"double": lambda v: v + 2},
            )
        ],
    )
    with answers.recording(recorder):
        given = answers.answer({"double": lambda v: 2 * v}, "double", x)
        assert given._replace(env=None) == answers.Answer("double", (x,), {}, given.value)
        np.testing.assert_array_equal(given.value, [2.0, 6.0])
        assert answers.likely_mistake(given) is None  # nothing to name while recording
    recorder.save(str(tmp_path / "answers" / "demo.json"))
    monkeypatch.setattr(answers, "ANSWERS_DIR", str(tmp_path / "answers"))
    monkeypatch.setattr(answers, "_answers", None)
    return x


def test_answer_calls_the_student_function_on_copies(observed):
    seen = []

    def student(v):
        seen.append(v)
        v += 1.0
        return v * 2

    given = answers.answer({"double": student}, "double", observed)
    assert seen[0] is not observed and observed.tolist() == [1.0, 3.0]
    assert given.name == "double" and given.args == (observed,) and given.kwargs == {}
    np.testing.assert_array_equal(given.value, [4.0, 8.0])


def test_likely_mistake_names_the_recorded_mistake_the_result_matches(observed, monkeypatch):
    given = answers.answer({"double": lambda v: v + 2}, "double", observed)
    assert answers.likely_mistake(given) == "suma en vez de multiplicar"
    monkeypatch.setenv("RNNCHECK_LANG", "en")
    assert answers.likely_mistake(given) == "adds instead of multiplying"


def test_likely_mistake_is_none_for_a_right_or_unknown_result(observed):
    assert answers.likely_mistake(answers.answer({"double": lambda v: 2 * v}, "double", observed)) is None
    assert answers.likely_mistake(answers.answer({"double": lambda v: 3 * v}, "double", observed)) is None


def test_likely_mistake_is_none_when_the_arguments_were_not_recorded(observed):
    # Arguments that differ only in their last bit are the recorded call (another machine's
    # rounding); others get no hint, and no failure.
    nearby = np.nextafter(observed, np.inf)
    hint = answers.likely_mistake(answers.answer({"double": lambda v: v + 2}, "double", nearby))
    assert hint == "suma en vez de multiplicar"
    assert answers.likely_mistake(answers.Answer("double", (np.array([5.0]),), {}, np.array([7.0]))) is None
    assert answers.likely_mistake(answers.Answer("other", (observed,), {}, observed + 2)) is None
    assert answers.likely_mistake(answers.Answer("double", (object(),), {}, None)) is None  # unrecordable


def test_naming_mistake_appends_the_hint_to_a_failure_on_a_known_mistake(observed):
    given = answers.answer({"double": lambda v: v + 2}, "double", observed)
    with pytest.raises(Feedback) as caught, answers.naming_mistake(given):
        raise Feedback("y no coincide")
    assert (
        str(caught.value)
        == "y no coincide Pista: tu resultado coincide con un error frecuente: suma en vez de multiplicar."
    )
    assert caught.value.mistake == "suma en vez de multiplicar"


def test_naming_mistake_leaves_other_failures_and_successes_alone(observed):
    unknown = answers.answer({"double": lambda v: 3 * v}, "double", observed)
    with pytest.raises(Feedback) as caught, answers.naming_mistake(unknown):
        raise Feedback("y no coincide")
    assert str(caught.value) == "y no coincide" and caught.value.mistake is None
    known = answers.answer({"double": lambda v: v + 2}, "double", observed)
    with pytest.raises(Feedback) as caught, answers.naming_mistake(known):
        raise Feedback("otra cosa", mistake="ya nombrado")
    assert str(caught.value) == "otra cosa" and caught.value.mistake == "ya nombrado"
    with answers.naming_mistake(known) as inside:
        assert inside is known
    with pytest.raises(ValueError), answers.naming_mistake(known):  # not a check's failure
        raise ValueError("boom")


def test_naming_mistake_on_arguments_not_recorded_gives_the_plain_failure(observed):
    given = answers.answer({"double": lambda v: v + 2}, "double", np.array([5.0]))
    with pytest.raises(Feedback) as caught, answers.naming_mistake(given):
        raise Feedback("y no coincide")
    assert str(caught.value) == "y no coincide" and caught.value.mistake is None


def test_a_generator_is_encoded_as_its_state_and_decoded_to_draw_the_same_numbers():
    rng = np.random.default_rng(11)
    decoded = answers.decode(json.loads(json.dumps(answers.encode(rng))))
    assert type(decoded) is np.random.Generator and decoded is not rng
    np.testing.assert_array_equal(decoded.random(5), rng.random(5))
    other = np.random.Generator(np.random.MT19937(3))  # a bit generator whose state holds an array
    again = answers.decode(json.loads(json.dumps(answers.encode(other))))
    np.testing.assert_array_equal(again.integers(0, 100, 5), other.integers(0, 100, 5))
    with pytest.raises(TypeError, match="bit generator"):
        answers.decode({"__generator__": "Generator", "state": {"__dict__": []}})


def test_the_answer_key_of_a_generator_is_that_of_its_state():
    key = answers.answer_key("sample", (np.random.default_rng(4),), {})
    assert key == answers.answer_key("sample", (np.random.default_rng(4),), {})
    assert key != answers.answer_key("sample", (np.random.default_rng(5),), {})
    used = np.random.default_rng(4)
    used.random()
    assert key != answers.answer_key("sample", (used,), {})


def test_reference_draws_from_its_own_copy_of_a_generator(tmp_path, monkeypatch):
    def sample(n, rng):
        return [int(i) for i in rng.integers(0, 10, n)]

    recorder = Recorder({"sample": sample}, [("siempre cero", {"sample": lambda n, rng: [0] * n})])
    rng = np.random.default_rng(8)
    with answers.recording(recorder):
        expected = reference("sample", 6, rng)
    assert expected == sample(6, np.random.default_rng(8))
    assert rng.bit_generator.state == np.random.default_rng(8).bit_generator.state  # not advanced
    recorder.save(str(tmp_path / "answers" / "demo.json"))
    monkeypatch.setattr(answers, "ANSWERS_DIR", str(tmp_path / "answers"))
    monkeypatch.setattr(answers, "_answers", None)
    assert check_against_reference({"sample": sample}, "sample", 6, np.random.default_rng(8)) == expected
    with pytest.raises(Feedback, match="siempre cero"):
        check_against_reference({"sample": lambda n, rng: [0] * n}, "sample", 6, np.random.default_rng(8))


def test_an_argument_that_differs_in_its_last_bits_finds_its_answer(recorded):
    # another machine's np.tanh may round the last bit otherwise: the answer is still found
    nudged = np.nextafter(np.array([1.0, 3.0]), np.inf)
    np.testing.assert_array_equal(reference("double", nudged), [2.0, 6.0])
    with pytest.raises(Feedback, match="no hay una respuesta registrada"):
        reference("double", np.array([1.0, 3.0 + 1e-6]))  # a different argument is not


def test_rounded_keys_of_nearby_numbers_share_a_grid():
    for value in [1.0, 0.0, 0.3, -2.5e-7, 123456.789, 2.0**-31, 0.5]:
        here = answers.rounded_keys("f", (np.array([value]),), {})
        for near in (np.nextafter(value, np.inf), np.nextafter(value, -np.inf)):
            assert set(here) & set(answers.rounded_keys("f", (np.array([near]),), {})), value
    far = answers.rounded_keys("f", (np.array([1.0 + 1e-6]),), {})
    assert not set(answers.rounded_keys("f", (np.array([1.0]),), {})) & set(far)


def test_two_calls_that_round_alike_keep_their_exact_answers_only(tmp_path, monkeypatch):
    recorder = Recorder({"double": lambda x: 2 * x})
    close = [np.array([1.0]), np.nextafter(np.array([1.0]), np.inf)]
    with answers.recording(recorder):
        for x in close:
            reference("double", x)
    recorder.save(str(tmp_path / "answers" / "demo.json"))
    saved = json.loads((tmp_path / "answers" / "demo.json").read_text())
    assert not [key for key in saved if key.startswith(answers.ROUNDED)]  # ambiguous: left out
    monkeypatch.setattr(answers, "ANSWERS_DIR", str(tmp_path / "answers"))
    monkeypatch.setattr(answers, "_answers", None)
    for x in close:
        np.testing.assert_array_equal(reference("double", x), 2 * x)


def test_a_cache_computed_with_another_tanh_finds_the_same_answer():
    # what another CPU's or numpy's tanh gives: the same numbers but for a few last bits
    z = np.random.default_rng(3).normal(0.0, 2.0, (5, 4, 6))
    ours, theirs = np.tanh(z), 1.0 - 2.0 / (np.exp(2.0 * z) + 1.0)
    assert not np.array_equal(ours, theirs) and np.allclose(ours, theirs, rtol=0, atol=1e-14)
    keys = answers.rounded_keys("rnn_backward", (ours,), {})
    assert answers.answer_key("rnn_backward", (ours,), {}) != answers.answer_key(
        "rnn_backward", (theirs,), {}
    )
    assert set(keys) & set(answers.rounded_keys("rnn_backward", (theirs,), {}))
