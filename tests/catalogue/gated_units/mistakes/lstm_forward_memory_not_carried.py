"""lstm_forward: the cell state starts from zeros at every step instead of carrying c<t-1>."""

import numpy as np

FEEDBACK = {
    "es": "el estado de la celda vuelve a cero en cada paso: no se pasa c<t-1> al paso siguiente",
    "en": "the cell state goes back to zero at every step: c<t-1> is not passed on to the next step",
}


def lstm_forward(x, a0, parameters):
    n_x, m, T_x = x.shape
    n_a, n_y = a0.shape[0], parameters["Wy"].shape[0]
    a, c, y_pred = np.zeros((n_a, m, T_x)), np.zeros((n_a, m, T_x)), np.zeros((n_y, m, T_x))
    caches = []
    a_next = a0
    for t in range(T_x):
        a_next, c_next, yt, cache = lstm_cell_forward(x[:, :, t], a_next, np.zeros((n_a, m)), parameters)
        a[:, :, t], c[:, :, t], y_pred[:, :, t] = a_next, c_next, yt
        caches.append(cache)
    return a, y_pred, c, (caches, x)
