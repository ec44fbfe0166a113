"""one_to_many_sample stops before eos instead of including it.

The sequence ends at the right step but lacks its final eos index.
"""

import numpy as np

from solutions.rnn_forward import rnn_cell_forward

FEEDBACK = {"es": "eos_index forma parte de la secuencia", "en": "eos_index is part of the sequence"}


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
        if idx == eos_index:
            break
        indices.append(idx)
        x = np.zeros((n_y, 1))
        x[idx, 0] = 1.0
    return indices
