"""Numerical gradient that does not restore the array.

Each entry is left at x - eps: the caller's array comes back changed, and the gradient of
every later entry is taken at a point where the earlier entries are already shifted.
"""

import numpy as np

FEEDBACK = {"es": "no dejó array como estaba", "en": "did not leave array as it was"}


def numerical_gradient(f, array, eps=1e-5):
    grad = np.zeros(array.shape)
    for ix in np.ndindex(array.shape):
        array[ix] += eps
        f_plus = f()
        array[ix] -= 2 * eps
        f_minus = f()
        grad[ix] = (f_plus - f_minus) / (2 * eps)
    return grad
