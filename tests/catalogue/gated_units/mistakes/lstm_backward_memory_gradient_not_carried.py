"""lstm_backward: dc_next is zeros at every step: the gradient along the cell state does not travel back."""

import numpy as np

FEEDBACK = {
    "es": "el gradiente del estado de la celda no viaja hacia atrás: dc_next es cero en cada paso",
    "en": "the cell state's gradient does not travel back: dc_next is zero at every step",
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
        g = lstm_cell_backward(da[:, :, t] + da_prevt, np.zeros((n_a, m)), step_caches[t])
        dx[:, :, t] = g["dxt"]
        da_prevt = g["da_prev"]
        for gate in "fico":
            grads["dW" + gate] += g["dW" + gate]
            grads["db" + gate] += g["db" + gate]
    grads["dx"], grads["da0"] = dx, da_prevt
    return grads
