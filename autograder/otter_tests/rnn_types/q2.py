"""q2 · many_to_one_forward: (n_y, m), each example's output at its last real step (lengths).

Expected values are the reference's, recorded at build time (rnncheck.reference); the padded
batch is written out by hand and shared with q3 (rnncheck.rnn_examples).
"""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
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
from rnncheck.rnn_checks import random_parameters
from rnncheck.rnn_examples import padded_batch_x2_m3_t4, parameters_x2_a3_y2

OK_FORMAT = False
name = "q2"

PARAMETERS = parameters_x2_a3_y2()  # n_x = 2, n_a = 3, n_y = 2
# m = 3 examples padded to T_x = 4 steps: X[:, i, t] is x<t+1> of example i
X, A0 = padded_batch_x2_m3_t4()
LENGTHS = np.array([4, 2, 1])


def _y(env, x, a0, lengths, what):
    return to_array(call(env, "many_to_one_forward", x, a0, PARAMETERS, lengths), what, shape=(2, x.shape[1]))


def _assert_output(env, x, a0, lengths, expected, what):
    """The student's many_to_one_forward(x, a0, PARAMETERS[, lengths]) equals expected; a failure
    names the catalogued mistake whose output it equals."""
    given = answer(env, "many_to_one_forward", x, a0, PARAMETERS, *([] if lengths is None else [lengths]))
    with naming_mistake(given):
        assert_close(to_array(given.value, what, shape=(2, x.shape[1])), expected, what)


@test_case(points=1.5)
def test_reads_each_examples_last_real_step(env):
    what = "many_to_one_forward(x, a0, parameters, lengths=[4, 2, 1])"
    expected = reference("many_to_one_forward", X, A0, PARAMETERS, LENGTHS)  # y<lengths[i]> of example i
    _assert_output(env, X, A0, LENGTHS, expected, what)


@test_case(points=0.5)
def test_without_lengths_reads_the_last_step(env):
    what = "many_to_one_forward(x, a0, parameters)"
    expected = reference("many_to_one_forward", X, A0, PARAMETERS)  # y<T_x> of every example
    _assert_output(env, X, A0, None, expected, what)


@test_case(points=0.5)
def test_lengths_of_one_and_a_single_example(env):
    what = "many_to_one_forward(x, a0, parameters, lengths=[1, 1, 1])"
    first = reference("many_to_one_forward", X, A0, PARAMETERS, np.array([1, 1, 1]))  # y<1> of every example
    _assert_output(env, X, A0, np.array([1, 1, 1]), first, what)
    what = "many_to_one_forward(x (2, 1, 4), a0 (3, 1), parameters, lengths=[2])"
    # example 1 alone: what the batch gives it, y<2>
    second = reference("many_to_one_forward", X, A0, PARAMETERS, LENGTHS)[:, [1]]
    _assert_output(env, X[:, [1], :], A0[:, [1]], np.array([2]), second, what)


@test_case(points=1)
def test_padding_changes_nothing(env):
    what = "many_to_one_forward(x, a0, parameters, lengths=[4, 2, 1])"
    y = _y(env, X, A0, LENGTHS, what)
    padded = X.copy()
    padded[:, 1, 2:] = [[9.0, -7.0], [-8.0, 6.0]]
    padded[:, 2, 1:] = [[5.0, -5.0, 5.0], [-5.0, 5.0, -5.0]]
    y_padded = _y(env, padded, A0, LENGTHS, what)
    for example, length in enumerate(LENGTHS):
        message = say("types_padding_matters", name="many_to_one_forward", example=example, length=length)
        assert_no_change(y[:, example], y_padded[:, example], message)


@test_case(points=1.5, hidden=True)
def test_unseen_batches(env):
    rng = hidden_rng("q2 unseen batches")

    def drawn_lengths(m, T_x):  # among them T_x (no padding) and 1 (padding from step 2 on)
        return sequence_lengths(rng, m, T_x, shortest=1, including=[T_x, 1])

    cases = []  # n_x, n_a, n_y, m, T_x, lengths
    m, T_x = size(rng, 4, 6), size(rng, 5, 7)
    cases.append((size(rng, 2, 4), size(rng, 3, 6), size(rng, 2, 5), m, T_x, drawn_lengths(m, T_x)))
    cases.append(
        (size(rng, 2, 4), size(rng, 3, 6), size(rng, 2, 5), size(rng, 3, 5), size(rng, 5, 7), None)
    )  # the last step
    T_x = size(rng, 3, 6)
    cases.append(
        (size(rng, 1, 3), size(rng, 2, 5), size(rng, 2, 4), 1, T_x, np.array([size(rng, 1, T_x - 1)]))
    )  # one example
    m = size(rng, 2, 4)
    cases.append(
        (size(rng, 2, 4), size(rng, 2, 4), size(rng, 2, 4), m, 1, np.ones(m, dtype=np.int64))
    )  # one step
    m = size(rng, 3, 5)
    cases.append(
        (size(rng, 2, 4), size(rng, 2, 4), size(rng, 2, 4), m, size(rng, 5, 8), np.ones(m, dtype=np.int64))
    )
    m, T_x = size(rng, 5, 7), size(rng, 6, 9)
    cases.append((1, size(rng, 4, 6), size(rng, 3, 5), m, T_x, drawn_lengths(m, T_x)))  # one input
    for n_x, n_a, n_y, m, T_x, lengths in cases:
        parameters = random_parameters(rng, n_a, n_x, n_y, Wya=2.0)
        x = rng.standard_normal((n_x, m, T_x))
        a0 = rng.standard_normal((n_a, m))
        shown = "None" if lengths is None else str(lengths.tolist())
        check_against_reference(
            env,
            "many_to_one_forward",
            x,
            a0,
            parameters,
            lengths,
            what=f"many_to_one_forward(x {x.shape}, a0, parameters, lengths={shown})",
        )


@test_case(points=0.5, hidden=True)
def test_inputs_unchanged(env):
    rng = hidden_rng("q2 inputs unchanged")
    n_x, n_a, n_y, m = (int(s) for s in rng.integers(2, 5, size=4))
    T_x = int(rng.integers(3, 6))
    parameters = random_parameters(rng, n_a, n_x, n_y)
    x, a0 = rng.standard_normal((n_x, m, T_x)), rng.standard_normal((n_a, m))
    assert_inputs_unchanged(env, "many_to_one_forward", x, a0, parameters, rng.integers(1, T_x + 1, m))
