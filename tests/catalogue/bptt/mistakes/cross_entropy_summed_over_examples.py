"""Cross-entropy summed over the examples instead of averaged.

The sum is not divided by m; with m = 1 it goes unnoticed.
"""

import numpy as np

FEEDBACK = {
    "es": "suma sobre los ejemplos en lugar de promediar",
    "en": "sums over the examples instead of averaging",
}


def cross_entropy_loss(y_pred, y):
    n_y, m, T_y = y_pred.shape
    loss = 0.0
    for t in range(T_y):
        for i in range(m):
            loss -= np.log(y_pred[y[i, t], i, t])
    return float(loss)
