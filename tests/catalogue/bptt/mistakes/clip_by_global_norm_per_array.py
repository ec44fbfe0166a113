"""Global-norm clipping of each array by its own norm.

Arrays that are each below max_norm are left alone even when together they are above it,
and the direction of the whole gradient changes.
"""

import numpy as np

FEEDBACK = {"es": "recorta cada arreglo por separado", "en": "clips each array separately"}


def clip_by_global_norm(gradients, max_norm):
    clipped = {}
    for key, value in gradients.items():
        norm = np.linalg.norm(value)
        if norm > max_norm:
            clipped[key] = value * (max_norm / norm)
        else:
            clipped[key] = value.copy()
    return clipped
