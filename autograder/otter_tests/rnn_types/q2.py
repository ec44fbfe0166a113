"""q2 · many_to_one_forward: (n_y, m), each example's output at its last real step (lengths)."""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    Feedback,
    assert_close,
    assert_inputs_unchanged,
    call,
    check_against_reference,
    hidden_rng,
    say,
    to_array,
)
from rnncheck.rnn import random_parameters

OK_FORMAT = False
name = "q2"

# n_x = 2, n_a = 3, n_y = 2
PARAMETERS = {
    "Wax": np.array([[0.5, -1.0], [1.5, 0.2], [-0.3, 0.8]]),
    "Waa": np.array([[0.1, 0.2, -0.4], [0.3, -0.2, 0.1], [-0.5, 0.4, 0.2]]),
    "Wya": np.array([[1.0, -0.7, 0.4], [-0.6, 0.9, 0.3]]),
    "ba": np.array([[0.1], [-0.2], [0.05]]),
    "by": np.array([[0.2], [-0.1]]),
}
# m = 3 examples padded to T_x = 4 steps: X[:, i, t] is x<t+1> of example i
X = np.array(
    [
        [[1.0, 0.5, -1.0, 0.0], [0.0, 2.0, 1.0, -0.5], [-1.5, 0.3, 0.0, 1.0]],
        [[0.2, -0.4, 0.8, 1.0], [1.0, 0.0, -1.0, 0.5], [0.6, 0.6, -0.2, 0.0]],
    ]
)
A0 = np.array([[0.0, 0.1, -0.2], [0.0, 0.3, 0.0], [0.0, -0.1, 0.4]])
LENGTHS = np.array([4, 2, 1])
# The cell run by hand over each example's real steps, worked out once:
Y_LENGTHS = np.array(
    [  # y<lengths[i]> of example i
        [0.255708572084, 0.428462386075, 0.628688570834],
        [0.744291427916, 0.571537613925, 0.371311429166],
    ]
)
Y_LAST = np.array(
    [  # y<T_x> of every example
        [0.255708572084, 0.775475733983, 0.339082817642],
        [0.744291427916, 0.224524266017, 0.660917182358],
    ]
)
Y_FIRST = np.array(
    [  # y<1> of every example
        [0.378543944280, 0.350268594532, 0.628688570834],
        [0.621456055720, 0.649731405468, 0.371311429166],
    ]
)


def _y(env, x, a0, lengths, what):
    return to_array(call(env, "many_to_one_forward", x, a0, PARAMETERS, lengths), what, shape=(2, x.shape[1]))


@test_case(points=1.5)
def test_reads_each_examples_last_real_step(env):
    what = "many_to_one_forward(x, a0, parameters, lengths=[4, 2, 1])"
    assert_close(_y(env, X, A0, LENGTHS, what), Y_LENGTHS, what)


@test_case(points=0.5)
def test_without_lengths_reads_the_last_step(env):
    what = "many_to_one_forward(x, a0, parameters)"
    y = to_array(call(env, "many_to_one_forward", X, A0, PARAMETERS), what, shape=(2, 3))
    assert_close(y, Y_LAST, what)


@test_case(points=0.5)
def test_lengths_of_one_and_a_single_example(env):
    what = "many_to_one_forward(x, a0, parameters, lengths=[1, 1, 1])"
    assert_close(_y(env, X, A0, np.array([1, 1, 1]), what), Y_FIRST, what)
    what = "many_to_one_forward(x (2, 1, 4), a0 (3, 1), parameters, lengths=[2])"
    assert_close(_y(env, X[:, [1], :], A0[:, [1]], np.array([2]), what), Y_LENGTHS[:, [1]], what)


@test_case(points=1)
def test_padding_changes_nothing(env):
    what = "many_to_one_forward(x, a0, parameters, lengths=[4, 2, 1])"
    y = _y(env, X, A0, LENGTHS, what)
    padded = X.copy()
    padded[:, 1, 2:] = [[9.0, -7.0], [-8.0, 6.0]]
    padded[:, 2, 1:] = [[5.0, -5.0, 5.0], [-5.0, 5.0, -5.0]]
    y_padded = _y(env, padded, A0, LENGTHS, what)
    for example, length in enumerate(LENGTHS):
        if not np.allclose(y_padded[:, example], y[:, example], rtol=1e-12, atol=1e-14):
            raise Feedback(
                say("types_padding_matters", name="many_to_one_forward", example=example, length=length)
            )


@test_case(points=1.5, hidden=True)
def test_unseen_batches(env):
    rng = hidden_rng("q2 unseen batches")

    def size(low, high):
        return int(rng.integers(low, high + 1))

    def drawn_lengths(m, T_x):
        """m lengths in [1, T_x], among them T_x (no padding) and 1 (padding from step 2 on)."""
        drawn = rng.integers(1, T_x + 1, m)
        drawn[rng.choice(m, size=2, replace=False)] = [T_x, 1]
        return drawn

    cases = []  # n_x, n_a, n_y, m, T_x, lengths
    m, T_x = size(4, 6), size(5, 7)
    cases.append((size(2, 4), size(3, 6), size(2, 5), m, T_x, drawn_lengths(m, T_x)))
    cases.append((size(2, 4), size(3, 6), size(2, 5), size(3, 5), size(5, 7), None))  # the last step
    T_x = size(3, 6)
    cases.append((size(1, 3), size(2, 5), size(2, 4), 1, T_x, np.array([size(1, T_x - 1)])))  # one example
    m = size(2, 4)
    cases.append((size(2, 4), size(2, 4), size(2, 4), m, 1, np.ones(m, dtype=np.int64)))  # one step
    m = size(3, 5)
    cases.append((size(2, 4), size(2, 4), size(2, 4), m, size(5, 8), np.ones(m, dtype=np.int64)))
    m, T_x = size(5, 7), size(6, 9)
    cases.append((1, size(4, 6), size(3, 5), m, T_x, drawn_lengths(m, T_x)))  # one input
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
