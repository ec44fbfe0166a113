"""Small fixed inputs that the public tests of several RNN questions share.

Written out by hand, small enough to follow on paper; what the reference returns on them is
recorded at build time (`rnncheck.reference`), never written here. Each function returns new
arrays, so that no test can change what another one sees. A parameter dict follows the
contract of rnncheck.rnn_checks: Wax (n_a, n_x), Waa (n_a, n_a), Wya (n_y, n_a), ba (n_a, 1),
by (n_y, 1).
"""

from __future__ import annotations

import numpy as np


def parameters_x3_a2_y3() -> dict[str, np.ndarray]:
    """n_x = 3, n_a = 2, n_y = 3 (rnn_forward's cell and sequence, q3 and q4). Waa is not
    symmetric and the biases are not zero, so that Waa.T, a missing bias or swapped weights all
    change the numbers; n_x != n_a, so that a cache or a product in the wrong order shows."""
    return {
        "Wax": np.array([[0.5, -0.2, 0.1], [0.3, 0.8, -0.5]]),
        "Waa": np.array([[0.4, -0.6], [0.2, 0.3]]),
        "Wya": np.array([[1.0, -1.0], [0.5, 0.5], [-0.3, 0.8]]),
        "ba": np.array([[0.1], [-0.2]]),
        "by": np.array([[0.2], [0.0], [-0.1]]),
    }


def parameters_x2_a3_y2() -> dict[str, np.ndarray]:
    """n_x = 2, n_a = 3, n_y = 2 (rnn_types: one-to-one, many-to-one, many-to-many, and the
    encoder of the encoder-decoder). Waa is not symmetric and every bias differs from 0."""
    return {
        "Wax": np.array([[0.5, -1.0], [1.5, 0.2], [-0.3, 0.8]]),
        "Waa": np.array([[0.1, 0.2, -0.4], [0.3, -0.2, 0.1], [-0.5, 0.4, 0.2]]),
        "Wya": np.array([[1.0, -0.7, 0.4], [-0.6, 0.9, 0.3]]),
        "ba": np.array([[0.1], [-0.2], [0.05]]),
        "by": np.array([[0.2], [-0.1]]),
    }


def padded_batch_x2_m3_t4() -> tuple[np.ndarray, np.ndarray]:
    """(x, a0) for parameters_x2_a3_y2: m = 3 examples padded to T_x = 4 steps, x (2, 3, 4)
    with x[:, i, t] the input x<t+1> of example i, and a0 (3, 3), zero for example 0 only
    (rnn_types' many-to-one and many-to-many, q2 and q3)."""
    x = np.array(
        [
            [[1.0, 0.5, -1.0, 0.0], [0.0, 2.0, 1.0, -0.5], [-1.5, 0.3, 0.0, 1.0]],
            [[0.2, -0.4, 0.8, 1.0], [1.0, 0.0, -1.0, 0.5], [0.6, 0.6, -0.2, 0.0]],
        ]
    )
    a0 = np.array([[0.0, 0.1, -0.2], [0.0, 0.3, 0.0], [0.0, -0.1, 0.4]])
    return x, a0
