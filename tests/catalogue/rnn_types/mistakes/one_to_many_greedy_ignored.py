"""one_to_many_sample ignores greedy and always draws from rng.

greedy=True should take argmax(probs) and give the same sequence on every call.
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
        idx = int(rng.choice(n_y, p=y[:, 0]))
        indices.append(idx)
        if idx == eos_index:
            break
        x = np.zeros((n_y, 1))
        x[idx, 0] = 1.0
    return indices
