"""rnn_forward calls initialize_parameters itself and ignores the parameters it is given.

Its output depends only on the shapes of the parameters, not on their values.
"""

import numpy as np

FEEDBACK = {"es": "no usa los parámetros que recibe", "en": "ignores the parameters it is given"}


def rnn_forward(x, a0, parameters):
    caches = []
    n_x, m, T_x = x.shape
    n_y, n_a = parameters["Wya"].shape
    parameters = initialize_parameters(n_a, n_x, n_y)
    a = np.zeros((n_a, m, T_x))
    y_pred = np.zeros((n_y, m, T_x))
    a_next = a0
    for t in range(T_x):
        a_next, yt_pred, cache = rnn_cell_forward(x[:, :, t], a_next, parameters)
        a[:, :, t] = a_next
        y_pred[:, :, t] = yt_pred
        caches.append(cache)
    caches = (caches, x)
    return a, y_pred, caches
