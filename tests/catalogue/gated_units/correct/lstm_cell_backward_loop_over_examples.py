"""lstm_cell_backward one example (column) at a time, with outer products for the weights."""

import numpy as np


def lstm_cell_backward(da_next, dc_next, cache):
    a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters = cache
    n_a, m = a_next.shape
    n_x = xt.shape[0]
    gradients = {"dxt": np.zeros((n_x, m)), "da_prev": np.zeros((n_a, m)), "dc_prev": np.zeros((n_a, m))}
    for gate in "fico":
        gradients["dW" + gate] = np.zeros((n_a, n_a + n_x))
        gradients["db" + gate] = np.zeros((n_a, 1))
    for i in range(m):
        s = np.concatenate([a_prev[:, i], xt[:, i]])
        tc = np.tanh(c_next[:, i])
        dc = dc_next[:, i] + da_next[:, i] * ot[:, i] * (1 - tc**2)
        dz = {
            "o": da_next[:, i] * tc * ot[:, i] * (1 - ot[:, i]),
            "c": dc * it[:, i] * (1 - cct[:, i] ** 2),
            "i": dc * cct[:, i] * it[:, i] * (1 - it[:, i]),
            "f": dc * c_prev[:, i] * ft[:, i] * (1 - ft[:, i]),
        }
        ds = np.zeros(n_a + n_x)
        for gate, d in dz.items():
            gradients["dW" + gate] += np.outer(d, s)
            gradients["db" + gate][:, 0] += d
            ds += parameters["W" + gate].T @ d
        gradients["da_prev"][:, i] = ds[:n_a]
        gradients["dxt"][:, i] = ds[n_a:]
        gradients["dc_prev"][:, i] = dc * ft[:, i]
    return gradients
