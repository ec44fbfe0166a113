"""masked_cross_entropy replaces the picked probability of each padded step by 1, whose log is 0.

The padded labels are replaced by 0 before indexing, so that any int may stand there.
"""

import numpy as np


def masked_cross_entropy(y_pred, y, lengths):
    n_y, m, T = y_pred.shape
    mask = np.arange(T) < np.asarray(lengths)[:, None]  # (m, T)
    labels = np.where(mask, y, 0)
    picked = np.take_along_axis(y_pred, labels[np.newaxis, :, :], axis=0)[0]  # (m, T)
    return float(-np.log(np.where(mask, picked, 1.0)).sum() / m)
