"""gru_cell_forward: the relevance gate is computed but the candidate uses a_prev as it is."""

import numpy as np

FEEDBACK = {
    "es": "el candidato no usa la compuerta de relevancia (Gamma_r * a_prev)",
    "en": "the candidate does not use the relevance gate (Gamma_r * a_prev)",
}


def gru_cell_forward(xt, a_prev, parameters):
    Wr, br, Wu, bu = parameters["Wr"], parameters["br"], parameters["Wu"], parameters["bu"]
    Wc, bc, Wy, by = parameters["Wc"], parameters["bc"], parameters["Wy"], parameters["by"]
    concat = np.concatenate([a_prev, xt], axis=0)
    gamma_r = 1 / (1 + np.exp(-(Wr @ concat + br)))
    gamma_u = 1 / (1 + np.exp(-(Wu @ concat + bu)))
    cct = np.tanh(Wc @ concat + bc)
    a_next = gamma_u * cct + (1 - gamma_u) * a_prev
    yt_pred = softmax(Wy @ a_next + by)
    return a_next, yt_pred, (a_next, a_prev, xt, gamma_r, gamma_u, cct, parameters)
