"""one_hot puts the vocabulary on the last axis: (T, V) instead of (V, T)."""

FEEDBACK = {"es": "devuelve (T, V) en lugar de (V, T)", "en": "returns (T, V) instead of (V, T)"}

import numpy as np


def one_hot(indices, vocab_size):
    indices = np.asarray(indices)
    if np.any(indices < 0) or np.any(indices >= vocab_size):
        raise ValueError("indices out of range")
    return np.eye(vocab_size)[indices]
