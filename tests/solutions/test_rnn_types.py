"""Tests of the reference solution of rnn_types and of how it uses the cell shipped with it.

Expected values are computed independently of the module under test: the tests' own cell,
forward pass and loss (tests/solutions/numerics.py), run over each example's real steps
alone, and explicit loops for sampling and the encoder-decoder.
"""

import hashlib
from functools import partial
from pathlib import Path

import numpy as np
import pytest
import yaml

from solutions import rnn_forward as rnn_cell  # shipped to students as rnn_cell
from solutions import rnn_types
from solutions.bptt import cross_entropy_loss
from solutions.rnn_types import (
    architecture_for,
    bidirectional_forward,
    encoder_decoder_forward,
    many_to_many_forward,
    many_to_one_forward,
    masked_cross_entropy,
    one_to_many_sample,
    one_to_one_forward,
    reverse_padded,
)
from tests.solutions.numerics import (
    ROUNDING,
    assert_close,
    assert_leaves_arguments_unchanged,
    cell,
    cross_entropy,
    forward,
    random_inputs,
    random_parameters,
)

ROOT = Path(__file__).resolve().parents[2]
NAME_MODEL = ROOT / "assignments" / "rnn_types" / "data" / "modelo_nombres.npz"
NAMES = ROOT / "assignments" / "bptt" / "data" / "nombres.txt"

# task -> its architecture, or the set of the right ones
ARCHITECTURES = {
    "image_classification": "one-to-one",
    "image_captioning": "one-to-many",
    "spam_detection": "many-to-one",
    "part_of_speech_tagging": "many-to-many",
    "text_summarization": "encoder-decoder",
    "speech_recognition": {"encoder-decoder", "many-to-many"},  # T_y != T_x: both designs are defensible
    "dna_sequence_analysis": "many-to-many",
    "video_activity_recognition": "many-to-one",
}

# The parameters of this file: standard normal weights (times `weights`) and biases.
parameters = partial(random_parameters, weights=1.0, biases=1.0)


def each_example_alone(x, a0, p, lengths):
    """The outputs of the forward pass of each example i over its first lengths[i] steps only,
    as a list of (n_y, lengths[i]) arrays."""
    lengths = [x.shape[2]] * x.shape[1] if lengths is None else lengths
    return [forward(x[:, [i], :length], a0[:, [i]], p)[1][:, 0, :] for i, length in enumerate(lengths)]


def hand_sample(p, T_y, rng, eos_index=None, greedy=False):
    n_y, n_a = p["Wya"].shape
    x, a, indices = np.zeros((n_y, 1)), np.zeros((n_a, 1)), []
    for _ in range(T_y):
        a, y = cell(x, a, p)
        index = int(np.argmax(y[:, 0])) if greedy else int(rng.choice(n_y, p=y[:, 0]))
        indices.append(index)
        if index == eos_index:
            break
        x = np.zeros((n_y, 1))
        x[index, 0] = 1.0
    return indices


class CountingRng:
    """A numpy Generator that records every method call made on it."""

    def __init__(self, seed):
        self._rng = np.random.default_rng(seed)
        self.calls = []

    def __getattr__(self, name):
        attribute = getattr(self._rng, name)
        if not callable(attribute):
            return attribute

        def recorded(*args, **kwargs):
            self.calls.append((name, args, kwargs))
            return attribute(*args, **kwargs)

        return recorded


# --- the shipped cell ------------------------------------------------------------------
# rnn_cell is generated from solutions/rnn_forward.py, which tests/solutions/
# test_rnn_forward.py tests; here only that the reference calls those very functions, and the
# one use of the cell that only this assignment makes.


def test_the_reference_uses_the_shipped_cell():
    assert rnn_types.rnn_cell_forward is rnn_cell.rnn_cell_forward
    assert rnn_types.softmax is rnn_cell.softmax


