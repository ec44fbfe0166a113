"""gru_cell_forward: sigmoid and tanh swapped: the candidate goes through the sigmoid and the gates through tanh."""

import numpy as np

FEEDBACK = {"es": "la sigmoide y tanh están intercambiadas", "en": "the sigmoid and tanh are swapped"}


def gru_cell_forward(xt, a_prev, parameters):
    Wr, br, Wu, bu = parameters["Wr"], parameters["br"], parameters["Wu"], parameters["bu"]
    Wc, bc, Wy, by = parameters["Wc"], parameters["bc"], parameters["Wy"], parameters["by"]
    concat = np.concatenate([a_prev, xt], axis=0)
    gamma_r = np.tanh(Wr @ concat + br)
    gamma_u = np.tanh(Wu @ concat + bu)
    cct = 1 / (1 + np.exp(-(Wc @ np.concatenate([gamma_r * a_prev, xt], axis=0) + bc)))
    a_next = gamma_u * cct + (1 - gamma_u) * a_prev
    yt_pred = softmax(Wy @ a_next + by)
    return a_next, yt_pred, (a_next, a_prev, xt, gamma_r, gamma_u, cct, parameters)
