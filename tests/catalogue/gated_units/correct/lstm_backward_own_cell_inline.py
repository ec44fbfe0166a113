"""lstm_backward with the cell's backward written inline instead of calling lstm_cell_backward."""

import numpy as np


def lstm_backward(da, caches):
    step_caches, x = caches
    n_x, m, T_x = x.shape
    n_a = da.shape[0]
    g = {"dx": np.zeros((n_x, m, T_x))}
    for gate in "fico":
        g["dW" + gate], g["db" + gate] = 0.0, 0.0
    da_next, dc_next = np.zeros((n_a, m)), np.zeros((n_a, m))
    for t in range(T_x - 1, -1, -1):
        a, c, a_prev, c_prev, ft, it, cct, ot, xt, p = step_caches[t]
        da_t = da[:, :, t] + da_next
        dc = dc_next + da_t * ot * (1 - np.tanh(c) ** 2)
        dz = {
            "f": dc * c_prev * ft * (1 - ft),
            "i": dc * cct * it * (1 - it),
            "c": dc * it * (1 - cct**2),
            "o": da_t * np.tanh(c) * ot * (1 - ot),
        }
        stacked = np.vstack([a_prev, xt])
        dstack = sum(p["W" + k].T @ dz[k] for k in "fico")
        for k in "fico":
            g["dW" + k] = g["dW" + k] + dz[k] @ stacked.T
            g["db" + k] = g["db" + k] + dz[k].sum(axis=1, keepdims=True)
        g["dx"][:, :, t] = dstack[n_a:]
        da_next, dc_next = dstack[:n_a], dc * ft
    g["da0"] = da_next
    return g
