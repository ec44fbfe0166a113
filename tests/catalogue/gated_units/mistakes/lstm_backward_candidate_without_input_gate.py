"""lstm_cell_backward: the candidate's gradient leaves out the input gate: dcct = dc * (1 - cct**2)."""

import numpy as np

FEEDBACK = {"es": "al gradiente del candidato le falta el factor de la compuerta de entrada", "en": "the candidate's gradient lacks the input gate's factor"}


def lstm_cell_backward(da_next, dc_next, cache):
    a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters = cache
    n_a = a_next.shape[0]
    concat = np.concatenate([a_prev, xt], axis=0)
    tanh_c = np.tanh(c_next)
    dc = dc_next + da_next * ot * (1 - tanh_c**2)
    dot = da_next * tanh_c * ot * (1 - ot)
    dcct = dc * (1 - cct**2)
    dit = dc * cct * it * (1 - it)
    dft = dc * c_prev * ft * (1 - ft)
    gradients = {}
    dconcat = 0
    for gate, dz in (("f", dft), ("i", dit), ("c", dcct), ("o", dot)):
        gradients["dW" + gate] = dz @ concat.T
        gradients["db" + gate] = np.sum(dz, axis=1, keepdims=True)
        dconcat = dconcat + parameters["W" + gate].T @ dz
    gradients["da_prev"] = dconcat[:n_a]
    gradients["dxt"] = dconcat[n_a:]
    gradients["dc_prev"] = dc * ft
    return gradients
