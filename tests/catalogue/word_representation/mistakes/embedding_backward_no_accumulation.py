"""embedding_backward with dE[:, indices] += d_out does not add up repeated indices."""

FEEDBACK = {
    "es": "no acumula los índices repetidos (dE[:, indices] += d_out no los suma)",
    "en": "does not accumulate repeated indices (dE[:, indices] += d_out does not add them up)",
}

import numpy as np


def embedding_backward(d_out, indices, vocab_size):
    d_out = np.asarray(d_out, dtype=np.float64)
    dE = np.zeros((d_out.shape[0], vocab_size))
    dE[:, np.asarray(indices)] += d_out
    return dE
