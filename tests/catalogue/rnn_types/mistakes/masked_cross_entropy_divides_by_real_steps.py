"""masked_cross_entropy divides by the number of real steps instead of by m.

A mean per character, not the course's loss (summed over the steps, mean over the examples).
"""

import numpy as np

FEEDBACK = {"es": "divide entre el número de pasos reales", "en": "divides by the number of real steps"}


def masked_cross_entropy(y_pred, y, lengths):
    total = 0.0
    for i, length in enumerate(lengths):
        for t in range(length):
            total -= np.log(y_pred[y[i, t], i, t])
    return float(total / np.sum(lengths))
