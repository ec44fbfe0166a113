"""cosine_similarity divides by zero (nan) when a vector is zero."""

import numpy as np


def cosine_similarity(u, v):
    return float(np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v)))
