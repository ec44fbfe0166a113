"""embedding_lookup with np.take along the word axis."""

import numpy as np


def embedding_lookup(E, indices):
    return np.take(np.asarray(E, dtype=np.float64), np.asarray(indices, dtype=np.int64), axis=1)
