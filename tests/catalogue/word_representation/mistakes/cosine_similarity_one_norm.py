"""cosine_similarity divides by the norm of u only."""

FEEDBACK = {"es": "divide solo entre la norma de u; falta la de v", "en": "divides by the norm of u only; the norm of v is missing"}

import numpy as np


def cosine_similarity(u, v):
    norm_u = np.linalg.norm(u)
    if norm_u == 0.0 or np.linalg.norm(v) == 0.0:
        return 0.0
    return float(np.dot(u, v) / norm_u)