@pytest.mark.parametrize("m", [1, 4], ids=["m=1", "m=4"])
def test_rnn_cell_forward_takes_one_state_column_for_every_example(m):
    """a_prev (n_a, 1) is the same state in every example: as if repeated to (n_a, m), which is
    what the cache keeps for the backward pass."""
    p = parameters(5, 3, 4, seed=1)
    x, a_batch = random_inputs(5, 3, m, 1, seed=2)
    column = a_batch[:, :1]
    repeated = np.repeat(column, m, axis=1)
    a_next, yt, cache = rnn_cell.rnn_cell_forward(x[:, :, 0], column, p)
    expected_a, expected_y = cell(x[:, :, 0], repeated, p)
    assert a_next.shape == (5, m) and yt.shape == (4, m)
    assert_close(a_next, expected_a)
    assert_close(yt, expected_y)
    assert cache[1].shape == (5, m)
    np.testing.assert_array_equal(cache[1], repeated)
    # one_to_one_forward written with a zero column gives the reference's answer
    _, y_column, _ = rnn_cell.rnn_cell_forward(x[:, :, 0], np.zeros((5, 1)), p)
    assert_close(y_column, one_to_one_forward(x[:, :, 0], p))


# --- one_to_one_forward ----------------------------------------------------------------


@pytest.mark.parametrize("m", [1, 4], ids=["m=1", "m=4"])
def test_one_to_one_forward_is_one_step_from_a_zero_state(m):
    p = parameters(5, 3, 2, seed=3)
    x = np.random.default_rng(4).standard_normal((3, m))
    y = one_to_one_forward(x, p)
    assert y.shape == (2, m)
    assert_close(y, cell(x, np.zeros((5, m)), p)[1])


def test_one_to_one_forward_does_not_depend_on_Waa():
    p = parameters(5, 3, 2, seed=3)
    x = np.random.default_rng(4).standard_normal((3, 4))
    other = dict(p, Waa=10.0 * np.ones((5, 5)))
    np.testing.assert_array_equal(one_to_one_forward(x, other), one_to_one_forward(x, p))


# --- many_to_one_forward ---------------------------------------------------------------


@pytest.mark.parametrize(
    "m, T_x, lengths",
    [(4, 6, None), (4, 6, [1, 6, 3, 4]), (3, 5, [1, 1, 1]), (1, 6, [3]), (3, 1, [1, 1, 1])],
    ids=["no-lengths-is-the-last-step", "lengths", "lengths=1-is-the-first-step", "m=1", "T_x=1"],
)
def test_many_to_one_forward_reads_each_examples_last_real_step(m, T_x, lengths):
    p = parameters(5, 3, 4, seed=7)
    x, a0 = random_inputs(5, 3, m, T_x, seed=8)
    expected = np.stack([y[:, -1] for y in each_example_alone(x, a0, p, lengths)], axis=1)
    given = None if lengths is None else np.array(lengths)
    assert_close(many_to_one_forward(x, a0, p, given), expected)


@pytest.mark.parametrize(
    "lengths",
    [[0, 3, 3], [3, 7, 3], [3, 3], [1.5, 2.0, 3.0]],
    ids=["zero", "past_T_x", "wrong_shape", "not_integers"],
)
def test_many_to_one_forward_rejects_bad_lengths(lengths):
    p = parameters(5, 3, 4, seed=9)
    x, a0 = random_inputs(5, 3, 3, 6, seed=10)
    with pytest.raises(ValueError, match="lengths"):
        many_to_one_forward(x, a0, p, np.array(lengths))


# --- many_to_many_forward --------------------------------------------------------------


@pytest.mark.parametrize(
    "m, T_x, lengths",
    [(4, 6, None), (5, 6, [0, 1, 6, 3, 5]), (1, 6, [3]), (3, 1, [1, 0, 1]), (2, 5, [1, 1])],
    ids=["no-lengths-is-every-step", "lengths", "m=1", "T_x=1", "lengths=1"],
)
def test_many_to_many_forward_matches_each_example_alone_up_to_its_length(m, T_x, lengths):
    p = parameters(5, 3, 4, seed=13)
    x, a0 = random_inputs(5, 3, m, T_x, seed=14)
    expected = np.zeros((4, m, T_x))
    for i, y in enumerate(each_example_alone(x, a0, p, lengths)):
        expected[:, i, : y.shape[1]] = y
    given = None if lengths is None else np.array(lengths)
    assert_close(many_to_many_forward(x, a0, p, given), expected)


