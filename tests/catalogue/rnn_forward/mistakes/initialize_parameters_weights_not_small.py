"""initialize_parameters forgets the * 0.01: standard normal weights, not small ones."""

import numpy as np


def initialize_parameters(n_a, n_x, n_y, seed=0):
    rng = np.random.default_rng(seed)
    Wax = rng.standard_normal((n_a, n_x))
    Waa = rng.standard_normal((n_a, n_a))
    Wya = rng.standard_normal((n_y, n_a))
    ba = np.zeros((n_a, 1))
    by = np.zeros((n_y, 1))
    return {"Wax": Wax, "Waa": Waa, "Wya": Wya, "ba": ba, "by": by}
