"""rnncheck.rnn_checks and rnncheck.rnn_examples: the input builders, checks and fixed inputs shared
by the RNN assignments' tests."""

import numpy as np
import pytest

from autograder.recorder import Recorder
from rnncheck import Feedback, answers, say
from rnncheck.rnn_checks import (
    array_dict,
    assert_columns_sum_to_one,
    assert_examples_independent,
    assert_gradients,
    float64_array,
    parameter_central_differences,
    parameter_shapes,
    random_gradients,
    random_parameters,
    tuple_of,
    with_entry,
)
from rnncheck.rnn_examples import padded_batch_x2_m3_t4, parameters_x2_a3_y2, parameters_x3_a2_y3


@pytest.fixture(autouse=True)
def spanish(monkeypatch):
    monkeypatch.setenv("RNNCHECK_LANG", "es")


def test_parameter_shapes_are_the_contracts_in_order():
    assert parameter_shapes(4, 3, 2) == {
        "Wax": (4, 3),
        "Waa": (4, 4),
        "Wya": (2, 4),
        "ba": (4, 1),
        "by": (2, 1),
    }
    assert list(parameter_shapes(1, 1, 1)) == ["Wax", "Waa", "Wya", "ba", "by"]


def test_random_parameters_draws_what_the_written_out_dicts_drew():
    # The dicts the tests used to write out, entry by entry: both spellings of a scaled normal.
    rng = np.random.default_rng(303)
    written = {
        "Wax": rng.normal(0.0, 0.7, (3, 4)),
        "Waa": rng.normal(0.0, 0.7, (3, 3)),
        "Wya": rng.normal(0.0, 0.7, (5, 3)),
        "ba": rng.normal(0.0, 0.5, (3, 1)),
        "by": rng.normal(0.0, 0.5, (5, 1)),
    }
    drawn = random_parameters(np.random.default_rng(303), 3, 4, 5, scale=0.7, ba=0.5, by=0.5)
    assert list(drawn) == list(written)
    for key in written:
        assert drawn[key].dtype == np.float64 and np.array_equal(drawn[key], written[key]), key
    rng = np.random.default_rng(1101)
    written = [
        10.0 * rng.standard_normal((2, 3)),
        rng.standard_normal((2, 2)),
        10.0 * rng.standard_normal((4, 2)),
    ]
    drawn = random_parameters(np.random.default_rng(1101), 2, 3, 4, Wax=10.0, Wya=10.0)
    for key, value in zip(["Wax", "Waa", "Wya"], written):
        assert np.array_equal(drawn[key], value), key


def test_random_parameters_uses_the_generator_it_gets():
    rng = np.random.default_rng(7)
    first, second = random_parameters(rng, 2, 2, 2), random_parameters(rng, 2, 2, 2)
    assert not np.array_equal(first["Wax"], second["Wax"])
    again = random_parameters(np.random.default_rng(7), 2, 2, 2)
    assert all(np.array_equal(first[key], again[key]) for key in first)


def test_random_parameters_refuses_a_scale_for_an_unknown_entry():
    with pytest.raises(TypeError, match="Wy"):
        random_parameters(np.random.default_rng(0), 2, 2, 2, Wy=2.0)
    with pytest.raises(TypeError, match="Wax"):
        random_gradients(np.random.default_rng(0), 2, 2, 2, Wax=2.0)  # gradients are named dWax


def test_random_gradients_are_named_d_and_drawn_like_the_parameters():
    gradients = random_gradients(np.random.default_rng(9), 3, 2, 4, scale=3.0, dby=50.0)
    parameters = random_parameters(np.random.default_rng(9), 3, 2, 4, scale=3.0, by=50.0)
    assert list(gradients) == ["dWax", "dWaa", "dWya", "dba", "dby"]
    for key, value in parameters.items():
        assert np.array_equal(gradients["d" + key], value), key


def test_with_entry_changes_one_entry_of_a_new_dict():
    parameters = {"Wax": np.ones((2, 2)), "ba": np.zeros((2, 1))}
    changed = with_entry(parameters, "ba", np.full((2, 1), 3.0))
    assert changed is not parameters and changed["Wax"] is parameters["Wax"]
    np.testing.assert_array_equal(changed["ba"], np.full((2, 1), 3.0))
    np.testing.assert_array_equal(parameters["ba"], np.zeros((2, 1)))


def test_float64_array_returns_a_copy_and_refuses_other_dtypes():
    value = np.arange(6.0).reshape(2, 3)
    array = float64_array(value, "a_next", (2, 3))
    assert array is not value and np.array_equal(array, value)
    with pytest.raises(Feedback, match="a_next debería tener dtype float64, pero tiene float32"):
        float64_array(value.astype(np.float32), "a_next", (2, 3))
    with pytest.raises(Feedback, match=r"debería tener forma \(3, 2\)"):
        float64_array(value, "a_next", (3, 2))
    with pytest.raises(Feedback, match="numpy.ndarray"):
        float64_array([[1.0]], "a_next")


