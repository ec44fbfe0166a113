"""one_to_many_sample drawing with rng.choice(range(n_y), p=probs), a list of indices spelled as a range."""

import numpy as np

from solutions.rnn_forward import rnn_cell_forward


def one_to_many_sample(parameters, T_y, rng, eos_index=None, greedy=False):
    n_y = parameters["Wya"].shape[0]
    n_a = parameters["Waa"].shape[0]
    x = np.zeros((n_y, 1))
    a_prev = np.zeros((n_a, 1))
    indices = []
    for t in range(T_y):
        a_prev, y_hat, _ = rnn_cell_forward(x, a_prev, parameters)
        probs = y_hat.ravel()
        if greedy:
            idx = int(np.argmax(probs))
        else:
            idx = rng.choice(range(n_y), p=probs)
        indices.append(int(idx))
        if eos_index is not None and idx == eos_index:
            break
        x = np.zeros((n_y, 1))
        x[idx] = 1
    return indices
