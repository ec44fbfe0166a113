"""lstm_forward: c and a confused: the array c is filled with the hidden states."""

import numpy as np

FEEDBACK = {"es": "c y a confundidos: el arreglo c guarda los estados ocultos", "en": "c and a confused: the array c holds the hidden states"}


def lstm_forward(x, a0, parameters):
    n_x, m, T_x = x.shape
    n_a, n_y = a0.shape[0], parameters["Wy"].shape[0]
    a, c, y_pred = np.zeros((n_a, m, T_x)), np.zeros((n_a, m, T_x)), np.zeros((n_y, m, T_x))
    caches = []
    a_next, c_next = a0, np.zeros((n_a, m))
    for t in range(T_x):
        a_next, c_next, yt, cache = lstm_cell_forward(x[:, :, t], a_next, c_next, parameters)
        a[:, :, t], c[:, :, t], y_pred[:, :, t] = a_next, a_next, yt
        caches.append(cache)
    return a, y_pred, c, (caches, x)
