"""reverse_padded reads step lengths[i] - t instead of lengths[i] - 1 - t.

The 1-based lecture index mixed with the 0-based array index: it starts one step late, on the
first padded step; the modulo, added to silence an IndexError, keeps a full-length example
inside the array.
"""

import numpy as np

FEEDBACK = {
    "es": "toma el paso lengths[i] - t en lugar de lengths[i] - 1 - t: empieza un paso tarde",
    "en": "takes step lengths[i] - t instead of lengths[i] - 1 - t: it starts one step late",
}


def reverse_padded(x, lengths=None):
    n, m, T = x.shape
    if lengths is None:
        lengths = np.full(m, T)
    result = np.array(x, dtype=np.float64)
    for i in range(m):
        for t in range(lengths[i]):
            result[:, i, t] = x[:, i, (lengths[i] - t) % T]
    return result
