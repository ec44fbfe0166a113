"""gru_cell_forward with np.einsum for the products and the sigmoid written as (1 + tanh(z / 2)) / 2."""

import numpy as np


def gru_cell_forward(xt, a_prev, parameters):
    concat = np.concatenate((a_prev, xt))
    gamma_r = 0.5 * (1 + np.tanh(0.5 * (np.einsum("ij,jm->im", parameters["Wr"], concat) + parameters["br"])))
    gamma_u = 0.5 * (1 + np.tanh(0.5 * (np.einsum("ij,jm->im", parameters["Wu"], concat) + parameters["bu"])))
    reset = np.concatenate((gamma_r * a_prev, xt))
    cct = np.tanh(np.einsum("ij,jm->im", parameters["Wc"], reset) + parameters["bc"])
    a_next = a_prev + gamma_u * (cct - a_prev)
    yt_pred = softmax(np.einsum("ij,jm->im", parameters["Wy"], a_next) + parameters["by"])
    return a_next, yt_pred, (a_next, a_prev, xt, gamma_r, gamma_u, cct, parameters)