def test_many_to_many_forward_masked_steps_are_exactly_zero():
    p = parameters(5, 3, 4, seed=13)
    x, a0 = random_inputs(5, 3, 5, 6, seed=14)
    lengths = np.array([0, 1, 6, 3, 5])
    y = many_to_many_forward(x, a0, p, lengths)
    for i, length in enumerate(lengths):
        assert np.all(y[:, i, length:] == 0.0), f"example {i} has nonzero outputs past length {length}"
        # a softmax output is never exactly zero, so every real step has only positive entries
        assert np.all(y[:, i, :length] > 0.0), f"example {i} has zero outputs before length {length}"


@pytest.mark.parametrize(
    "lengths",
    [[-1, 3, 3], [3, 7, 3], [3, 3, 3, 3], [0.0, 2.0, 3.0]],
    ids=["negative", "past_T_x", "wrong_shape", "not_integers"],
)
def test_many_to_many_forward_rejects_bad_lengths(lengths):
    p = parameters(5, 3, 4, seed=15)
    x, a0 = random_inputs(5, 3, 3, 6, seed=16)
    with pytest.raises(ValueError, match="lengths"):
        many_to_many_forward(x, a0, p, np.array(lengths))


@pytest.mark.parametrize(
    "function, lengths",
    [(many_to_one_forward, [2, 6, 1, 4]), (many_to_many_forward, [2, 6, 0, 4])],
    ids=["many_to_one_forward", "many_to_many_forward"],
)
def test_padding_past_each_length_has_no_effect(function, lengths):
    p = parameters(5, 3, 4, seed=9)
    x, a0 = random_inputs(5, 3, 4, 6, seed=10)
    padded = x.copy()
    for i, length in enumerate(lengths):
        padded[:, i, length:] = 100.0 * np.random.default_rng(i).standard_normal((3, 6 - length))
    assert_close(function(padded, a0, p, np.array(lengths)), function(x, a0, p, np.array(lengths)))


# --- masked_cross_entropy --------------------------------------------------------------


def probabilities(n_y, m, T, seed):
    """Columns that sum to 1, (n_y, m, T), none of them small."""
    weights = np.random.default_rng(seed).uniform(0.1, 1.0, (n_y, m, T))
    return weights / weights.sum(axis=0)


def test_masked_cross_entropy_sums_the_real_steps_and_averages_over_the_examples():
    y_pred = probabilities(4, 4, 5, seed=31)
    y = np.random.default_rng(32).integers(0, 4, (4, 5))
    lengths = np.array([5, 2, 0, 1])
    loss = masked_cross_entropy(y_pred, y, lengths)
    assert type(loss) is float
    assert loss == pytest.approx(cross_entropy(y_pred, y, lengths), rel=ROUNDING)


def test_masked_cross_entropy_without_padding_is_the_cross_entropy_of_assignment_3():
    y_pred = probabilities(3, 4, 6, seed=33)
    y = np.random.default_rng(34).integers(0, 3, (4, 6))
    loss = masked_cross_entropy(y_pred, y, np.full(4, 6))
    assert loss == pytest.approx(cross_entropy_loss(y_pred, y), rel=ROUNDING)


def test_masked_cross_entropy_ignores_what_the_padded_steps_hold():
    y_pred = probabilities(3, 3, 5, seed=35)
    y = np.random.default_rng(36).integers(0, 3, (3, 5))
    lengths = np.array([3, 5, 0])
    expected = masked_cross_entropy(y_pred, y, lengths)
    padded = np.arange(5)[np.newaxis, :] >= lengths[:, np.newaxis]  # (m, T)
    zeros, labels = y_pred.copy(), y.copy()
    zeros[:, padded] = 0.0  # what many_to_many_forward gives there: -log 0 is infinite
    labels[padded] = np.array([-1, 99, 7, -100, 3, 0, 2])[: padded.sum()]
    # pytest turns numpy's divide-by-zero warning into an error: the log never sees a 0
    assert masked_cross_entropy(zeros, labels, lengths) == pytest.approx(expected, rel=ROUNDING)


