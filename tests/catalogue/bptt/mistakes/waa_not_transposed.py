"""Waa instead of its transpose in da_prev.

da_prev = np.dot(Waa, dtanh): the forward pass multiplies a_prev by Waa, so the gradient
goes back through Waa^T; the shapes agree (Waa is square), so nothing raises.
"""

import numpy as np

FEEDBACK = {"es": "usa Waa en lugar de su transpuesta", "en": "uses Waa instead of its transpose"}


def rnn_cell_backward(da_next, cache):
    (a_next, a_prev, xt, parameters) = cache
    Wax = parameters["Wax"]
    Waa = parameters["Waa"]

    dtanh = da_next * (1 - a_next**2)

    dxt = np.dot(Wax.T, dtanh)
    dWax = np.dot(dtanh, xt.T)
    da_prev = np.dot(Waa, dtanh)
    dWaa = np.dot(dtanh, a_prev.T)
    dba = np.sum(dtanh, axis=1, keepdims=True)

    return {"dxt": dxt, "da_prev": da_prev, "dWax": dWax, "dWaa": dWaa, "dba": dba}
