"""initialize_parameters ignores the seed: different parameters at every call.

Uses numpy's global random state, so two calls with the same seed disagree.
"""

import numpy as np


def initialize_parameters(n_a, n_x, n_y, seed=0):
    Wax = np.random.randn(n_a, n_x) * 0.01
    Waa = np.random.randn(n_a, n_a) * 0.01
    Wya = np.random.randn(n_y, n_a) * 0.01
    ba = np.zeros((n_a, 1))
    by = np.zeros((n_y, 1))
    return {"Wax": Wax, "Waa": Waa, "Wya": Wya, "ba": ba, "by": by}
