"""Gradient norms carried back with Waa instead of Waa^T.

For Waa = rho * Q with Q orthogonal the norms are the same, so only a Waa that is not
normal (almost any random one) shows the difference.
"""

import numpy as np

from solutions.rnn_forward import rnn_forward

FEEDBACK = {"es": "usa Waa en lugar de su transpuesta", "en": "uses Waa instead of its transpose"}


def gradient_norms_through_time(x, a0, parameters):
    a, y_pred, caches = rnn_forward(x, a0, parameters)
    Waa = parameters["Waa"]
    n_a, m, T_x = a.shape
    g = np.ones((n_a, m))
    norms = [np.linalg.norm(g)]
    for t in range(T_x - 1, 0, -1):
        g = np.dot(Waa, g * (1 - a[:, :, t] ** 2))
        norms.append(np.linalg.norm(g))
    return np.array(norms[::-1])
