"""q3 · many_to_many_forward: (n_y, m, T_x), one output per real step, exact zeros past each length.

Expected values are the reference's, recorded at build time (rnncheck.reference); the padded
batch is written out by hand and shared with q2 (rnncheck.rnn_examples). The other batches
are drawn from fixed seeds (_batch).
"""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    Feedback,
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
name = "q3"

PARAMETERS = parameters_x2_a3_y2()  # n_x = 2, n_a = 3, n_y = 2
# m = 3 examples padded to T_x = 4 steps: X[:, i, t] is x<t+1> of example i
X, A0 = padded_batch_x2_m3_t4()
LENGTHS = np.array([4, 2, 0])  # the third example has no real step at all


def _y(env, x, a0, parameters, lengths, what):
    n_y = parameters["Wya"].shape[0]
    shape = (n_y, x.shape[1], x.shape[2])
    return to_array(call(env, "many_to_many_forward", x, a0, parameters, lengths), what, shape=shape)


def _batch(seed, m, T_x):
    """Parameters (n_x = 3, n_a = 4, n_y = 5), x (3, m, T_x) and a0 (4, m) drawn from a seed."""
    rng = np.random.default_rng(seed)
    parameters = random_parameters(rng, 4, 3, 5)
    return parameters, rng.standard_normal((3, m, T_x)), rng.standard_normal((4, m))


@test_case(points=1.5)
def test_small_batch_with_lengths(env):
    what = "many_to_many_forward(x, a0, parameters, lengths=[4, 2, 0])"
    expected = reference("many_to_many_forward", X, A0, PARAMETERS, LENGTHS)  # [:, i, t] = y<t+1>, or 0
    given = answer(env, "many_to_many_forward", X, A0, PARAMETERS, LENGTHS)
    with naming_mistake(given):
        assert_close(to_array(given.value, what, shape=(2, 3, 4)), expected, what)


@test_case(points=1)
def test_padded_steps_are_exactly_zero(env):
    parameters, x, a0 = _batch(3303, 5, 6)
    lengths = np.array([6, 0, 3, 1, 5])
    y = _y(
        env,
        x,
        a0,
        parameters,
        lengths,
        "many_to_many_forward(x (3, 5, 6), a0, parameters, lengths=[6, 0, 3, 1, 5])",
    )
    for example, length in enumerate(lengths):
        for step in range(y.shape[2]):
            column = y[:, example, step]
            if step >= length and np.any(column != 0.0):
                value = float(np.max(np.abs(column)))
                raise Feedback(
                    say("types_mask_not_zero", example=example, step=step, length=length, value=value)
                )
            if step < length and np.any(column == 0.0):
                raise Feedback(say("types_real_step_zero", example=example, step=step, length=length))


@test_case(points=1)
def test_padding_changes_nothing(env):
    parameters, x, a0 = _batch(3304, 4, 5)
    lengths = np.array([2, 5, 0, 4])
    what = "many_to_many_forward(x (3, 4, 5), a0, parameters, lengths=[2, 5, 0, 4])"
    y = _y(env, x, a0, parameters, lengths, what)
    padded = x.copy()
    for example, length in enumerate(lengths):
        padded[:, example, length:] = 50.0 * (-1.0) ** np.arange(5 - length)
    y_padded = _y(env, padded, a0, parameters, lengths, what)
    for example, length in enumerate(lengths):
        message = say("types_padding_matters", name="many_to_many_forward", example=example, length=length)
        assert_no_change(y[:, example], y_padded[:, example], message)


