"""initialize_parameters draws uniform numbers in [0, 1) (rng.random) instead of standard normal ones."""

import numpy as np

FEEDBACK = {"es": "no parece normal × 0.01", "en": "does not look like normal × 0.01"}


def initialize_parameters(n_a, n_x, n_y, seed=0):
    rng = np.random.default_rng(seed)
    return {
        "Wax": rng.random((n_a, n_x)) * 0.01,
        "Waa": rng.random((n_a, n_a)) * 0.01,
        "Wya": rng.random((n_y, n_a)) * 0.01,
        "ba": np.zeros((n_a, 1)),
        "by": np.zeros((n_y, 1)),
    }
