"""Softmax normalized over axis 1 (across examples) instead of axis 0.

Each row sums to 1 instead of each column: the probabilities of one class are shared out
among the examples of the batch.
"""

import numpy as np

FEEDBACK = {"es": "softmax sobre el eje equivocado", "en": "softmax over the wrong axis"}


def softmax(z):
    e = np.exp(z - np.max(z, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)
