"""Spectral radius as the largest singular value.

np.linalg.norm(W, 2) agrees with the largest |eigenvalue| for symmetric and scaled
orthogonal matrices, not in general.
"""

import numpy as np

FEEDBACK = {
    "es": "usa el mayor valor singular en lugar del mayor valor propio en valor absoluto",
    "en": "uses the largest singular value instead of the largest absolute eigenvalue",
}


def spectral_radius(W):
    return float(np.linalg.norm(W, 2))
