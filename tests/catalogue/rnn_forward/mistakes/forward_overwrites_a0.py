"""rnn_forward uses a0 as its state buffer: it overwrites the caller's a0.

a and y_pred are right, but a0 holds the last state afterwards and every cached a_prev is
that same array.
"""

import numpy as np


def rnn_forward(x, a0, parameters):
    caches = []
    n_x, m, T_x = x.shape
    n_y, n_a = parameters["Wya"].shape
    a = np.zeros((n_a, m, T_x))
    y_pred = np.zeros((n_y, m, T_x))
    a_prev = a0
    for t in range(T_x):
        a_next, yt_pred, cache = rnn_cell_forward(x[:, :, t], a_prev, parameters)
        a[:, :, t] = a_next
        y_pred[:, :, t] = yt_pred
        caches.append(cache)
        a_prev[:] = a_next
    return a, y_pred, (caches, x)