def test_masked_cross_entropy_is_the_loss_of_the_unpadded_sequences():
    p = parameters(5, 3, 4, seed=37)
    x, a0 = random_inputs(5, 3, 3, 7, seed=38)
    lengths = np.array([7, 4, 2])
    y = np.random.default_rng(39).integers(0, 4, (3, 7))
    y[1, 4:] = -1  # padding labels
    y[2, 2:] = -1
    y_pred = many_to_many_forward(x, a0, p, lengths)
    with np.errstate(divide="ignore"):
        assert cross_entropy_loss(y_pred, np.maximum(y, 0)) == np.inf  # the plain loss reads the zeros
    unpadded = [
        cross_entropy_loss(many_to_many_forward(x[:, [i], :length], a0[:, [i]], p), y[[i], :length])
        for i, length in enumerate(lengths)
    ]
    assert masked_cross_entropy(y_pred, y, lengths) == pytest.approx(np.mean(unpadded), rel=ROUNDING)


def test_masked_cross_entropy_of_padding_only_is_zero():
    y_pred = np.zeros((3, 2, 4))
    assert masked_cross_entropy(y_pred, np.full((2, 4), -1), np.zeros(2, dtype=int)) == 0.0


@pytest.mark.parametrize(
    "y_shape, lengths, y_value, argument",
    [
        ((3, 4), [1, 2], 0, "y"),
        ((2, 4), [1, 2, 3], 0, "lengths"),
        ((2, 4), [1, 5], 0, "lengths"),
        ((2, 4), [-1, 2], 0, "lengths"),
        ((2, 4), [1.0, 2.0], 0, "lengths"),
        ((2, 4), [1, 2], 3, "y"),
    ],
    ids=["y_shape", "lengths_shape", "past_T", "negative", "not_integers", "class_out_of_range"],
)
def test_masked_cross_entropy_rejects_bad_arguments(y_shape, lengths, y_value, argument):
    with pytest.raises(ValueError, match=argument):
        masked_cross_entropy(probabilities(3, 2, 4, seed=40), np.full(y_shape, y_value), np.array(lengths))


# --- one_to_many_sample ----------------------------------------------------------------

# Large weights make every step depend strongly on the fed-back one-hot, so a wrong input
# changes the probabilities, and with them the draws, within a few steps.
SAMPLER = parameters(8, 6, 6, seed=17, weights=2.0)


def test_one_to_many_sample_matches_the_explicit_loop():
    indices = one_to_many_sample(SAMPLER, 30, np.random.default_rng(0))
    expected = hand_sample(SAMPLER, 30, np.random.default_rng(0))
    assert indices == expected
    assert len(set(expected)) > 2  # the test is only informative for a varied sequence


@pytest.mark.parametrize("T_y", [0, 1, 7], ids=["T_y=0", "T_y=1", "T_y=7"])
def test_one_to_many_sample_returns_T_y_python_ints_without_eos(T_y):
    indices = one_to_many_sample(SAMPLER, T_y, np.random.default_rng(1))
    assert isinstance(indices, list)
    assert len(indices) == T_y
    assert all(type(index) is int and 0 <= index < 6 for index in indices)


def test_one_to_many_sample_is_reproducible_for_a_seed():
    first = one_to_many_sample(SAMPLER, 25, np.random.default_rng(42))
    second = one_to_many_sample(SAMPLER, 25, np.random.default_rng(42))
    other = one_to_many_sample(SAMPLER, 25, np.random.default_rng(43))
    assert first == second
    assert first != other


def test_one_to_many_sample_draws_exactly_once_per_step_with_the_models_probabilities():
    rng = CountingRng(3)
    indices = one_to_many_sample(SAMPLER, 12, rng)
    assert len(indices) == 12
    assert [name for name, _, _ in rng.calls] == ["choice"] * 12
    # x<1> = 0 and a<0> = 0: the first distribution is softmax(Wya tanh(ba) + by)
    first = cell(np.zeros((6, 1)), np.zeros((8, 1)), SAMPLER)[1][:, 0]
    name, args, kwargs = rng.calls[0]
    assert args == (6,)
    assert_close(kwargs["p"], first)


