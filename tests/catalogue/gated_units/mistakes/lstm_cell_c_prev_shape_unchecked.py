"""lstm_cell_forward: a c_prev of shape (n_a, 1) is broadcast over the m examples without a word."""

import numpy as np


def lstm_cell_forward(xt, a_prev, c_prev, parameters):
    concat = np.concatenate([a_prev, xt], axis=0)
    ft = 1 / (1 + np.exp(-(parameters["Wf"] @ concat + parameters["bf"])))
    it = 1 / (1 + np.exp(-(parameters["Wi"] @ concat + parameters["bi"])))
    cct = np.tanh(parameters["Wc"] @ concat + parameters["bc"])
    ot = 1 / (1 + np.exp(-(parameters["Wo"] @ concat + parameters["bo"])))
    c_next = ft * c_prev + it * cct
    a_next = ot * np.tanh(c_next)
    yt_pred = softmax(parameters["Wy"] @ a_next + parameters["by"])
    return a_next, c_next, yt_pred, (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)
