"""Numerical gradient with one-sided (forward) differences.

(f(x + eps) - f(x)) / eps has an error of order eps instead of eps**2: about 1e-5
relative, too much to check a gradient to 1e-7.
"""

import numpy as np

FEEDBACK = {"es": "diferencias de un solo lado", "en": "one-sided differences"}


def numerical_gradient(f, array, eps=1e-5):
    grad = np.zeros(array.shape)
    f0 = f()
    it = np.nditer(array, flags=["multi_index"])
    while not it.finished:
        ix = it.multi_index
        old_value = array[ix]
        array[ix] = old_value + eps
        f_plus = f()
        array[ix] = old_value
        grad[ix] = (f_plus - f0) / eps
        it.iternext()
    return grad
