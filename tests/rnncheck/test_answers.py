"""rnncheck.answers: answers recorded from the reference, replayed when grading."""

import json

import numpy as np
import pytest

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

    recorder = answers.Recorder({"double": double}, [("suma en vez de multiplicar", {"double": wrong})])
    with answers.recording(recorder):
        assert reference("double", np.array([1.0, 3.0])).tolist() == [2.0, 6.0]
    recorder.save(str(tmp_path / "answers" / "demo.json"))
    monkeypatch.setattr(answers, "ANSWERS_DIR", str(tmp_path / "answers"))
    monkeypatch.setattr(answers, "_answers", None)
    return tmp_path


def test_reference_replays_the_recorded_answer(recorded):
    np.testing.assert_array_equal(reference("double", np.array([1.0, 3.0])), [2.0, 6.0])


def test_reference_without_a_recorded_answer_is_a_clear_failure(recorded):
    with pytest.raises(Feedback, match="no recorded answer for double"):
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
