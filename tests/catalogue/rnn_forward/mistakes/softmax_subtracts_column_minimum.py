"""softmax subtracts each column's minimum instead of its maximum: exp overflows for large spreads."""

import numpy as np


def softmax(z):
    e = np.exp(z - np.min(z, axis=0, keepdims=True))
    return e / np.sum(e, axis=0, keepdims=True)
