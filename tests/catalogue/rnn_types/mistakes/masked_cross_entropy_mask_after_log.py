"""masked_cross_entropy multiplies the per-step losses by the mask after taking the log.

At a padded step where y_pred is 0, 0 * (-log 0) = 0 * inf is nan, not 0.
"""

import numpy as np


def masked_cross_entropy(y_pred, y, lengths):
    n_y, m, T = y_pred.shape
    mask = (np.arange(T)[np.newaxis, :] < lengths[:, np.newaxis]).astype(float)
    examples, steps = np.meshgrid(np.arange(m), np.arange(T), indexing="ij")
    losses = -np.log(y_pred[y, examples, steps])
    return float(np.sum(losses * mask) / m)
