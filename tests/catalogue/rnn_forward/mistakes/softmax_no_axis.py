"""Softmax normalized over the whole array (no axis) instead of over axis 0.

All the entries together sum to 1, so with m > 1 no column is a probability distribution.
"""

import numpy as np

FEEDBACK = {"es": "softmax sobre el eje equivocado", "en": "softmax over the wrong axis"}


def softmax(z):
    e = np.exp(z - np.max(z))
    return e / np.sum(e)
