"""cosine_similarity divides by the norm of u only."""

import numpy as np


def cosine_similarity(u, v):
    norm_u = np.linalg.norm(u)
    if norm_u == 0.0 or np.linalg.norm(v) == 0.0:
        return 0.0
    return float(np.dot(u, v) / norm_u)