def mid_sequence_stop(indices):
    """The first step after step 1 whose index appears there for the first time: with that
    index as eos_index, a sequence stops right after that step."""
    return next(t for t, index in enumerate(indices) if t > 0 and index not in indices[:t])


def test_one_to_many_sample_stops_right_after_eos_which_is_included():
    full = hand_sample(SAMPLER, 30, np.random.default_rng(5))
    stop = mid_sequence_stop(full)
    eos_index = full[stop]
    rng = CountingRng(5)
    indices = one_to_many_sample(SAMPLER, 30, rng, eos_index=eos_index)
    assert indices == full[: stop + 1]
    assert len(rng.calls) == stop + 1


def test_one_to_many_sample_stops_at_step_one_when_eos_is_certain():
    p = dict(SAMPLER, by=np.where(np.arange(6)[:, None] == 4, 100.0, 0.0))
    assert one_to_many_sample(p, 10, np.random.default_rng(0), eos_index=4) == [4]
    assert one_to_many_sample(p, 10, None, eos_index=4, greedy=True) == [4]


def test_one_to_many_sample_greedy_is_argmax_and_never_touches_the_rng():
    rng = CountingRng(0)
    indices = one_to_many_sample(SAMPLER, 20, rng, greedy=True)
    assert rng.calls == []
    assert indices == hand_sample(SAMPLER, 20, None, greedy=True)
    assert indices == one_to_many_sample(SAMPLER, 20, CountingRng(1), greedy=True)


def test_one_to_many_sample_greedy_stops_after_eos():
    full = hand_sample(SAMPLER, 20, None, greedy=True)
    stop = mid_sequence_stop(full)
    assert one_to_many_sample(SAMPLER, 20, None, eos_index=full[stop], greedy=True) == full[: stop + 1]


def test_one_to_many_sample_greedy_ties_go_to_the_lowest_index():
    uniform = dict(SAMPLER, Wya=np.zeros_like(SAMPLER["Wya"]), by=np.zeros_like(SAMPLER["by"]))
    assert one_to_many_sample(uniform, 4, None, greedy=True) == [0, 0, 0, 0]


def test_one_to_many_sample_first_index_follows_the_models_probabilities():
    p = parameters(3, 4, 4, seed=19, weights=0.3)
    p["by"] = np.log(np.array([[0.45], [0.3], [0.15], [0.1]]))
    expected = cell(np.zeros((4, 1)), np.zeros((3, 1)), p)[1][:, 0]
    rng = np.random.default_rng(2024)
    draws = 10_000
    counts = np.zeros(4)
    for _ in range(draws):
        counts[one_to_many_sample(p, 1, rng)[0]] += 1
    # a frequency over 10 000 draws has standard deviation at most 0.005: allow 4 of them
    assert np.max(np.abs(counts / draws - expected)) < 0.02


def test_one_to_many_sample_rejects_input_size_different_from_output_size():
    p = parameters(8, 3, 6, seed=17)
    with pytest.raises(ValueError, match="Wax"):
        one_to_many_sample(p, 5, np.random.default_rng(0))


# --- encoder_decoder_forward -----------------------------------------------------------


def encoder_decoder(n_a, n_x, n_y, seed):
    """An encoder (its output size, 7, is not used) and a decoder whose input is its output."""
    return parameters(n_a, n_x, 7, seed), parameters(n_a, n_y, n_y, seed + 1)


def encoder_decoder_loop(x, a0, encoder, decoder, T_y):
    a = forward(x, a0, encoder)[0][:, :, -1]  # the encoder's last state
    n_y, m = decoder["Wya"].shape[0], x.shape[1]
    y = np.zeros((n_y, m, T_y))
    y_prev = np.zeros((n_y, m))
    for t in range(T_y):
        a, y_prev = cell(y_prev, a, decoder)
        y[:, :, t] = y_prev
    return y


