"""q8 · reverse_padded: each example's real steps reversed in time, its padding left where it is.

The small batch is written out by hand, one value per step, so that a student can follow the
reversal on paper; its expected value is the reference's, recorded at build time
(rnncheck.reference).
"""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    Feedback,
    assert_close,
    assert_inputs_unchanged,
    call,
    check_against_reference,
    hidden_rng,
    reference,
    say,
    to_array,
)
from rnncheck.answers import answer, naming_mistake
from rnncheck.compare import hinted
from rnncheck.hidden import sequence_lengths, size

OK_FORMAT = False
name = "q8"

# m = 3 examples of T = 4 steps and n = 2 values per step: X[0, i, t] = 10 i + t + 1 and
# X[1] = -X[0], so that every step of every example is told apart
X = (
    np.stack([np.arange(1.0, 5.0) + 10.0 * np.arange(3)[:, np.newaxis]] * 2)
    * np.array([1.0, -1.0])[:, None, None]
)
LENGTHS = np.array([4, 2, 0])  # reversed: 4 3 2 1 | 12 11 13 14 | 21 22 23 24


@test_case(points=1.5)
def test_small_batch(env):
    what = "reverse_padded(x, lengths=[4, 2, 0])"
    expected = reference("reverse_padded", X, LENGTHS)
    given = answer(env, "reverse_padded", X, LENGTHS)
    with naming_mistake(given):
        assert_close(to_array(given.value, what, shape=X.shape), expected, what)


@test_case(points=1)
def test_padding_stays_where_it_is(env):
    rng = np.random.default_rng(8801)
    x, lengths = rng.standard_normal((3, 4, 6)), np.array([6, 2, 0, 5])
    what = "reverse_padded(x (3, 4, 6), lengths=[6, 2, 0, 5])"
    given = answer(env, "reverse_padded", x, lengths)
    result = to_array(given.value, what, shape=x.shape)
    with naming_mistake(given):
        for example, length in enumerate(lengths):
            if not np.array_equal(result[:, example, length:], x[:, example, length:]):
                raise Feedback(say("types_reverse_padding_moved", example=example, length=length))
            if not np.array_equal(result[:, example, :length], x[:, example, :length][:, ::-1]):
                raise Feedback(say("types_reverse_real_steps", example=example, length=length))


@test_case(points=0.5)
def test_twice_gives_x_back_and_none_reverses_everything(env):
    rng = np.random.default_rng(8802)
    x, lengths = rng.standard_normal((2, 3, 5)), np.array([3, 5, 1])
    what = "reverse_padded(reverse_padded(x, lengths), lengths)"
    once = to_array(call(env, "reverse_padded", x, lengths), "reverse_padded(x, lengths)", shape=x.shape)
    twice = to_array(call(env, "reverse_padded", once, lengths), what, shape=x.shape)
    with hinted("types_hint_reverse_twice"):
        assert_close(twice, x, what)
    what = "reverse_padded(x, None)"
    given = answer(env, "reverse_padded", x, None)
    with naming_mistake(given):
        assert_close(to_array(given.value, what, shape=x.shape), x[:, :, ::-1], what)


@test_case(points=1.5, hidden=True)
def test_unseen_batches(env):
    rng = hidden_rng("q8 unseen batches")
    cases = []  # n, m, T, lengths
    m, T = size(rng, 4, 6), size(rng, 5, 8)
    cases.append((size(rng, 1, 4), m, T, sequence_lengths(rng, m, T, shortest=0, including=[T, 0, 1])))
    m, T = size(rng, 2, 4), size(rng, 3, 6)
    cases.append((size(rng, 2, 5), m, T, None))
    T = size(rng, 3, 6)
    cases.append((size(rng, 2, 4), 1, T, np.array([size(rng, 1, T - 1)])))  # one example
    m = size(rng, 3, 5)
    cases.append((size(rng, 1, 3), m, 1, rng.permutation(np.arange(m) % 2)))  # one step
    for n, m, T, lengths in cases:
        x = rng.standard_normal((n, m, T))
        shown = "None" if lengths is None else str(lengths.tolist())
        check_against_reference(
            env, "reverse_padded", x, lengths, what=f"reverse_padded(x {x.shape}, lengths={shown})"
        )


@test_case(points=0.5, hidden=True)
def test_inputs_unchanged(env):
    rng = hidden_rng("q8 inputs unchanged")
    n, m, T = (int(s) for s in rng.integers(2, 5, size=3))
    assert_inputs_unchanged(env, "reverse_padded", rng.standard_normal((n, m, T)), rng.integers(0, T + 1, m))
