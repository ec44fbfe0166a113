"""rnn_cell_backward multiplies da_next by the tanh derivative in place.

dz = da_next does not copy: dz *= 1 - a_next**2 changes the caller's da_next. The
gradients are right; the caller's da_next comes back as dz.
"""

import numpy as np

FEEDBACK = {"es": "modificó su argumento `da_next`", "en": "modified its argument `da_next`"}


def rnn_cell_backward(da_next, cache):
    (a_next, a_prev, xt, parameters) = cache
    Wax = parameters["Wax"]
    Waa = parameters["Waa"]

    dz = da_next
    dz *= 1 - a_next**2

    dxt = np.dot(Wax.T, dz)
    dWax = np.dot(dz, xt.T)
    da_prev = np.dot(Waa.T, dz)
    dWaa = np.dot(dz, a_prev.T)
    dba = np.sum(dz, axis=1, keepdims=True)

    return {"dxt": dxt, "da_prev": da_prev, "dWax": dWax, "dWaa": dWaa, "dba": dba}
