"""rnn_forward computes every state in place with np.tanh(..., out=state), starting at a0.

To save allocating a new array at each step the state is overwritten in place, but the
first one is the caller's a0: a, y_pred and the caches are right, and a0 comes back as the
last state.
"""

import numpy as np

FEEDBACK = {"es": "modificó su argumento `a0`", "en": "modified its argument `a0`"}


def rnn_forward(x, a0, parameters):
    Wax, Waa, Wya = parameters["Wax"], parameters["Waa"], parameters["Wya"]
    ba, by = parameters["ba"], parameters["by"]
    n_x, m, T_x = x.shape
    n_a, n_y = Waa.shape[0], Wya.shape[0]
    a = np.zeros((n_a, m, T_x))
    y_pred = np.zeros((n_y, m, T_x))
    caches = []
    state = a0
    for t in range(T_x):
        a_prev = state.copy()
        np.tanh(Waa @ state + Wax @ x[:, :, t] + ba, out=state)
        a[:, :, t] = state
        y_pred[:, :, t] = softmax(Wya @ state + by)
        caches.append((a[:, :, t].copy(), a_prev, x[:, :, t], parameters))
    return a, y_pred, (caches, x)
