"""embedding_lookup returns one row per word, (T, n_e), instead of one column."""

import numpy as np


def embedding_lookup(E, indices):
    return np.asarray(E).T[np.asarray(indices)]
