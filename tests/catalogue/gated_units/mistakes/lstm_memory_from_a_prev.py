"""lstm_cell_forward: c and a confused: the memory keeps Gamma_f * a_prev instead of Gamma_f * c_prev."""

import numpy as np

FEEDBACK = {"es": "c y a confundidos: la memoria usa a_prev en lugar de c_prev", "en": "c and a confused: the memory uses a_prev instead of c_prev"}


def lstm_cell_forward(xt, a_prev, c_prev, parameters):
    if c_prev.shape != a_prev.shape:
        raise ValueError(f"c_prev must have shape {a_prev.shape}, not {c_prev.shape}")
    Wf, bf, Wi, bi = parameters["Wf"], parameters["bf"], parameters["Wi"], parameters["bi"]
    Wc, bc, Wo, bo = parameters["Wc"], parameters["bc"], parameters["Wo"], parameters["bo"]
    Wy, by = parameters["Wy"], parameters["by"]
    concat = np.concatenate([a_prev, xt], axis=0)
    ft = 1 / (1 + np.exp(-(Wf @ concat + bf)))
    it = 1 / (1 + np.exp(-(Wi @ concat + bi)))
    cct = np.tanh(Wc @ concat + bc)
    ot = 1 / (1 + np.exp(-(Wo @ concat + bo)))
    c_next = ft * a_prev + it * cct
    a_next = ot * np.tanh(c_next)
    yt_pred = softmax(Wy @ a_next + by)
    return a_next, c_next, yt_pred, (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)
