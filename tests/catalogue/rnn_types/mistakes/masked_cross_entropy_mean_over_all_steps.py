"""masked_cross_entropy masks the padded steps but then takes the mean over all m * T steps."""

import numpy as np

FEEDBACK = {"es": "promedia sobre todos los pasos", "en": "averages over all the steps"}


def masked_cross_entropy(y_pred, y, lengths):
    n_y, m, T = y_pred.shape
    losses = np.zeros((m, T))
    for i in range(m):
        for t in range(lengths[i]):
            losses[i, t] = -np.log(y_pred[y[i, t], i, t])
    return float(np.mean(losses))
