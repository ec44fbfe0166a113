"""one_hot by indexing the columns of the identity matrix."""

import numpy as np


def one_hot(indices, vocab_size):
    indices = np.asarray(indices)
    if np.any((indices < 0) | (indices >= vocab_size)):
        raise ValueError(f"indices must be in [0, {vocab_size})")
    return np.eye(vocab_size)[:, indices.astype(np.int64)]
