"""rnn_backward with the weight gradients formed after the loop.

The loop only carries the recurrent gradient back and keeps dz of every step; dWax, dWaa
and dba are then sums over the steps and examples at once, with np.einsum.
"""

import numpy as np


def rnn_backward(da, caches):
    step_caches, x = caches
    n_a, m, T_x = da.shape
    Wax = step_caches[0][3]["Wax"]
    Waa = step_caches[0][3]["Waa"]
    a = np.stack([c[0] for c in step_caches], axis=2)
    a_prev = np.stack([c[1] for c in step_caches], axis=2)

    dz = np.zeros((n_a, m, T_x))
    carried = np.zeros((n_a, m))
    for t in range(T_x - 1, -1, -1):
        dz[:, :, t] = (da[:, :, t] + carried) * (1 - a[:, :, t] ** 2)
        carried = Waa.T @ dz[:, :, t]

    return {
        "dx": np.einsum("ax,amt->xmt", Wax, dz),
        "da0": carried,
        "dWax": np.einsum("amt,xmt->ax", dz, x),
        "dWaa": np.einsum("amt,bmt->ab", dz, a_prev),
        "dba": dz.sum(axis=(1, 2)).reshape(n_a, 1),
    }
