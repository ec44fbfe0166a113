"""Spectral radius from the eigenvectors.

np.linalg.eig returns (eigenvalues, eigenvectors); unpacking it the other way round takes
the largest entry of the (unit-length) eigenvectors.
"""

import numpy as np

FEEDBACK = {
    "es": "toma los vectores propios en lugar de los valores propios",
    "en": "takes the eigenvectors instead of the eigenvalues",
}


def spectral_radius(W):
    _, eigenvalues = np.linalg.eig(W)
    return float(np.max(np.abs(eigenvalues)))
