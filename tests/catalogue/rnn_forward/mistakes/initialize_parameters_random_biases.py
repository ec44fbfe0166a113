"""initialize_parameters draws the biases at random instead of setting them to zero."""

import numpy as np


def initialize_parameters(n_a, n_x, n_y, seed=0):
    rng = np.random.default_rng(seed)
    Wax = rng.standard_normal((n_a, n_x)) * 0.01
    Waa = rng.standard_normal((n_a, n_a)) * 0.01
    Wya = rng.standard_normal((n_y, n_a)) * 0.01
    ba = rng.standard_normal((n_a, 1)) * 0.01
    by = rng.standard_normal((n_y, 1)) * 0.01
    return {"Wax": Wax, "Waa": Waa, "Wya": Wya, "ba": ba, "by": by}
