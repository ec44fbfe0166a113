"""gru_cell_forward: the update gate weighs the old state instead of the candidate (PyTorch's z = 1 - Gamma_u taken as Gamma_u)."""

import numpy as np

FEEDBACK = {
    "es": "la compuerta de actualización multiplica al estado anterior en lugar del candidato",
    "en": "the update gate multiplies the previous state instead of the candidate",
}


def gru_cell_forward(xt, a_prev, parameters):
    Wr, br, Wu, bu = parameters["Wr"], parameters["br"], parameters["Wu"], parameters["bu"]
    Wc, bc, Wy, by = parameters["Wc"], parameters["bc"], parameters["Wy"], parameters["by"]
    concat = np.concatenate([a_prev, xt], axis=0)
    gamma_r = 1 / (1 + np.exp(-(Wr @ concat + br)))
    gamma_u = 1 / (1 + np.exp(-(Wu @ concat + bu)))
    cct = np.tanh(Wc @ np.concatenate([gamma_r * a_prev, xt], axis=0) + bc)
    a_next = (1 - gamma_u) * cct + gamma_u * a_prev
    yt_pred = softmax(Wy @ a_next + by)
    return a_next, yt_pred, (a_next, a_prev, xt, gamma_r, gamma_u, cct, parameters)