def test_array_dict_checks_keys_and_shapes_and_converts():
    shapes = {"dWaa": (2, 2), "dba": (2, 1)}
    value = {"dWaa": np.eye(2, dtype=np.int64), "dba": np.zeros((2, 1))}
    arrays = array_dict(value, "grads", shapes)
    assert arrays["dWaa"].dtype == np.float64 and np.array_equal(arrays["dWaa"], np.eye(2))
    with pytest.raises(
        Feedback, match=r"grads debería tener las claves \['dWaa', 'dba'\], pero tiene \['dWaa'\]"
    ):
        array_dict({"dWaa": np.eye(2)}, "grads", shapes)
    with pytest.raises(Feedback, match=r"grads\['dba'\] debería tener forma \(2, 1\)"):
        array_dict({"dWaa": np.eye(2), "dba": np.zeros(2)}, "grads", shapes)
    with pytest.raises(Feedback, match="de tipo dict"):
        array_dict([np.eye(2)], "grads", shapes)


def test_array_dict_with_extra_keys_allowed_keeps_only_the_asked_ones():
    shapes = {"dWaa": (2, 2)}
    value = {"dWaa": np.eye(2), "da0": np.ones((2, 3))}
    with pytest.raises(Feedback, match="claves"):
        array_dict(value, "grads", shapes)
    assert list(array_dict(value, "grads", shapes, exact=False)) == ["dWaa"]
    with pytest.raises(Feedback, match="claves"):
        array_dict({"da0": np.ones((2, 3))}, "grads", shapes, exact=False)


def test_array_dict_with_float64_refuses_integer_arrays():
    with pytest.raises(Feedback, match=r"p\['Wax'\] debería tener dtype float64, pero tiene int64"):
        array_dict({"Wax": np.zeros((1, 1), dtype=np.int64)}, "p", {"Wax": (1, 1)}, float64=True)


def test_tuple_of_names_the_entries_it_expects():
    value = (1, 2, 3)
    assert tuple_of(value, "f(...)", ("a", "y_pred", "caches")) is value
    with pytest.raises(
        Feedback, match=r"f\(...\) debería ser de tipo tuple \(a, y_pred, caches\), pero es de tipo list"
    ):
        tuple_of([1, 2, 3], "f(...)", ("a", "y_pred", "caches"))
    with pytest.raises(
        Feedback, match=r"f\(...\) \(loss, gradients\) debería tener 2 elementos, pero tiene 3"
    ):
        tuple_of(value, "f(...)", ("loss", "gradients"))


def test_columns_that_sum_to_one_pass():
    s = np.array([[0.2, 0.5], [0.8, 0.5]])
    assert assert_columns_sum_to_one(s, "y") is None
    assert assert_columns_sum_to_one(np.stack([s, s[:, ::-1]], axis=2), "y") is None


def test_columns_not_normalised_name_the_first_wrong_column():
    s = np.array([[0.2, 0.5, 0.3], [0.8, 0.4, 0.7]])
    with pytest.raises(Feedback, match="cada columna debería sumar 1.*la columna 1 suma 0.9"):
        assert_columns_sum_to_one(s, "y")
    nan = np.array([[0.5, np.nan], [0.5, 0.2]])
    with pytest.raises(Feedback, match="la columna 1 suma nan"):
        assert_columns_sum_to_one(nan, "y")
    three = np.full((2, 2, 3), 0.5)
    three[0, 1, 2] = 0.7
    with pytest.raises(Feedback, match=r"la columna \[1, 2\] suma 1.2"):
        assert_columns_sum_to_one(three, "y")


@pytest.mark.parametrize("axes", [1, None], ids=["rows", "whole-array"])
def test_a_softmax_over_another_axis_is_named(axes):
    z = np.array([[1.0, 2.0, 0.5], [3.0, -1.0, 0.0]])
    s = np.exp(z) / np.exp(z).sum(axis=axes, keepdims=axes is not None)
    with pytest.raises(Feedback, match="eje equivocado"):
        assert_columns_sum_to_one(s, "softmax(z)")


def test_examples_independent_pass_when_each_column_is_its_own():
    x = np.array([[1.0, -2.0, 0.5], [0.3, 0.0, 4.0]])

    def cell(x):
        return {"h": np.tanh(2.0 * x), "y": np.stack([x, x**2], axis=2)}

    assert assert_examples_independent(cell(x), lambda i: cell(x[:, i : i + 1])) is None


def test_examples_independent_names_the_output_and_the_first_example_that_leaks():
    x = np.array([[1.0, -2.0, 0.5], [0.3, 0.0, 4.0]])

    def leaky(x):  # normalised over the batch: one example changes the others
        return {"h": np.tanh(x), "y": x / x.sum(axis=1, keepdims=True)}

    with pytest.raises(Feedback, match=r"\by\b.*\b0\b") as caught:
        assert_examples_independent(leaky(x), lambda i: leaky(x[:, i : i + 1]))
    assert str(caught.value) == say("rnn_batch_dependence", what="y", example=0)


