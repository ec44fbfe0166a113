"""masked_cross_entropy finds the padding from the zeros of y_pred instead of from lengths.

It works on the output of many_to_many_forward, whose padded steps are 0, and counts the padded
steps of any other y_pred.
"""

import numpy as np

FEEDBACK = {
    "es": "reconoce el relleno por los ceros de y_pred",
    "en": "finds the padding from the zeros of y_pred",
}


def masked_cross_entropy(y_pred, y, lengths):
    n_y, m, T = y_pred.shape
    total = 0.0
    for i in range(m):
        for t in range(T):
            if np.any(y_pred[:, i, t] > 0):
                total -= np.log(y_pred[y[i, t], i, t])
    return float(total / m)
