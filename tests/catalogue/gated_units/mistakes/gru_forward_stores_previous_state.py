"""gru_forward: a[:, :, t] gets the state that entered step t, not the one it produced."""

import numpy as np

FEEDBACK = {
    "es": "a[:, :, t] guarda el estado que entra al paso, no el que sale",
    "en": "a[:, :, t] holds the state going into the step, not the one coming out",
}


def gru_forward(x, a0, parameters):
    n_x, m, T_x = x.shape
    n_a, n_y = a0.shape[0], parameters["Wy"].shape[0]
    a = np.zeros((n_a, m, T_x))
    y_pred = np.zeros((n_y, m, T_x))
    caches = []
    a_prev = a0
    for t in range(T_x):
        a[:, :, t] = a_prev
        a_prev, yt, cache = gru_cell_forward(x[:, :, t], a_prev, parameters)
        y_pred[:, :, t] = yt
        caches.append(cache)
    return a, y_pred, (caches, x)
