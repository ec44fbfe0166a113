"""rnn_forward running each example on its own (one column at a time), caches built after.

Every example goes through all the steps before the next one starts; the per-step caches
are then put together from the stored states, in the contract's form.
"""

import numpy as np


def rnn_forward(x, a0, parameters):
    n_x, m, T_x = x.shape
    n_a = parameters["Waa"].shape[0]
    n_y = parameters["Wya"].shape[0]
    a = np.empty((n_a, m, T_x))
    y_pred = np.empty((n_y, m, T_x))
    for i in range(m):
        a_i = a0[:, i : i + 1]
        for t in range(T_x):
            a_i, y_i, _ = rnn_cell_forward(x[:, i : i + 1, t], a_i, parameters)
            a[:, i, t] = a_i[:, 0]
            y_pred[:, i, t] = y_i[:, 0]
    step_caches = []
    for t in range(T_x):
        a_prev = a0 if t == 0 else a[:, :, t - 1]
        step_caches.append((a[:, :, t], a_prev, x[:, :, t], parameters))
    return a, y_pred, (step_caches, x)
