"""clip_gradients with the five keys of the RNN written out.

The loop goes over dWax, dWaa, dWya, dba and dby instead of the keys of the dict it gets:
a dict with other keys (or without one of these) fails.
"""

import numpy as np


def clip_gradients(gradients, max_value):
    clipped = {}
    for key in ["dWax", "dWaa", "dWya", "dba", "dby"]:
        clipped[key] = np.clip(gradients[key], -max_value, max_value)
    return clipped
