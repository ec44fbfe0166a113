"""clip_gradients that clips the caller's arrays in place.

np.clip(..., out=gradients[key]) overwrites the input arrays, and the same dict is
returned instead of a new one.
"""

import numpy as np

FEEDBACK = {"es": "modificó su argumento `gradients`", "en": "modified its argument `gradients`"}


def clip_gradients(gradients, max_value):
    for key in gradients:
        np.clip(gradients[key], -max_value, max_value, out=gradients[key])
    return gradients
