"""cosine_similarity divides by zero (nan) when a vector is zero."""

FEEDBACK = {"es": "divide entre cero cuando un vector es nulo", "en": "divides by zero when a vector is zero"}

import numpy as np


def cosine_similarity(u, v):
    return float(np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v)))
