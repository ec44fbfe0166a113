"""initialize_parameters gives Wax the shape (n_x, n_a) instead of (n_a, n_x).

Only visible when n_x != n_a.
"""

import numpy as np


def initialize_parameters(n_a, n_x, n_y, seed=0):
    rng = np.random.default_rng(seed)
    Wax = rng.standard_normal((n_x, n_a)) * 0.01
    Waa = rng.standard_normal((n_a, n_a)) * 0.01
    Wya = rng.standard_normal((n_y, n_a)) * 0.01
    ba = np.zeros((n_a, 1))
    by = np.zeros((n_y, 1))
    return {"Wax": Wax, "Waa": Waa, "Wya": Wya, "ba": ba, "by": by}
