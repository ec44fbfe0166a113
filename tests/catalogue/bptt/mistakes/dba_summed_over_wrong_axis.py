"""dba summed over the wrong axis (axis=0).

Summing over the units instead of the examples gives shape (1, m) instead of (n_a, 1).
"""

import numpy as np

FEEDBACK = {"es": "suma dba sobre el eje equivocado", "en": "sums dba over the wrong axis"}


def rnn_cell_backward(da_next, cache):
    (a_next, a_prev, xt, parameters) = cache
    Wax = parameters["Wax"]
    Waa = parameters["Waa"]

    dtanh = da_next * (1 - a_next**2)

    dxt = np.dot(Wax.T, dtanh)
    dWax = np.dot(dtanh, xt.T)
    da_prev = np.dot(Waa.T, dtanh)
    dWaa = np.dot(dtanh, a_prev.T)
    dba = np.sum(dtanh, axis=0, keepdims=True)

    return {"dxt": dxt, "da_prev": da_prev, "dWax": dWax, "dWaa": dWaa, "dba": dba}
