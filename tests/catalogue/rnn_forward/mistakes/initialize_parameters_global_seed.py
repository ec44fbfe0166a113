"""initialize_parameters seeds numpy's global random state (np.random.seed) instead of making its own generator."""

import numpy as np

FEEDBACK = {"es": "estado aleatorio global de numpy", "en": "numpy's global random state"}


def initialize_parameters(n_a, n_x, n_y, seed=0):
    np.random.seed(seed)
    Wax = np.random.randn(n_a, n_x) * 0.01
    Waa = np.random.randn(n_a, n_a) * 0.01
    Wya = np.random.randn(n_y, n_a) * 0.01
    ba = np.zeros((n_a, 1))
    by = np.zeros((n_y, 1))
    return {"Wax": Wax, "Waa": Waa, "Wya": Wya, "ba": ba, "by": by}