@pytest.mark.parametrize(
    "m, T_x, T_y",
    [(4, 6, 3), (2, 2, 5), (1, 4, 4), (1, 1, 1), (2, 3, 0), (3, 6, 1), (3, 6, 3), (3, 6, 8)],
    ids=["T_y<T_x", "T_y>T_x", "m=1", "single_steps", "T_y=0", "T_y=1", "T_y=3", "T_y=8"],
)
def test_encoder_decoder_forward_matches_the_explicit_loop(m, T_x, T_y):
    encoder, decoder = encoder_decoder(5, 3, 4, seed=23)
    x, a0 = random_inputs(5, 3, m, T_x, seed=24)
    y = encoder_decoder_forward(x, a0, encoder, decoder, T_y)
    assert_close(y, encoder_decoder_loop(x, a0, encoder, decoder, T_y))


def test_encoder_decoder_forward_depends_on_the_input_only_through_the_final_state():
    encoder, decoder = encoder_decoder(5, 3, 4, seed=25)
    # with Waa = 0 the encoder's last state is tanh(Wax x<T_x> + ba): earlier steps are lost
    encoder["Waa"] = np.zeros((5, 5))
    x, a0 = random_inputs(5, 3, 3, 6, seed=26)
    y = encoder_decoder_forward(x, a0, encoder, decoder, 4)

    earlier = x.copy()
    earlier[:, :, :-1] = np.random.default_rng(0).standard_normal((3, 3, 5))
    other_a0 = np.ones((5, 3))
    outputs_unused = dict(encoder, Wya=-encoder["Wya"], by=encoder["by"] + 5.0)
    for same in (
        encoder_decoder_forward(earlier, a0, encoder, decoder, 4),
        encoder_decoder_forward(x, other_a0, encoder, decoder, 4),
        encoder_decoder_forward(x, a0, outputs_unused, decoder, 4),
    ):
        assert_close(same, y)

    last = x.copy()
    last[:, :, -1] += 1.0
    assert not np.allclose(encoder_decoder_forward(last, a0, encoder, decoder, 4), y)


def test_encoder_decoder_forward_rejects_decoder_input_size_different_from_output_size():
    encoder, _ = encoder_decoder(5, 3, 4, seed=27)
    decoder = parameters(5, 3, 4, seed=28)
    x, a0 = random_inputs(5, 3, 2, 4, seed=29)
    with pytest.raises(ValueError, match="decoder"):
        encoder_decoder_forward(x, a0, encoder, decoder, 3)


# --- reverse_padded and bidirectional_forward ------------------------------------------------


@pytest.mark.parametrize("lengths", [None, [4, 2, 0], [1, 3, 4]], ids=["none", "4-2-0", "1-3-4"])
def test_reverse_padded_reverses_each_examples_real_steps_and_keeps_its_padding(lengths):
    x = np.random.default_rng(50).standard_normal((2, 3, 4))
    result = reverse_padded(x, None if lengths is None else np.array(lengths))
    for i, length in enumerate([4, 4, 4] if lengths is None else lengths):
        steps = [x[:, i, t] for t in range(length)]
        expected = steps[::-1] + [x[:, i, t] for t in range(length, 4)]
        for t in range(4):
            assert np.array_equal(result[:, i, t], expected[t])
    assert np.array_equal(reverse_padded(result, None if lengths is None else np.array(lengths)), x)


@pytest.mark.parametrize("lengths", [[5, 2], [-1, 2], [1.0, 2.0]], ids=["too-long", "negative", "floats"])
def test_reverse_padded_rejects_bad_lengths(lengths):
    with pytest.raises(ValueError, match="lengths"):
        reverse_padded(np.zeros((2, 2, 4)), np.array(lengths))


def bidirectional(n_a, n_x, n_y, seed):
    """(forward, backward, Wy, by) drawn from a seed, large enough that tanh is not linear."""
    rng = np.random.default_rng(seed)

    def direction():
        return {
            "Wax": rng.normal(0.0, 0.7, (n_a, n_x)),
            "Waa": rng.normal(0.0, 0.7, (n_a, n_a)),
            "ba": rng.normal(0.0, 0.5, (n_a, 1)),
        }

    return direction(), direction(), rng.normal(0.0, 0.7, (n_y, 2 * n_a)), rng.normal(0.0, 0.5, (n_y, 1))


