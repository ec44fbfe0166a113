"""one_to_many_sample never feeds the drawn index back (input stays zero).

The one-hot is built but assigned to a new name, so x<t> = 0 for all t.
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
        idx = int(np.argmax(probs)) if greedy else int(rng.choice(n_y, p=probs))
        indices.append(idx)
        if idx == eos_index:
            break
        x_next = np.zeros((n_y, 1))
        x_next[idx, 0] = 1.0
    return indices
