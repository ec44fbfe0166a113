"""lstm_backward: each step gets da[:, :, t] alone, without the da_prev of the step after it."""

import numpy as np

FEEDBACK = {
    "es": "a da[:, :, t] le falta sumar el da_prev del paso siguiente",
    "en": "da[:, :, t] lacks the da_prev of the next step added to it",
}


def lstm_backward(da, caches):
    step_caches, x = caches
    n_x, m, T_x = x.shape
    n_a = da.shape[0]
    dx = np.zeros((n_x, m, T_x))
    grads = {}
    for gate in "fico":
        grads["dW" + gate] = np.zeros((n_a, n_a + n_x))
        grads["db" + gate] = np.zeros((n_a, 1))
    da_prevt, dc_prevt = np.zeros((n_a, m)), np.zeros((n_a, m))
    for t in reversed(range(T_x)):
        g = lstm_cell_backward(da[:, :, t], dc_prevt, step_caches[t])
        dx[:, :, t] = g["dxt"]
        da_prevt, dc_prevt = g["da_prev"], g["dc_prev"]
        for gate in "fico":
            grads["dW" + gate] += g["dW" + gate]
            grads["db" + gate] += g["db" + gate]
    grads["dx"], grads["da0"] = dx, da_prevt
    return grads
