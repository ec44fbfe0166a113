"""masked_cross_entropy keeps the steps t <= lengths[i]: one padded step too many.

That step's y_pred is 0 when it comes from many_to_many_forward, and -log 0 is infinite.
"""

import numpy as np


def masked_cross_entropy(y_pred, y, lengths):
    n_y, m, T = y_pred.shape
    loss = 0.0
    for i in range(m):
        for t in range(min(lengths[i] + 1, T)):
            loss -= np.log(y_pred[y[i, t], i, t])
    return float(loss / m)
