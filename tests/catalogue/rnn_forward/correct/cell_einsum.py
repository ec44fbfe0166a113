"""rnn_cell_forward with np.einsum for the matrix products and float64 conversion first."""

import numpy as np


def rnn_cell_forward(xt, a_prev, parameters):
    xt = np.asarray(xt, dtype=np.float64)
    a_prev = np.asarray(a_prev, dtype=np.float64)
    Wax, Waa, Wya = parameters["Wax"], parameters["Waa"], parameters["Wya"]
    ba, by = parameters["ba"], parameters["by"]
    pre_activation = np.einsum("ij,jm->im", Waa, a_prev) + np.einsum("ij,jm->im", Wax, xt)
    a_next = np.tanh(pre_activation + ba)
    yt_pred = softmax(np.einsum("ij,jm->im", Wya, a_next) + by)
    cache = (a_next, a_prev, xt, parameters)
    return a_next, yt_pred, cache
