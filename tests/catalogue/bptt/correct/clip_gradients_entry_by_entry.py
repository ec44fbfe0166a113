"""clip_gradients with np.where, one bound at a time, on copies."""

import numpy as np


def clip_gradients(gradients, max_value):
    clipped = {}
    for key, value in gradients.items():
        value = np.array(value, dtype=float)
        value = np.where(value > max_value, max_value, value)
        clipped[key] = np.where(value < -max_value, -max_value, value)
    return clipped
