"""rnn_cell_forward with np.dot of the stacked [Waa, Wax] and the stacked [a_prev; xt].

The softmax is written out inside the cell instead of calling softmax.
"""

import numpy as np


def rnn_cell_forward(xt, a_prev, parameters):
    Wa = np.concatenate([parameters["Waa"], parameters["Wax"]], axis=1)
    stacked = np.concatenate([a_prev, xt], axis=0)
    a_next = np.tanh(np.dot(Wa, stacked) + parameters["ba"])
    z = np.dot(parameters["Wya"], a_next) + parameters["by"]
    e = np.exp(z - np.max(z, axis=0, keepdims=True))
    yt_pred = e / np.sum(e, axis=0, keepdims=True)
    return a_next, yt_pred, (a_next, a_prev, xt, parameters)
