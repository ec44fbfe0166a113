"""Gradient norms with their own loop for the hidden states.

Only the hidden states a<t> matter, so the outputs are not computed; the list of norms is
built from the last step back and reversed at the end.
"""

import numpy as np


def gradient_norms_through_time(x, a0, parameters):
    Wax, Waa, ba = parameters["Wax"], parameters["Waa"], parameters["ba"]
    states = []
    a_t = a0
    for t in range(x.shape[2]):
        a_t = np.tanh(Waa @ a_t + Wax @ x[:, :, t] + ba)
        states.append(a_t)
    g = np.ones_like(a0, dtype=float)
    norms = [np.sqrt(np.sum(g * g))]
    for a_t in states[:0:-1]:  # a<T_x>, ..., a<2>
        g = Waa.T @ (g * (1 - a_t * a_t))
        norms.append(np.sqrt(np.sum(g * g)))
    return np.array(norms[::-1])
