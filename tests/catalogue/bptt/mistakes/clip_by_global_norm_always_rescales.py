"""Global-norm clipping that always rescales, also below max_norm.

Every array is multiplied by max_norm / total without checking total > max_norm, so
small gradients are blown up to norm max_norm instead of being left unchanged.
"""

import numpy as np

FEEDBACK = {
    "es": "reescala aunque la norma no pase de max_norm",
    "en": "rescales even when the norm does not exceed max_norm",
}


def clip_by_global_norm(gradients, max_norm):
    total = np.sqrt(sum(np.sum(value**2) for value in gradients.values()))
    return {key: value * max_norm / total for key, value in gradients.items()}