def bidirectional_alone(x, forward, backward, Wy, by, length):
    """(n_y, length): the outputs of one example x (n_x, T) over its first length steps, with
    Python lists: the forward states in order, the backward states read from the last step."""

    def run(steps, p):
        a, states = np.zeros((p["Waa"].shape[0], 1)), []
        for xt in steps:
            a = np.tanh(p["Waa"] @ a + p["Wax"] @ xt[:, None] + p["ba"])
            states.append(a)
        return states

    steps = [x[:, t] for t in range(length)]
    ahead, behind = run(steps, forward), run(steps[::-1], backward)[::-1]
    outputs = [rnn_cell.softmax(Wy @ np.vstack([f, b]) + by)[:, 0] for f, b in zip(ahead, behind)]
    return np.array(outputs).T.reshape(Wy.shape[0], length)


@pytest.mark.parametrize("lengths", [None, [5, 2, 0, 1], [3, 5, 4, 5]], ids=["none", "5-2-0-1", "3-5-4-5"])
def test_bidirectional_forward_matches_each_example_alone_and_zeros_its_padding(lengths):
    forward, backward, Wy, by = bidirectional(4, 3, 2, seed=51)
    x = np.random.default_rng(52).standard_normal((3, 4, 5))
    y = bidirectional_forward(x, forward, backward, Wy, by, None if lengths is None else np.array(lengths))
    for i, length in enumerate([5] * 4 if lengths is None else lengths):
        assert_close(y[:, i, :length], bidirectional_alone(x[:, i, :], forward, backward, Wy, by, length))
        assert np.all(y[:, i, length:] == 0.0)


def test_bidirectional_forward_first_output_sees_the_last_real_word_and_not_the_padding():
    forward, backward, Wy, by = bidirectional(4, 3, 2, seed=53)
    x = np.random.default_rng(54).standard_normal((3, 1, 5))
    later = x.copy()
    later[:, 0, 3] += 1.0  # the last real step of a sentence of 4 words
    y = bidirectional_forward(x, forward, backward, Wy, by, np.array([4]))
    assert not np.allclose(
        bidirectional_forward(later, forward, backward, Wy, by, np.array([4]))[:, 0, 0], y[:, 0, 0]
    )
    padded = x.copy()
    padded[:, 0, 4] = 50.0  # padding
    assert np.allclose(
        bidirectional_forward(padded, forward, backward, Wy, by, np.array([4])), y, rtol=0, atol=ROUNDING
    )


# --- every function leaves its arguments as they were --------------------------------------


def arguments_of_each_function():
    """name -> (function, arguments to call it with)."""
    p = parameters(5, 3, 4, seed=9)
    x, a0 = random_inputs(5, 3, 3, 6, seed=10)
    encoder, decoder = encoder_decoder(5, 3, 4, seed=27)
    y = np.random.default_rng(42).integers(0, 3, (3, 4))
    sample = partial(one_to_many_sample, T_y=15, rng=np.random.default_rng(0), eos_index=2)
    return {
        "one_to_one_forward": (one_to_one_forward, (x[:, :, 0], p)),
        "many_to_one_forward": (many_to_one_forward, (x, a0, p, np.array([2, 6, 1]))),
        "many_to_many_forward": (many_to_many_forward, (x, a0, p, np.array([2, 0, 6]))),
        "masked_cross_entropy": (
            masked_cross_entropy,
            (probabilities(3, 3, 4, seed=41), y, np.array([4, 0, 2])),
        ),
        "one_to_many_sample": (sample, (parameters(8, 6, 6, seed=17, weights=2.0),)),
        "encoder_decoder_forward": (encoder_decoder_forward, (x, a0, encoder, decoder, 5)),
        "reverse_padded": (reverse_padded, (x, np.array([2, 0, 6]))),
        "bidirectional_forward": (
            bidirectional_forward,
            (x, *bidirectional(5, 3, 4, seed=28), np.array([2, 0, 6])),
        ),
    }


@pytest.mark.parametrize("name", list(arguments_of_each_function()))
def test_does_not_modify_its_arguments(name):
    function, args = arguments_of_each_function()[name]
    assert_leaves_arguments_unchanged(function, *args)


