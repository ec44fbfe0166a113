"""embedding_backward with explicit loops that add each position's gradient."""

import numpy as np


def embedding_backward(d_out, indices, vocab_size):
    d_out = np.asarray(d_out, dtype=np.float64)
    indices = np.asarray(indices)
    dE = np.zeros((d_out.shape[0], vocab_size))
    for position in np.ndindex(*indices.shape):
        dE[:, indices[position]] += d_out[(slice(None),) + position]
    return dE
