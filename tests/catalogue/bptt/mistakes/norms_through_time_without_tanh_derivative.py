"""Gradient norms without the factor (1 - a<t>**2).

g<t-1> = Waa^T g<t>: right with zero inputs (a<t> = 0), but saturated units no longer
stop the gradient.
"""

import numpy as np

from solutions.rnn_forward import rnn_forward

FEEDBACK = {"es": "falta la derivada de tanh", "en": "the tanh derivative is missing"}


def gradient_norms_through_time(x, a0, parameters):
    a, y_pred, caches = rnn_forward(x, a0, parameters)
    Waa = parameters["Waa"]
    n_a, m, T_x = a.shape
    g = np.ones((n_a, m))
    norms = [np.linalg.norm(g)]
    for t in range(T_x - 1, 0, -1):
        g = np.dot(Waa.T, g)
        norms.append(np.linalg.norm(g))
    return np.array(norms[::-1])
