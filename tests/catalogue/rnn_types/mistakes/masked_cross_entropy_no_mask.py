"""masked_cross_entropy ignores lengths: the padded steps enter the loss.

Where y_pred is 0 (as many_to_many_forward gives at the padded steps) -log 0 is infinite.
"""

import numpy as np


def masked_cross_entropy(y_pred, y, lengths):
    n_y, m, T = y_pred.shape
    loss = 0.0
    for i in range(m):
        for t in range(T):
            loss -= np.log(y_pred[y[i, t], i, t])
    return float(loss / m)
