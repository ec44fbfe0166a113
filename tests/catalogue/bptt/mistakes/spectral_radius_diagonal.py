"""Spectral radius from the diagonal.

The diagonal holds the eigenvalues of a diagonal or triangular matrix only.
"""

import numpy as np

FEEDBACK = {
    "es": "toma la diagonal, que solo da los valores propios de una matriz triangular",
    "en": "takes the diagonal, which gives the eigenvalues of a triangular matrix only",
}


def spectral_radius(W):
    return float(np.max(np.abs(np.diag(W))))
