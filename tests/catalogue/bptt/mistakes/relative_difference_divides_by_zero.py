"""Relative difference that divides by zero when both are zero.

Two zero gradients give 0 / 0 = NaN instead of 0.0.
"""

import numpy as np


def relative_difference(grad, grad_approx):
    numerator = np.linalg.norm(grad - grad_approx)
    denominator = np.linalg.norm(grad) + np.linalg.norm(grad_approx)
    return float(numerator / denominator)
