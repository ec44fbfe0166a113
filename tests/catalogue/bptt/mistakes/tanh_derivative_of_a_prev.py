"""Tanh derivative taken at a_prev instead of a_next.

The cell's output is a_next = tanh(z), so its derivative is 1 - a_next**2; a_prev is the
input of the cell.
"""

import numpy as np

FEEDBACK = {
    "es": "toma la derivada de tanh de la activación equivocada",
    "en": "takes the tanh derivative from the wrong activation",
}


def rnn_cell_backward(da_next, cache):
    (a_next, a_prev, xt, parameters) = cache
    Wax = parameters["Wax"]
    Waa = parameters["Waa"]

    dtanh = da_next * (1 - a_prev**2)

    dxt = np.dot(Wax.T, dtanh)
    dWax = np.dot(dtanh, xt.T)
    da_prev = np.dot(Waa.T, dtanh)
    dWaa = np.dot(dtanh, a_prev.T)
    dba = np.sum(dtanh, axis=1, keepdims=True)

    return {"dxt": dxt, "da_prev": da_prev, "dWax": dWax, "dWaa": dWaa, "dba": dba}
