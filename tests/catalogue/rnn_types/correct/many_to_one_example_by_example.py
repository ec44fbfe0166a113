"""many_to_one_forward runs each example on its own, over its real steps only."""

import numpy as np

from solutions.rnn_forward import rnn_cell_forward


def many_to_one_forward(x, a0, parameters, lengths=None):
    n_x, m, T_x = x.shape
    result = np.zeros((parameters["Wya"].shape[0], m))
    for i in range(m):
        steps = T_x if lengths is None else int(lengths[i])
        a = a0[:, [i]]
        for t in range(steps):
            a, y, _ = rnn_cell_forward(x[:, [i], t], a, parameters)
        result[:, i] = y[:, 0]
    return result
