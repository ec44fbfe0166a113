"""gru_cell_forward: the stack is [x<t>; a<t-1>], x on top, instead of [a<t-1>; x<t>]."""

import numpy as np

FEEDBACK = {"es": "la pila va con x arriba: debe ser [a<t-1>; x<t>]", "en": "the stack has x on top: it must be [a<t-1>; x<t>]"}


def gru_cell_forward(xt, a_prev, parameters):
    Wr, br, Wu, bu = parameters["Wr"], parameters["br"], parameters["Wu"], parameters["bu"]
    Wc, bc, Wy, by = parameters["Wc"], parameters["bc"], parameters["Wy"], parameters["by"]
    concat = np.concatenate([xt, a_prev], axis=0)
    gamma_r = 1 / (1 + np.exp(-(Wr @ concat + br)))
    gamma_u = 1 / (1 + np.exp(-(Wu @ concat + bu)))
    cct = np.tanh(Wc @ np.concatenate([xt, gamma_r * a_prev], axis=0) + bc)
    a_next = gamma_u * cct + (1 - gamma_u) * a_prev
    yt_pred = softmax(Wy @ a_next + by)
    return a_next, yt_pred, (a_next, a_prev, xt, gamma_r, gamma_u, cct, parameters)
