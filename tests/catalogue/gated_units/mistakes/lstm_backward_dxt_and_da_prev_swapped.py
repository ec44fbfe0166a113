"""lstm_cell_backward: the stack's gradient split the wrong way round: its first n_x rows taken as dxt."""

import numpy as np

FEEDBACK = {
    "es": "la pila es [a<t-1>; x<t>]: sus primeras n_a filas son da_prev y las demás dxt",
    "en": "the stack is [a<t-1>; x<t>]: its first n_a rows are da_prev and the rest dxt",
}


def lstm_cell_backward(da_next, dc_next, cache):
    a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters = cache
    n_x = xt.shape[0]
    concat = np.concatenate([a_prev, xt], axis=0)
    tanh_c = np.tanh(c_next)
    dc = dc_next + da_next * ot * (1 - tanh_c**2)
    dz = {
        "f": dc * c_prev * ft * (1 - ft),
        "i": dc * cct * it * (1 - it),
        "c": dc * it * (1 - cct**2),
        "o": da_next * tanh_c * ot * (1 - ot),
    }
    gradients = {}
    dconcat = 0
    for gate in "fico":
        gradients["dW" + gate] = dz[gate] @ concat.T
        gradients["db" + gate] = np.sum(dz[gate], axis=1, keepdims=True)
        dconcat = dconcat + parameters["W" + gate].T @ dz[gate]
    gradients["dxt"] = dconcat[:n_x]
    gradients["da_prev"] = dconcat[n_x:]
    gradients["dc_prev"] = dc * ft
    return gradients
