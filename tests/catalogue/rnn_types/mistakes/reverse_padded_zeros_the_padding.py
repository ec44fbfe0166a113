"""reverse_padded fills the padded steps with zeros instead of leaving them as they were."""

import numpy as np

FEEDBACK = {
    "es": "pone ceros en el relleno: los pasos de relleno se quedan como estaban",
    "en": "puts zeros at the padding: the padded steps stay as they were",
}


def reverse_padded(x, lengths=None):
    n, m, T = x.shape
    if lengths is None:
        lengths = [T] * m
    result = np.zeros((n, m, T))
    for i in range(m):
        for t in range(lengths[i]):
            result[:, i, t] = x[:, i, lengths[i] - 1 - t]
    return result
