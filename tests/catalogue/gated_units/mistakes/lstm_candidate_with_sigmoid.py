"""lstm_cell_forward: sigmoid and tanh swapped: the candidate goes through the sigmoid, the gates through tanh."""

import numpy as np

FEEDBACK = {"es": "la sigmoide y tanh están intercambiadas", "en": "the sigmoid and tanh are swapped"}


def lstm_cell_forward(xt, a_prev, c_prev, parameters):
    if c_prev.shape != a_prev.shape:
        raise ValueError(f"c_prev must have shape {a_prev.shape}, not {c_prev.shape}")
    Wf, bf, Wi, bi = parameters["Wf"], parameters["bf"], parameters["Wi"], parameters["bi"]
    Wc, bc, Wo, bo = parameters["Wc"], parameters["bc"], parameters["Wo"], parameters["bo"]
    Wy, by = parameters["Wy"], parameters["by"]
    concat = np.concatenate([a_prev, xt], axis=0)
    ft = np.tanh(Wf @ concat + bf)
    it = np.tanh(Wi @ concat + bi)
    cct = 1 / (1 + np.exp(-(Wc @ concat + bc)))
    ot = np.tanh(Wo @ concat + bo)
    c_next = ft * c_prev + it * cct
    a_next = ot * np.tanh(c_next)
    yt_pred = softmax(Wy @ a_next + by)
    return a_next, c_next, yt_pred, (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)
