"""Recurrent gradient not accumulated: uses da[:, :, t] only.

The gradient that comes back from step t + 1 (da_prev) is computed but never added to
the gradient of a<t>, so backpropagation stops after one step.
"""

import numpy as np

FEEDBACK = {
    "es": "no acumula el gradiente recurrente",
    "en": "does not accumulate the recurrent gradient",
}


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
        dtanh = da[:, :, t] * (1 - a_next**2)
        dx[:, :, t] = np.dot(Wax.T, dtanh)
        da_prevt = np.dot(Waa.T, dtanh)
        dWax += np.dot(dtanh, xt.T)
        dWaa += np.dot(dtanh, a_prev.T)
        dba += np.sum(dtanh, axis=1, keepdims=True)

    da0 = da_prevt
    return {"dx": dx, "da0": da0, "dWax": dWax, "dWaa": dWaa, "dba": dba}
