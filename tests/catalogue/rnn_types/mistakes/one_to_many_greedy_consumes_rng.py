"""one_to_many_sample still draws from rng when greedy.

The indices are right, but the generator has advanced, so what the caller samples next
with the same rng differs from what it would have been.
"""

import numpy as np

from solutions.rnn_forward import rnn_cell_forward


def one_to_many_sample(parameters, T_y, rng, eos_index=None, greedy=False):
    n_y = parameters["Wya"].shape[0]
    n_a = parameters["Waa"].shape[0]
    x = np.zeros((n_y, 1))
    a = np.zeros((n_a, 1))
    indices = []
    for t in range(T_y):
        a, y, _ = rnn_cell_forward(x, a, parameters)
        probs = y[:, 0]
        idx = int(rng.choice(n_y, p=probs))
        if greedy:
            idx = int(np.argmax(probs))
        indices.append(idx)
        if idx == eos_index:
            break
        x = np.zeros((n_y, 1))
        x[idx, 0] = 1.0
    return indices
