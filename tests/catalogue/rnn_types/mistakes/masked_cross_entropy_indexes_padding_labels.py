"""masked_cross_entropy picks y_pred[y[i, t], i, t] at every step, padded ones included, then masks.

A padding label that is no class (-1 wraps around, 99 is out of range) breaks the indexing.
"""

import numpy as np


def masked_cross_entropy(y_pred, y, lengths):
    n_y, m, T = y_pred.shape
    mask = np.arange(T)[np.newaxis, :] < lengths[:, np.newaxis]
    examples, steps = np.meshgrid(np.arange(m), np.arange(T), indexing="ij")
    picked = y_pred[y, examples, steps]
    with np.errstate(divide="ignore"):
        losses = np.where(mask, -np.log(picked), 0.0)
    return float(np.sum(losses) / m)
