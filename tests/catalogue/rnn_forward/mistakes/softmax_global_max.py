"""Softmax subtracts the maximum of the whole array, not of each column.

Right whenever the columns have logits of similar size; a column far below the global
maximum (logits -1000 next to a column of 1000) underflows to 0 / 0 = NaN.
"""

import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z))
    return e / np.sum(e, axis=0, keepdims=True)
