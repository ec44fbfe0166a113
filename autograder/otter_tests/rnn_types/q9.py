"""q9 · bidirectional_forward: softmax(Wy [a_fwd<t>; a_bwd<t>] + by), backward from each last real step.

Expected values are the reference's, recorded at build time (rnncheck.reference); the small
padded batch is rnncheck.rnn_examples' (n_x = 2), the parameters are drawn from fixed seeds
(_model). When grading, the function's calls of reverse_padded run the reference (isolation):
these cases grade bidirectional_forward alone.
"""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    Feedback,
    assert_changes,
    assert_close,
    assert_inputs_unchanged,
    assert_no_change,
    call,
    check_against_reference,
    hidden_rng,
    reference,
    say,
    to_array,
)
from rnncheck.answers import answer, naming_mistake
from rnncheck.hidden import sequence_lengths, size
from rnncheck.rnn_examples import padded_batch_x2_m3_t4

OK_FORMAT = False
name = "q9"

# m = 3 examples padded to T_x = 4 steps: X[:, i, t] is x<t+1> of example i
X, _ = padded_batch_x2_m3_t4()
LENGTHS = np.array([4, 2, 3])


def _direction(rng, n_a, n_x):
    return {
        "Wax": rng.standard_normal((n_a, n_x)),
        "Waa": rng.standard_normal((n_a, n_a)),
        "ba": rng.standard_normal((n_a, 1)),
    }


def _model(rng, n_a, n_x, n_y):
    """(forward, backward, Wy, by) drawn from the generator rng."""
    return (
        _direction(rng, n_a, n_x),
        _direction(rng, n_a, n_x),
        2.0 * rng.standard_normal((n_y, 2 * n_a)),
        rng.standard_normal((n_y, 1)),
    )


MODEL = _model(np.random.default_rng(9901), 3, 2, 2)  # n_a = 3, n_x = 2, n_y = 2


def _y(env, x, model, lengths, what):
    shape = (model[2].shape[0], x.shape[1], x.shape[2])
    return to_array(call(env, "bidirectional_forward", x, *model, lengths), what, shape=shape)


@test_case(points=1.5)
def test_small_padded_batch(env):
    what = "bidirectional_forward(x, forward, backward, Wy, by, lengths=[4, 2, 3])"
    expected = reference("bidirectional_forward", X, *MODEL, LENGTHS)  # [:, i, t] = y<t+1>, or 0
    given = answer(env, "bidirectional_forward", X, *MODEL, LENGTHS)
    with naming_mistake(given):
        assert_close(to_array(given.value, what, shape=(2, 3, 4)), expected, what)


@test_case(points=1)
def test_padding_changes_nothing_and_is_zero(env):
    what = "bidirectional_forward(x, forward, backward, Wy, by, lengths=[4, 2, 3])"
    given = answer(env, "bidirectional_forward", X, *MODEL, LENGTHS)
    y = to_array(given.value, what, shape=(2, 3, 4))
    padded = X.copy()
    padded[:, 1, 2:] = [[9.0, -7.0], [-8.0, 6.0]]
    padded[:, 2, 3] = [5.0, -5.0]
    y_padded = _y(env, padded, MODEL, LENGTHS, what)
    with naming_mistake(given):
        for example, length in enumerate(LENGTHS):
            message = say(
                "types_padding_matters", name="bidirectional_forward", example=example, length=length
            )
            assert_no_change(y[:, example, :length], y_padded[:, example, :length], message)
            if np.any(y[:, example, length:] != 0.0):
                raise Feedback(say("types_bi_padding_not_zero", example=example, length=length))


@test_case(points=1)
def test_each_output_sees_the_whole_sentence(env):
    what = "bidirectional_forward(x, forward, backward, Wy, by, lengths=[4, 2, 3])"
    given = answer(env, "bidirectional_forward", X, *MODEL, LENGTHS)
    y = to_array(given.value, what, shape=(2, 3, 4))
    later = X.copy()
    later[:, 2, 2] += 1.0  # the last real word of example 2
    with naming_mistake(given):
        assert_changes(
            y[:, 2, 0], _y(env, later, MODEL, LENGTHS, what)[:, 2, 0], say("types_bi_backward_blind")
        )
        forward_only = dict(MODEL[0], Wax=MODEL[0]["Wax"] + 1.0)
        y_forward = _y(env, X, (forward_only, *MODEL[1:]), LENGTHS, what)
        assert_changes(y[:, 2, 2], y_forward[:, 2, 2], say("types_bi_forward_blind"))
        backward_only = dict(MODEL[1], Wax=MODEL[1]["Wax"] + 1.0)
        y_backward = _y(env, X, (MODEL[0], backward_only, *MODEL[2:]), LENGTHS, what)
        assert_changes(y[:, 2, 0], y_backward[:, 2, 0], say("types_bi_backward_parameters"))


@test_case(points=1.5, hidden=True)
def test_unseen_batches(env):
    rng = hidden_rng("q9 unseen batches")
    cases = []  # n_x, n_a, n_y, m, T_x, lengths
    m, T_x = size(rng, 4, 6), size(rng, 5, 8)
    lengths = sequence_lengths(rng, m, T_x, shortest=0, including=[T_x, 0, 1])
    cases.append((size(rng, 2, 4), size(rng, 3, 5), size(rng, 2, 4), m, T_x, lengths))
    cases.append((size(rng, 1, 3), size(rng, 2, 4), size(rng, 2, 4), size(rng, 2, 4), size(rng, 3, 6), None))
    T_x = size(rng, 3, 6)
    cases.append(
        (size(rng, 2, 3), size(rng, 2, 4), 3, 1, T_x, np.array([size(rng, 1, T_x - 1)]))
    )  # one example
    m = size(rng, 3, 5)
    cases.append((size(rng, 1, 3), size(rng, 2, 3), 2, m, 1, rng.permutation(np.arange(m) % 2)))  # one step
    for n_x, n_a, n_y, m, T_x, lengths in cases:
        model = _model(rng, n_a, n_x, n_y)
        x = rng.standard_normal((n_x, m, T_x))
        shown = "None" if lengths is None else str(lengths.tolist())
        what = f"bidirectional_forward(x {x.shape}, forward, backward, Wy, by, lengths={shown})"
        check_against_reference(env, "bidirectional_forward", x, *model, lengths, what=what)


@test_case(points=0.5, hidden=True)
def test_inputs_unchanged(env):
    rng = hidden_rng("q9 inputs unchanged")
    n_x, n_a, n_y, m = (int(s) for s in rng.integers(2, 5, size=4))
    T_x = int(rng.integers(3, 6))
    x = rng.standard_normal((n_x, m, T_x))
    assert_inputs_unchanged(
        env, "bidirectional_forward", x, *_model(rng, n_a, n_x, n_y), rng.integers(0, T_x + 1, m)
    )
