"""rnn_backward adds the recurrent gradient into the caller's da.

da[:, :, t] += da_prevt accumulates in the array it receives: the gradients are right, but
da comes back holding the total gradient of every state instead of the one it was given.
"""

import numpy as np

FEEDBACK = {"es": "modificó su argumento `da`", "en": "modified its argument `da`"}


def rnn_backward(da, caches):
    (caches_list, x) = caches
    (a1, a0, x1, parameters) = caches_list[0]
    n_a, m, T_x = da.shape
    n_x = x1.shape[0]
    Wax = parameters["Wax"]
    Waa = parameters["Waa"]

    dx = np.zeros((n_x, m, T_x))
    dWax = np.zeros((n_a, n_x))
    dWaa = np.zeros((n_a, n_a))
    dba = np.zeros((n_a, 1))
    da_prevt = np.zeros((n_a, m))

    for t in reversed(range(T_x)):
        a_next, a_prev, xt, _ = caches_list[t]
        da[:, :, t] += da_prevt
        dtanh = da[:, :, t] * (1 - a_next**2)
        dx[:, :, t] = np.dot(Wax.T, dtanh)
        da_prevt = np.dot(Waa.T, dtanh)
        dWax += np.dot(dtanh, xt.T)
        dWaa += np.dot(dtanh, a_prev.T)
        dba += np.sum(dtanh, axis=1, keepdims=True)

    return {"dx": dx, "da0": da_prevt, "dWax": dWax, "dWaa": dWaa, "dba": dba}
