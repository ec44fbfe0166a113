"""many_to_one_forward reads the output one step past each length.

The 0-based step index t is compared with lengths[i] instead of lengths[i] - 1: examples
shorter than T_x get the output of their first padding step, full-length ones get zeros.
"""

import numpy as np

from solutions.rnn_forward import rnn_cell_forward


FEEDBACK = {
    "es": "lee la salida un paso después del último paso real: el paso t = lengths[i] - 1 (contando desde 0) es el último",
    "en": "reads the output one step past the last real step: step t = lengths[i] - 1 (counting from 0) is the last one",
}


def many_to_one_forward(x, a0, parameters, lengths=None):
    n_x, m, T_x = x.shape
    if lengths is None:
        lengths = np.full(m, T_x)
    y_pred = np.zeros((parameters["Wya"].shape[0], m))
    a = a0
    for t in range(T_x):
        a, yt, _ = rnn_cell_forward(x[:, :, t], a, parameters)
        for i in range(m):
            if t == lengths[i]:
                y_pred[:, i] = yt[:, i]
    return y_pred
