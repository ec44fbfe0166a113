"""cosine_similarity returns 1 for equal vectors before looking at the norms: cos(0, 0) = 1."""

import numpy as np


def cosine_similarity(u, v):
    if np.all(u == v):
        return 1.0
    norm_u, norm_v = np.linalg.norm(u), np.linalg.norm(v)
    if norm_u == 0 or norm_v == 0:
        return 0.0
    return float(np.dot(u, v) / (norm_u * norm_v))
