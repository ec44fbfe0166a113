"""Spectral radius as the largest eigenvalue, without abs.

A matrix whose dominant eigenvalue is negative (or complex) gets a radius that is too
small.
"""

import numpy as np

FEEDBACK = {
    "es": "olvida el valor absoluto de los valores propios",
    "en": "forgets the absolute value of the eigenvalues",
}


def spectral_radius(W):
    eigenvalues = np.linalg.eigvals(W)
    return float(np.max(eigenvalues.real))
