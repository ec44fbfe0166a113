"""gru_forward and lstm_forward that collect each step in lists and stack them at the end."""

import numpy as np


def gru_forward(x, a0, parameters):
    states, predictions, caches = [], [], []
    a_t = a0
    for t in range(x.shape[2]):
        a_t, y_t, cache = gru_cell_forward(x[:, :, t], a_t, parameters)
        states.append(a_t)
        predictions.append(y_t)
        caches.append(cache)
    return np.stack(states, axis=2), np.stack(predictions, axis=2), (caches, x)


def lstm_forward(x, a0, parameters):
    states, cells, predictions, caches = [], [], [], []
    a_t, c_t = a0, np.zeros_like(a0)
    for t in range(x.shape[2]):
        a_t, c_t, y_t, cache = lstm_cell_forward(x[:, :, t], a_t, c_t, parameters)
        states.append(a_t)
        cells.append(c_t)
        predictions.append(y_t)
        caches.append(cache)
    return np.stack(states, axis=2), np.stack(predictions, axis=2), np.stack(cells, axis=2), (caches, x)
