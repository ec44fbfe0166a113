"""rnn_forward returns the prediction of the last step only, shape (n_y, m).

y_pred is overwritten at every step instead of being stored per step.
"""

import numpy as np


def rnn_forward(x, a0, parameters):
    caches = []
    n_x, m, T_x = x.shape
    n_a = a0.shape[0]
    a = np.zeros((n_a, m, T_x))
    a_next = a0
    for t in range(T_x):
        a_next, y_pred, cache = rnn_cell_forward(x[:, :, t], a_next, parameters)
        a[:, :, t] = a_next
        caches.append(cache)
    caches = (caches, x)
    return a, y_pred, caches
