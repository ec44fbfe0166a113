"""rnn_cell_forward swaps Wax and Waa: Wax @ a_prev + Waa @ xt.

Raises a shape error when n_x != n_a; silently wrong when n_x == n_a.
"""

import numpy as np


def rnn_cell_forward(xt, a_prev, parameters):
    Wax = parameters["Wax"]
    Waa = parameters["Waa"]
    Wya = parameters["Wya"]
    ba = parameters["ba"]
    by = parameters["by"]
    a_next = np.tanh(np.dot(Wax, a_prev) + np.dot(Waa, xt) + ba)
    yt_pred = softmax(np.dot(Wya, a_next) + by)
    cache = (a_next, a_prev, xt, parameters)
    return a_next, yt_pred, cache