def test_examples_independent_allows_another_order_of_the_same_sums():
    batch = {"a": np.array([[0.1, 0.2], [0.3, 0.4]])}
    assert assert_examples_independent(batch, lambda i: {"a": batch["a"][:, [i]] * (1 + 1e-12)}) is None


def test_fixed_examples_have_their_shapes_and_are_new_each_time():
    shapes = {"x3_a2_y3": (3, 2, 3), "x2_a3_y2": (2, 3, 2)}
    for name, make in (("x3_a2_y3", parameters_x3_a2_y3), ("x2_a3_y2", parameters_x2_a3_y2)):
        n_x, n_a, n_y = shapes[name]
        first = make()
        assert {key: value.shape for key, value in first.items()} == parameter_shapes(n_a, n_x, n_y)
        first["Wax"][0, 0] = 99.0
        assert make()["Wax"][0, 0] != 99.0
    x, a0 = padded_batch_x2_m3_t4()
    assert x.shape == (2, 3, 4) and a0.shape == (3, 3) and not a0[:, 0].any()


def test_parameter_central_differences_differentiate_each_entry_named_d():
    parameters = {"Wax": np.array([[1.0, -2.0]]), "ba": np.array([[0.5]]), "by": np.array([[4.0]])}
    before = {key: value.copy() for key, value in parameters.items()}

    def loss(p):
        return float(np.sum(p["Wax"] ** 2) + 3.0 * np.sum(p["ba"]) + np.sum(p["by"]))

    numeric = parameter_central_differences(loss, parameters, ("Wax", "ba"))
    assert list(numeric) == ["dWax", "dba"]
    np.testing.assert_allclose(numeric["dWax"], [[2.0, -4.0]], atol=1e-8)
    np.testing.assert_allclose(numeric["dba"], [[3.0]], atol=1e-8)
    assert all(np.array_equal(parameters[key], before[key]) for key in before)


def test_assert_gradients_names_the_first_wrong_key():
    numeric = {"dWax": np.array([[2.0, -4.0]]), "dba": np.array([[3.0]])}
    assert assert_gradients({"dWax": numeric["dWax"] + 1e-9, "dba": np.array([[3.0]])}, numeric) is None
    with pytest.raises(Feedback, match=r"El gradiente dba .*\[0, 0\]"):
        assert_gradients({"dWax": numeric["dWax"], "dba": np.array([[3.5]])}, numeric)


@pytest.fixture
def backward_recorded(tmp_path, monkeypatch):
    """backward(w) = 3 w recorded as the reference, with a catalogued mistake that forgets the 3;
    the answers saved and read back as when grading. Returns the recorded argument."""
    w = np.array([[1.0, -2.0]])
    recorder = Recorder(
        {"backward": lambda v: {"dw": 3 * v}}, [("olvida el factor 3", {"backward": lambda v: {"dw": v}})]
    )
    with answers.recording(recorder):
        answers.answer({"backward": lambda v: {"dw": 3 * v}}, "backward", w)
    recorder.save(str(tmp_path / "answers" / "demo.json"))
    monkeypatch.setattr(answers, "ANSWERS_DIR", str(tmp_path / "answers"))
    monkeypatch.setattr(answers, "_answers", None)
    return w


def test_assert_gradients_names_the_mistake_of_the_call_that_returned_them(backward_recorded):
    numeric = {"dw": np.array([[3.0, -6.0]])}
    given = answers.answer({"backward": lambda v: {"dw": v.copy()}}, "backward", backward_recorded)
    with pytest.raises(Feedback, match=r"El gradiente dw .*Pista: .*olvida el factor 3\.$") as caught:
        assert_gradients(given.value, numeric, given)
    assert caught.value.mistake == "olvida el factor 3"
    right = answers.answer({"backward": lambda v: {"dw": v * 3.0}}, "backward", backward_recorded)
    assert assert_gradients(right.value, numeric, right) is None


def test_assert_gradients_without_a_recorded_call_says_only_where(backward_recorded):
    # Arguments the build never saw (a cache of a forward pass other than the given one)
    other = backward_recorded + 0.25
    given = answers.answer({"backward": lambda v: {"dw": v}}, "backward", other)
    with pytest.raises(Feedback) as caught:
        assert_gradients(given.value, {"dw": 3 * other}, given)
    assert "Pista" not in str(caught.value) and caught.value.mistake is None
    with pytest.raises(Feedback) as caught:
        assert_gradients({"dw": backward_recorded}, {"dw": 3 * backward_recorded})
    assert "Pista" not in str(caught.value) and caught.value.mistake is None
