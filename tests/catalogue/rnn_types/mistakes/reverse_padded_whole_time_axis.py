"""reverse_padded reverses the whole time axis, padding included (x[:, :, ::-1]).

A short example then starts with its padding, and its real steps end up at the end.
"""

import numpy as np

FEEDBACK = {
    "es": "invierte también el relleno: el paso 0 del ejemplo i debe ser su último paso real, x[:, i, lengths[i] - 1]",
    "en": "reverses the padding too: step 0 of example i must be its last real step, x[:, i, lengths[i] - 1]",
}


def reverse_padded(x, lengths=None):
    return np.array(x[:, :, ::-1], dtype=np.float64)
