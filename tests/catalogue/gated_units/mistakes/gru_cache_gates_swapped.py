"""gru_cell_forward: the cache holds Gamma_u where Gamma_r goes and the other way round."""

import numpy as np

FEEDBACK = {"es": "en la caché, gamma_r y gamma_u están intercambiadas", "en": "in the cache, gamma_r and gamma_u are swapped"}


def gru_cell_forward(xt, a_prev, parameters):
    Wr, br, Wu, bu = parameters["Wr"], parameters["br"], parameters["Wu"], parameters["bu"]
    Wc, bc, Wy, by = parameters["Wc"], parameters["bc"], parameters["Wy"], parameters["by"]
    concat = np.concatenate([a_prev, xt], axis=0)
    gamma_r = 1 / (1 + np.exp(-(Wr @ concat + br)))
    gamma_u = 1 / (1 + np.exp(-(Wu @ concat + bu)))
    cct = np.tanh(Wc @ np.concatenate([gamma_r * a_prev, xt], axis=0) + bc)
    a_next = gamma_u * cct + (1 - gamma_u) * a_prev
    yt_pred = softmax(Wy @ a_next + by)
    return a_next, yt_pred, (a_next, a_prev, xt, gamma_u, gamma_r, cct, parameters)