@test_case(points=0.5)
def test_shapes_for_one_example_one_step_and_no_lengths(env):
    parameters, x, a0 = _batch(3305, 1, 4)
    _y(
        env,
        x,
        a0,
        parameters,
        np.array([1]),
        "many_to_many_forward(x (3, 1, 4), a0 (4, 1), parameters, lengths=[1])",
    )
    parameters, x, a0 = _batch(3306, 3, 1)
    _y(
        env,
        x,
        a0,
        parameters,
        np.array([1, 0, 1]),
        "many_to_many_forward(x (3, 3, 1), a0, parameters, lengths=[1, 0, 1])",
    )
    what = "many_to_many_forward(x, a0, parameters)"
    given = answer(env, "many_to_many_forward", X, A0, PARAMETERS)
    y = to_array(given.value, what, shape=(2, 3, 4))
    # example 0 has all T_x = 4 steps: without lengths it gets what it gets with them
    expected = reference("many_to_many_forward", X, A0, PARAMETERS, LENGTHS)[:, 0, :]
    with naming_mistake(given):
        assert_close(y[:, 0, :], expected, what + "[:, 0, :]")


@test_case(points=1.5, hidden=True)
def test_unseen_batches(env):
    rng = hidden_rng("q3 unseen batches")

    def drawn_lengths(m, T_x):  # among them T_x (no padding), 0 (no real step) and 1
        return sequence_lengths(rng, m, T_x, shortest=0, including=[T_x, 0, 1])

    cases = []  # n_x, n_a, n_y, m, T_x, lengths
    m, T_x = size(rng, 4, 6), size(rng, 5, 7)
    cases.append((size(rng, 2, 4), size(rng, 3, 6), size(rng, 2, 5), m, T_x, drawn_lengths(m, T_x)))
    cases.append(
        (size(rng, 2, 4), size(rng, 3, 6), size(rng, 2, 5), size(rng, 3, 5), size(rng, 5, 7), None)
    )  # no masking
    T_x = size(rng, 3, 6)
    cases.append(
        (size(rng, 1, 3), size(rng, 2, 5), size(rng, 2, 4), 1, T_x, np.array([size(rng, 1, T_x - 1)]))
    )  # one example
    m = size(rng, 3, 5)  # one step: each example has it or not
    cases.append((size(rng, 2, 4), size(rng, 2, 4), size(rng, 2, 4), m, 1, rng.permutation(np.arange(m) % 2)))
    m = size(rng, 3, 5)
    cases.append(
        (size(rng, 2, 4), size(rng, 2, 4), size(rng, 2, 4), m, size(rng, 5, 8), np.ones(m, dtype=np.int64))
    )
    m, T_x = size(rng, 5, 7), size(rng, 6, 9)
    cases.append((1, size(rng, 4, 6), size(rng, 3, 5), m, T_x, drawn_lengths(m, T_x)))  # one input
    m = size(rng, 2, 3)  # no example has a real step
    cases.append(
        (size(rng, 1, 3), size(rng, 2, 3), size(rng, 2, 3), m, size(rng, 2, 4), np.zeros(m, dtype=np.int64))
    )
    for n_x, n_a, n_y, m, T_x, lengths in cases:
        parameters = random_parameters(rng, n_a, n_x, n_y, Wya=2.0)
        x = rng.standard_normal((n_x, m, T_x))
        a0 = rng.standard_normal((n_a, m))
        shown = "None" if lengths is None else str(lengths.tolist())
        check_against_reference(
            env,
            "many_to_many_forward",
            x,
            a0,
            parameters,
            lengths,
            what=f"many_to_many_forward(x {x.shape}, a0, parameters, lengths={shown})",
        )


@test_case(points=0.5, hidden=True)
def test_inputs_unchanged(env):
    rng = hidden_rng("q3 inputs unchanged")
    n_x, n_a, n_y, m = (int(s) for s in rng.integers(2, 5, size=4))
    T_x = int(rng.integers(3, 6))
    parameters = random_parameters(rng, n_a, n_x, n_y)
    x, a0 = rng.standard_normal((n_x, m, T_x)), rng.standard_normal((n_a, m))
    assert_inputs_unchanged(env, "many_to_many_forward", x, a0, parameters, rng.integers(0, T_x + 1, m))
