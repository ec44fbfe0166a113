"""Spectral radius with np.linalg.eigvalsh, made for symmetric matrices.

eigvalsh reads only the lower triangle and returns the eigenvalues of the symmetric matrix
it makes from it: right for a symmetric Waa, wrong for almost any other.
"""

import numpy as np

FEEDBACK = {
    "es": "usa eigvalsh, que supone una matriz simétrica",
    "en": "uses eigvalsh, which assumes a symmetric matrix",
}


def spectral_radius(W):
    return float(np.max(np.abs(np.linalg.eigvalsh(W))))
