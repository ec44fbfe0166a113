"""Numerical gradient restoring each entry from a saved copy."""

import numpy as np


def numerical_gradient(f, array, eps=1e-5):
    saved = array.copy()
    grad = np.empty(array.shape)
    for index in np.ndindex(*array.shape):
        array[index] = saved[index] + eps
        up = f()
        array[index] = saved[index] - eps
        down = f()
        array[index] = saved[index]
        grad[index] = (up - down) / (2 * eps)
    return grad
