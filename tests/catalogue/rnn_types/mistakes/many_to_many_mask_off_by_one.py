"""many_to_many_forward masks off by one (keeps only t < length - 1).

The student mixes the 1-based lecture index <t> with the 0-based array index t.
"""

import numpy as np

from solutions.rnn_forward import rnn_cell_forward


FEEDBACK = {
    "es": "pone en cero también el último paso real: los pasos reales son t < lengths[i] (contando desde 0)",
    "en": "also zeroes the last real step: the real steps are t < lengths[i] (counting from 0)",
}


def many_to_many_forward(x, a0, parameters, lengths=None):
    n_x, m, T_x = x.shape
    if lengths is None:
        lengths = np.full(m, T_x)
    y_pred = np.zeros((parameters["Wya"].shape[0], m, T_x))
    a = a0
    for t in range(T_x):
        a, yt, _ = rnn_cell_forward(x[:, :, t], a, parameters)
        for i in range(m):
            if t < lengths[i] - 1:
                y_pred[:, i, t] = yt[:, i]
    return y_pred
