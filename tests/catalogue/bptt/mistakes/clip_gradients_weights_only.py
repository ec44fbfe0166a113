"""clip_gradients that clips the weight matrices only.

Only the keys that start with "dW" are clipped; the biases' gradients dba and dby are
copied as they are, even when they are far outside the interval.
"""

import numpy as np

FEEDBACK = {"es": "no recorta los gradientes de los sesgos", "en": "does not clip the biases' gradients"}


def clip_gradients(gradients, max_value):
    clipped = {}
    for key, value in gradients.items():
        if key.startswith("dW"):
            clipped[key] = np.clip(value, -max_value, max_value)
        else:
            clipped[key] = value.copy()
    return clipped
