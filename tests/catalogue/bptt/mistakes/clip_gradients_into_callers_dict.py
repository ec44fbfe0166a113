"""clip_gradients that stores the clipped arrays in the caller's dict.

np.clip makes new arrays, but they replace the entries of `gradients` itself, which is
returned: the caller's dict no longer holds the gradients it had.
"""

import numpy as np

FEEDBACK = {"es": "modificó su argumento `gradients`", "en": "modified its argument `gradients`"}


def clip_gradients(gradients, max_value):
    for key in gradients:
        gradients[key] = np.clip(gradients[key], -max_value, max_value)
    return gradients
