"""gru_forward: every step starts from a0 instead of the state of the step before."""

import numpy as np

FEEDBACK = {"es": "cada paso empieza de a0 en lugar del estado anterior", "en": "every step starts from a0 instead of the previous state"}


def gru_forward(x, a0, parameters):
    n_x, m, T_x = x.shape
    n_a, n_y = a0.shape[0], parameters["Wy"].shape[0]
    a = np.zeros((n_a, m, T_x))
    y_pred = np.zeros((n_y, m, T_x))
    caches = []
    for t in range(T_x):
        a_next, yt, cache = gru_cell_forward(x[:, :, t], a0, parameters)
        a[:, :, t] = a_next
        y_pred[:, :, t] = yt
        caches.append(cache)
    return a, y_pred, (caches, x)
