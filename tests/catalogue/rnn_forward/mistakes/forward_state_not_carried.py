"""rnn_forward passes a0 to every step: the hidden state is never carried to the next step.

Right at the first step; from the second on, each step starts again from a0.
"""

import numpy as np

FEEDBACK = {
    "es": "cada paso parte de a0 en lugar del estado anterior",
    "en": "every step starts from a0 instead of the previous state",
}


def rnn_forward(x, a0, parameters):
    caches = []
    n_x, m, T_x = x.shape
    n_y, n_a = parameters["Wya"].shape
    a = np.zeros((n_a, m, T_x))
    y_pred = np.zeros((n_y, m, T_x))
    for t in range(T_x):
        a_next, yt_pred, cache = rnn_cell_forward(x[:, :, t], a0, parameters)
        a[:, :, t] = a_next
        y_pred[:, :, t] = yt_pred
        caches.append(cache)
    return a, y_pred, (caches, x)
