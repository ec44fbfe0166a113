"""clip_gradients that rescales each array by its norm instead of clipping entries.

Clipping by value mixed up with clipping by norm: an array whose norm exceeds max_value
is multiplied by max_value / norm, so entries well inside the interval shrink too.
"""

import numpy as np

FEEDBACK = {
    "es": "reescala cada arreglo por su norma en lugar de recortar cada entrada",
    "en": "rescales each array by its norm instead of clipping each entry",
}


def clip_gradients(gradients, max_value):
    clipped = {}
    for key, value in gradients.items():
        norm = np.linalg.norm(value)
        if norm > max_value:
            clipped[key] = value * (max_value / norm)
        else:
            clipped[key] = value.copy()
    return clipped
