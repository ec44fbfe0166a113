"""Tanh derivative missing in the cell's backward pass.

da_next is multiplied by the weights directly, without the factor (1 - a_next**2), as if
the cell were linear.
"""

import numpy as np

FEEDBACK = {"es": "falta la derivada de tanh", "en": "the tanh derivative is missing"}


def rnn_cell_backward(da_next, cache):
    (a_next, a_prev, xt, parameters) = cache
    Wax = parameters["Wax"]
    Waa = parameters["Waa"]

    dtanh = da_next

    dxt = np.dot(Wax.T, dtanh)
    dWax = np.dot(dtanh, xt.T)
    da_prev = np.dot(Waa.T, dtanh)
    dWaa = np.dot(dtanh, a_prev.T)
    dba = np.sum(dtanh, axis=1, keepdims=True)

    return {"dxt": dxt, "da_prev": da_prev, "dWax": dWax, "dWaa": dWaa, "dba": dba}
