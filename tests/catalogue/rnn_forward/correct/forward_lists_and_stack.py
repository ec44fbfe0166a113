"""rnn_forward collecting the states and predictions in lists and stacking them at the end."""

import numpy as np


def rnn_forward(x, a0, parameters):
    states, predictions, step_caches = [], [], []
    a_t = a0
    for t in range(x.shape[2]):
        a_t, y_t, cache = rnn_cell_forward(x[:, :, t], a_t, parameters)
        states.append(a_t)
        predictions.append(y_t)
        step_caches.append(cache)
    a = np.stack(states, axis=-1)
    y_pred = np.stack(predictions, axis=-1)
    return a, y_pred, (step_caches, x)
