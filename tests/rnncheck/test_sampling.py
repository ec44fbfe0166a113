"""rnncheck.sampling: the recording generator and the checks of sampled index sequences."""

import copy

import numpy as np
import pytest

from rnncheck import Feedback, call, say
from rnncheck.sampling import (
    RecordingRng,
    assert_one_draw_per_step,
    index_list,
    one_hot_inputs,
    transition_frequencies,
)


@pytest.fixture(autouse=True)
def spanish(monkeypatch):
    monkeypatch.setenv("RNNCHECK_LANG", "es")


def test_choice_draws_what_a_generator_of_the_same_seed_draws_and_records_p():
    rng, plain = RecordingRng(seed=5), np.random.default_rng(5)
    p = [0.1, 0.2, 0.3, 0.4]
    assert [int(rng.choice(4, p=p)) for _ in range(10)] == [int(plain.choice(4, p=p)) for _ in range(10)]
    assert rng.methods() == ["choice"] * 10
    method, given = rng.calls[0]
    assert method == "choice" and given.dtype == np.float64 and given.tolist() == p
    rng.choice(3)
    assert rng.calls[-1] == ("choice", None)


def test_a_script_gives_its_indices_first_whatever_p_is():
    rng = RecordingRng(seed=0, script=[2, 0])
    first, second = rng.choice(3, p=[1.0, 0.0, 0.0]), rng.choice(3, size=2)
    assert first == 2 and type(first) is np.int64
    assert second.tolist() == [0, 0]
    assert 0 <= rng.choice(3) < 3  # the script is used up: drawn
    assert rng.methods() == ["choice"] * 3


def test_other_methods_are_recorded_and_passed_on_private_ones_refused():
    rng = RecordingRng(seed=1)
    assert rng.random() == np.random.default_rng(1).random()
    rng.integers(0, 5, size=3)
    assert rng.methods() == ["random", "integers"]
    assert rng.summary() == "1 × random, 1 × integers"
    assert RecordingRng().summary() == "-"
    with pytest.raises(AttributeError):
        rng._rng_of_someone_else  # noqa: B018
    assert not callable(rng.bit_generator)  # an attribute, not a method: nothing to call back


def test_a_deep_copy_is_the_object_so_that_calls_through_call_land_on_it():
    rng = RecordingRng(seed=2)
    assert copy.deepcopy(rng) is rng
    call({"sample": lambda generator: generator.choice(2)}, "sample", rng)
    assert rng.methods() == ["choice"]


def test_index_list_accepts_a_list_of_ints_in_range_only():
    assert index_list([0, 3, 1], "s", 4) == [0, 3, 1]
    with pytest.raises(Feedback, match="de tipo list, pero es de tipo ndarray"):
        index_list(np.array([0, 1]), "s", 4)
    with pytest.raises(Feedback, match=r"s\[1\] debería ser de tipo int, pero es de tipo int64"):
        index_list([0, np.int64(1)], "s", 4)
    with pytest.raises(Feedback, match=r"s\[2\]"):
        index_list([0, 1, 4], "s", 4)


def draws(methods):
    rng = RecordingRng(seed=0)
    for method in methods:
        getattr(rng, method)(2) if method == "choice" else rng.random()
    return rng


def test_one_draw_per_step_passes_exactly_one_choice_per_index():
    assert assert_one_draw_per_step(draws(["choice"] * 3), [0, 1, 1]) is None
    assert assert_one_draw_per_step(draws([]), []) is None


@pytest.mark.parametrize(
    ("methods", "indices", "eos_index", "hint"),
    [
        (["choice"] * 6, [0, 1, 1], None, "types_draws_twice"),
        (["choice"] * 5, [0, 1, 1], 1, "types_draws_twice"),  # stopped at eos: one draw less
        ([], [0, 1, 1], None, "types_no_draws"),
        (["choice", "random", "choice"], [0, 1], None, None),
    ],
    ids=["twice", "twice-until-eos", "none", "other-method"],
)
def test_other_draws_fail_with_the_counts_and_a_hint_when_one_fits(methods, indices, eos_index, hint):
    rng = draws(methods)
    with pytest.raises(Feedback) as caught:
        assert_one_draw_per_step(rng, indices, eos_index=eos_index)
    message = say("types_generator_calls", count=len(methods), methods=rng.summary(), steps=len(indices))
    assert str(caught.value) == message + ("" if hint is None else " " + say(hint))


def test_transition_frequencies_count_what_follows_each_index():
    frequencies = transition_frequencies([0, 1, 0, 0, 2], 3)
    np.testing.assert_array_equal(frequencies, [[1 / 3, 1 / 3, 1 / 3], [1.0, 0.0, 0.0], [0.0, 0.0, 0.0]])


def test_one_hot_inputs_feed_back_each_index_from_a_zero_first_input():
    x = one_hot_inputs([2, 0, 1], 3)
    assert x.shape == (3, 1, 3)
    np.testing.assert_array_equal(x[:, 0, :], [[0.0, 0.0, 1.0], [0.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
