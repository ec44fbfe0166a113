"""rnncheck.compare: strict conversion, and failures that say what, where and by how much."""

import numpy as np
import pytest

from rnncheck import (
    Feedback,
    assert_changes,
    assert_close,
    assert_no_change,
    assert_same,
    to_array,
    to_float,
    to_str_list,
)
from rnncheck.compare import matches


class Pretender(np.ndarray):
    """An ndarray subclass that claims to equal anything."""

    def __eq__(self, other):
        return True


class ArrayLike:
    def __array__(self, dtype=None, copy=None):
        return np.zeros(3)


@pytest.mark.parametrize(
    "value",
    [[1.0, 2.0], (1.0,), ArrayLike(), np.zeros(3).view(Pretender), "abc", None],
    ids=["list", "tuple", "array-like", "subclass", "str", "none"],
)
def test_to_array_accepts_only_real_ndarrays(value):
    with pytest.raises(Feedback, match="numpy.ndarray"):
        to_array(value, "a_next")


def test_to_array_checks_the_shape_and_copies():
    value = np.arange(6.0).reshape(2, 3)
    with pytest.raises(Feedback, match=r"a_next debería tener forma \(3, 2\), pero tiene forma \(2, 3\)"):
        to_array(value, "a_next", shape=(3, 2))
    converted = to_array(value, "a_next", shape=(2, 3))
    assert converted.dtype == np.float64 and converted is not value


def test_to_array_rejects_object_and_complex_arrays():
    with pytest.raises(Feedback, match="dtype"):
        to_array(np.array([1 + 2j]), "y")
    with pytest.raises(Feedback, match="dtype"):
        to_array(np.array(["a"], dtype=object), "y")


def test_assert_close_names_the_largest_error_and_its_position():
    expected = np.zeros((2, 3))
    actual = expected.copy()
    actual[1, 2] = 0.5
    actual[0, 0] = 0.1
    with pytest.raises(Feedback) as caught:
        assert_close(actual, expected, "dW")
    message = str(caught.value)
    assert "dW" in message and "[1, 2]" in message and "0.5" in message


def test_assert_close_reports_nan():
    with pytest.raises(Feedback, match=r"NaN en la posición \[1\]"):
        assert_close(np.array([0.0, np.nan]), np.zeros(2), "y")


def test_assert_close_tolerates_rounding():
    expected = np.linspace(0, 1, 7)
    assert_close(expected * (1 + 1e-12), expected, "y")


def test_to_float_accepts_numbers_and_rejects_others():
    assert to_float(np.float64(0.5), "s") == 0.5
    assert to_float(np.array(0.25), "s") == 0.25
    for bad in ([0.5], "0.5", True, None):
        with pytest.raises(Feedback):
            to_float(bad, "s")


def test_to_str_list_rejects_tuples_and_non_strings():
    assert to_str_list(["a", "b"], "tokens") == ["a", "b"]
    with pytest.raises(Feedback):
        to_str_list(("a",), "tokens")
    with pytest.raises(Feedback):
        to_str_list(["a", 1], "tokens")


def test_assert_same_walks_tuples_and_dicts_and_names_the_part():
    expected = (np.ones(2), {"dWax": np.zeros((2, 2)), "dba": np.ones((2, 1))})
    assert_same((np.ones(2), {"dWax": np.zeros((2, 2)), "dba": np.ones((2, 1))}), expected, "out")
    with pytest.raises(Feedback, match=r"out\[1\]\['dba'\]"):
        assert_same((np.ones(2), {"dWax": np.zeros((2, 2)), "dba": np.zeros((2, 1))}), expected, "out")
    with pytest.raises(Feedback, match="claves"):
        assert_same((np.ones(2), {"dWax": np.zeros((2, 2))}), expected, "out")


def test_assert_same_compares_integer_arrays_exactly_and_lists_by_item():
    with pytest.raises(Feedback, match=r"primera diferencia está en la posición \[2\]"):
        assert_same(np.array([1, 2, 4]), np.array([1, 2, 3]), "indices")
    with pytest.raises(Feedback, match=r"\[1\]"):
        assert_same(["a", "c"], ["a", "b"], "tokens")
    assert matches({"<UNK>": 0}, {"<UNK>": 0}) and not matches({"<UNK>": 1}, {"<UNK>": 0})


def test_assert_same_recurses_into_lists_of_tuples_of_arrays():
    caches = ([(np.ones(2), np.zeros(2))], np.ones(3))
    assert_same(([(np.ones(2), np.zeros(2))], np.ones(3)), caches, "caches")
    with pytest.raises(Feedback, match=r"caches\[0\]\[0\]\[1\]"):
        assert_same(([(np.ones(2), np.ones(2))], np.ones(3)), caches, "caches")


def test_assert_changes_fails_only_when_the_outputs_agree_up_to_reordered_sums():
    before = np.array([[0.5, -0.25], [1.0, 2.0]])
    assert assert_changes(before, before + 1e-3, "no cambió") is None
    with pytest.raises(Feedback, match="^no cambió$"):
        assert_changes(before, before * (1 + 1e-10), "no cambió")


def test_assert_no_change_allows_round_off_only():
    before = np.array([[0.5, -0.25], [1.0, 2.0]])
    assert assert_no_change(before, before * (1 + 1e-15), "cambió") is None
    with pytest.raises(Feedback, match="^cambió$"):
        assert_no_change(before, before * (1 + 1e-9), "cambió")