# --- architecture_for ------------------------------------------------------------------


@pytest.mark.parametrize("task, expected", sorted(ARCHITECTURES.items()), ids=sorted(ARCHITECTURES))
def test_architecture_for_known_task(task, expected):
    right = expected if isinstance(expected, set) else {expected}
    assert architecture_for(task) in right


@pytest.mark.parametrize("task", ["weather_forecasting", "", "image"], ids=["unknown", "empty", "prefix"])
def test_architecture_for_unknown_task_raises_naming_it_and_the_known_tasks(task):
    with pytest.raises(ValueError) as raised:
        architecture_for(task)
    message = str(raised.value)
    assert repr(task) in message
    for known in ARCHITECTURES:
        assert known in message


# --- the name model shipped with the notebook ------------------------------------------


def test_the_shipped_name_model_was_trained_on_the_name_list_of_assignment_3():
    with np.load(NAME_MODEL) as saved:
        digest, characters = str(saved["names_sha256"]), [str(c) for c in saved["characters"]]
        parameters = {key: saved[key] for key in ("Wax", "Waa", "Wya", "ba", "by")}
    assert digest == hashlib.sha256(NAMES.read_bytes()).hexdigest(), (
        "nombres.txt changed: run .venv/bin/python assignments/rnn_types/make_name_model.py"
    )
    names = [line.strip() for line in NAMES.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert characters == ["\n"] + sorted(set("".join(names)))
    n_y, n_a = len(characters), parameters["Waa"].shape[0]
    assert parameters["Wax"].shape == (n_a, n_y) and parameters["Wya"].shape == (n_y, n_a)
    # trained: greedy decoding writes a name and stops, sampling mostly gives names of a sane length
    greedy = one_to_many_sample(parameters, 20, None, eos_index=0, greedy=True)
    assert 3 <= len(greedy) < 20 and greedy[-1] == 0
    rng = np.random.default_rng(0)
    lengths = [len(one_to_many_sample(parameters, 20, rng, eos_index=0)) for _ in range(50)]
    assert np.median(lengths) < 12


# --- the review classifier the notebook trains -------------------------------------------------


REVIEWS = ROOT / "assignments" / "rnn_types" / "data" / "resenas.tsv"


def test_the_review_set_is_balanced_and_well_formed():
    rows = [line.split("\t") for line in REVIEWS.read_text(encoding="utf-8").splitlines()]
    assert rows[0] == ["etiqueta", "reseña"]
    labels = [int(label) for label, _ in rows[1:]]
    assert len(labels) == 80 and sum(labels) == 40
    assert all(text == text.strip().lower() and "  " not in text for _, text in rows[1:])


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_trained_classifier_prints_what_the_notebook_says(language, monkeypatch, capsys):
    # the prose of the cell before it quotes these numbers: loss 0.695 -> 0.016, 80 of 80, 8 of 12
    cells = yaml.safe_load((ROOT / "assignments" / "rnn_types" / "notebook.yaml").read_text(encoding="utf-8"))
    source = next(c["code"][language] for c in cells["cells"] if "classifier_gradients" in str(c.get("code")))
    monkeypatch.chdir(REVIEWS.parent.parent)
    namespace = {"np": np, "softmax": rnn_cell.softmax, "many_to_one_forward": many_to_one_forward}
    exec(source, namespace | {"masked_cross_entropy": masked_cross_entropy})
    printed = capsys.readouterr().out
    first, last, right = {
        "es": (
            "época   0: pérdida 0.695",
            "época 150: pérdida 0.016, exactitud 1.00",
            "aciertos en reseñas nuevas: 8 de 12",
        ),
        "en": (
            "epoch   0: loss 0.695",
            "epoch 150: loss 0.016, accuracy 1.00",
            "right on new reviews: 8 of 12",
        ),
    }[language]
    assert first in printed and last in printed and right in printed, printed
    missed = [line for line in printed.splitlines() if line.startswith(("mal", "wrong"))]
    assert any("no me gustó la película" in line for line in missed)
    assert any("el servicio fue excelente" in line for line in missed)
