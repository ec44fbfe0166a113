"""rnn_loss_and_gradients divides by m twice: once in the output gradient, again at the end.

Every gradient comes out m times too small; with m = 1 it goes unnoticed.
"""

import numpy as np

from solutions.rnn_forward import rnn_forward

FEEDBACK = {"es": "divide entre m dos veces", "en": "divides by m twice"}


def rnn_loss_and_gradients(x, y, a0, parameters):
    a, y_pred, caches = rnn_forward(x, a0, parameters)
    n_y, m, T_x = y_pred.shape
    loss = cross_entropy_loss(y_pred, y)
    dz = y_pred.copy()
    for i in range(m):
        for t in range(T_x):
            dz[y[i, t], i, t] -= 1
    dz = dz / m
    dWya = np.zeros_like(parameters["Wya"])
    dby = np.zeros((n_y, 1))
    da = np.zeros(a.shape)
    for t in range(T_x):
        dWya += dz[:, :, t] @ a[:, :, t].T
        dby += dz[:, :, t].sum(axis=1, keepdims=True)
        da[:, :, t] = parameters["Wya"].T @ dz[:, :, t]
    backward = rnn_backward(da, caches)
    gradients = {
        "dWax": backward["dWax"],
        "dWaa": backward["dWaa"],
        "dWya": dWya,
        "dba": backward["dba"],
        "dby": dby,
        "da0": backward["da0"],
    }
    return loss, {key: value / m for key, value in gradients.items()}
