"""Spectral radius from the real parts of the eigenvalues.

np.linalg.eigvals returns complex numbers for a matrix with complex eigenvalues; keeping
.real (to get rid of them) drops the imaginary part, and |real part| < |eigenvalue|.
"""

import numpy as np

FEEDBACK = {
    "es": "toma solo la parte real de los valores propios",
    "en": "takes only the real part of the eigenvalues",
}


def spectral_radius(W):
    eigenvalues = np.linalg.eigvals(W)
    return float(np.max(np.abs(eigenvalues.real)))
