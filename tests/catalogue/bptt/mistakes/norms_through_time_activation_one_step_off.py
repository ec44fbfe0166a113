"""Gradient norms with the tanh derivative one step off (a<t-1>).

g<t-1> = Waa^T (g<t> * (1 - a<t>**2)) needs the state of the step the gradient leaves,
a[:, :, t] in 0-based indexing, not a[:, :, t - 1]. With zero inputs every a<t> is 0 and
the mistake is invisible.
"""

import numpy as np

from solutions.rnn_forward import rnn_forward

FEEDBACK = {
    "es": "toma la derivada de tanh de la activación equivocada",
    "en": "takes the tanh derivative from the wrong activation",
}


def gradient_norms_through_time(x, a0, parameters):
    a, y_pred, caches = rnn_forward(x, a0, parameters)
    Waa = parameters["Waa"]
    n_a, m, T_x = a.shape
    norms = np.zeros(T_x)
    g = np.ones((n_a, m))
    norms[T_x - 1] = np.linalg.norm(g)
    for t in range(T_x - 1, 0, -1):
        g = np.dot(Waa.T, g * (1 - a[:, :, t - 1] ** 2))
        norms[t - 1] = np.linalg.norm(g)
    return norms
