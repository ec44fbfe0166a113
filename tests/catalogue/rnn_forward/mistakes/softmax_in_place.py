"""Softmax that shifts its input in place: z -= z.max(axis=0) changes the caller's array.

The probabilities are right; the caller's logits come back shifted by each column's maximum.
"""

import numpy as np

FEEDBACK = {"es": "modificó su argumento `z`", "en": "modified its argument `z`"}


def softmax(z):
    z -= z.max(axis=0)
    e = np.exp(z)
    return e / e.sum(axis=0, keepdims=True)
