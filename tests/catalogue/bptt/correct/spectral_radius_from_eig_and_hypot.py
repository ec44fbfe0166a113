"""spectral_radius from np.linalg.eig, with the modulus as hypot(real part, imaginary part)."""

import numpy as np


def spectral_radius(W):
    eigenvalues, _ = np.linalg.eig(W)
    return float(np.max(np.hypot(eigenvalues.real, eigenvalues.imag)))
