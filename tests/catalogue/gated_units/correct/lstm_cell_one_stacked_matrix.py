"""lstm_cell_forward with the four gates' weights stacked into one (4 n_a, n_a + n_x) matrix, in the order f, i, c, o."""

import numpy as np


def lstm_cell_forward(xt, a_prev, c_prev, parameters):
    if c_prev.shape != a_prev.shape:
        raise ValueError(f"c_prev {c_prev.shape} must have the shape of a_prev {a_prev.shape}")
    n_a = a_prev.shape[0]
    W = np.vstack([parameters["Wf"], parameters["Wi"], parameters["Wc"], parameters["Wo"]])
    b = np.vstack([parameters["bf"], parameters["bi"], parameters["bc"], parameters["bo"]])
    z = W @ np.vstack([a_prev, xt]) + b
    ft, it, zc, ot = np.split(z, 4, axis=0)
    ft, it, ot = 1 / (1 + np.exp(-ft)), 1 / (1 + np.exp(-it)), 1 / (1 + np.exp(-ot))
    cct = np.tanh(zc)
    c_next = ft * c_prev + it * cct
    a_next = ot * np.tanh(c_next)
    assert a_next.shape[0] == n_a
    yt_pred = softmax(parameters["Wy"] @ a_next + parameters["by"])
    return a_next, c_next, yt_pred, (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)
