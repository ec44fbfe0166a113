"""lstm_cell_forward with each W split into its a block and its x block instead of stacking [a; x]."""

import numpy as np


def lstm_cell_forward(xt, a_prev, c_prev, parameters):
    if np.shape(c_prev) != np.shape(a_prev):
        raise ValueError("c_prev must have the shape of a_prev")
    n_a = a_prev.shape[0]

    def gate(name):
        W = parameters["W" + name]
        return W[:, :n_a] @ a_prev + W[:, n_a:] @ xt + parameters["b" + name]

    ft, it, ot = (1 / (1 + np.exp(-gate(name))) for name in "fio")
    cct = np.tanh(gate("c"))
    c_next = ft * c_prev + it * cct
    a_next = ot * np.tanh(c_next)
    yt_pred = softmax(parameters["Wy"] @ a_next + parameters["by"])
    return a_next, c_next, yt_pred, (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)
