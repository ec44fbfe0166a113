"""rnn_cell_backward with the derivative 1 / cosh(z)**2.

The pre-activation z is recomputed; sech(z)**2 equals 1 - tanh(z)**2 = 1 - a_next**2.
"""

import numpy as np


def rnn_cell_backward(da_next, cache):
    a_next, a_prev, xt, parameters = cache
    Wax, Waa, ba = parameters["Wax"], parameters["Waa"], parameters["ba"]
    z = Wax @ xt + Waa @ a_prev + ba
    dz = da_next / np.cosh(z) ** 2
    gradients = {}
    gradients["dxt"] = Wax.T @ dz
    gradients["da_prev"] = Waa.T @ dz
    gradients["dWax"] = dz @ xt.T
    gradients["dWaa"] = dz @ a_prev.T
    gradients["dba"] = dz.sum(axis=1).reshape(-1, 1)
    return gradients
