"""cross_entropy_loss divides by the number of steps T_y instead of the number of examples m."""

import numpy as np

FEEDBACK = {
    "es": "divide entre el número de pasos T_y, no entre m",
    "en": "divides by the number of steps T_y, not by m",
}


def cross_entropy_loss(y_pred, y):
    n_y, m, T_y = y_pred.shape
    total = 0.0
    for i in range(m):
        for t in range(T_y):
            total -= np.log(y_pred[y[i, t], i, t])
    return float(total / T_y)
