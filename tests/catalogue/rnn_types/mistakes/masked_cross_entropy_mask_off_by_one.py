"""masked_cross_entropy leaves out each example's last real step.

The mask counts the steps from 1, as the lecture's <t> does, but compares with t < lengths[i].
"""

import numpy as np

FEEDBACK = {"es": "deja fuera el último paso real", "en": "leaves out the last real step"}


def masked_cross_entropy(y_pred, y, lengths):
    n_y, m, T = y_pred.shape
    mask = np.arange(1, T + 1)[np.newaxis, :] < lengths[:, np.newaxis]
    examples, steps = np.nonzero(mask)
    return float(-np.sum(np.log(y_pred[y[examples, steps], examples, steps])) / m)
