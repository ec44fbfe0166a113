"""rnn_forward stores y_pred after the loop: only the last step is filled, the rest are zeros.

The shape is right; visible as soon as T_x > 1.
"""

import numpy as np


def rnn_forward(x, a0, parameters):
    caches = []
    n_x, m, T_x = x.shape
    n_y, n_a = parameters["Wya"].shape
    a = np.zeros((n_a, m, T_x))
    y_pred = np.zeros((n_y, m, T_x))
    a_next = a0
    for t in range(T_x):
        a_next, yt_pred, cache = rnn_cell_forward(x[:, :, t], a_next, parameters)
        a[:, :, t] = a_next
        caches.append(cache)
    y_pred[:, :, t] = yt_pred
    caches = (caches, x)
    return a, y_pred, caches
