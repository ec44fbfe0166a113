"""one_hot returns an int array (np.zeros(..., dtype=int)) instead of float64."""

FEEDBACK = {"es": "debería tener dtype float64", "en": "should have dtype float64"}

import numpy as np


def one_hot(indices, vocab_size):
    indices = np.asarray(indices)
    if np.any(indices < 0) or np.any(indices >= vocab_size):
        raise ValueError(f"indices must be in [0, {vocab_size})")
    vectors = np.zeros((vocab_size,) + indices.shape, dtype=int)
    for position in np.ndindex(*indices.shape):
        vectors[(indices[position],) + position] = 1
    return vectors
