"""dba summed without keepdims: shape (n_a,) instead of (n_a, 1).

An update ba - learning_rate * dba would then broadcast to an (n_a, n_a) matrix.
"""

import numpy as np

FEEDBACK = {"es": "suma dba sin keepdims=True", "en": "sums dba without keepdims=True"}


def rnn_cell_backward(da_next, cache):
    (a_next, a_prev, xt, parameters) = cache
    Wax = parameters["Wax"]
    Waa = parameters["Waa"]

    dtanh = da_next * (1 - a_next**2)

    dxt = np.dot(Wax.T, dtanh)
    dWax = np.dot(dtanh, xt.T)
    da_prev = np.dot(Waa.T, dtanh)
    dWaa = np.dot(dtanh, a_prev.T)
    dba = np.sum(dtanh, axis=1)

    return {"dxt": dxt, "da_prev": da_prev, "dWax": dWax, "dWaa": dWaa, "dba": dba}
