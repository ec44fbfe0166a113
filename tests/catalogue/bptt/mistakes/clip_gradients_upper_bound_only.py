"""clip_gradients that clips only from above.

np.minimum(value, max_value) leaves entries below -max_value as they are.
"""

import numpy as np

FEEDBACK = {"es": "recorta solo por arriba", "en": "clips from above only"}


def clip_gradients(gradients, max_value):
    clipped = {}
    for key, value in gradients.items():
        clipped[key] = np.minimum(value, max_value)
    return clipped
