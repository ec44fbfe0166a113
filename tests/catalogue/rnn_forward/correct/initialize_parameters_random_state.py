"""initialize_parameters with np.random.RandomState(seed).randn, other numbers than the reference.

Small random weights, zero biases, the right shapes and deterministic for a seed, as the
contract asks; the values themselves are not the reference's.
"""

import numpy as np


def initialize_parameters(n_a, n_x, n_y, seed=0):
    rng = np.random.RandomState(seed)
    parameters = {}
    parameters["Waa"] = rng.randn(n_a, n_a) * 0.01
    parameters["Wax"] = rng.randn(n_a, n_x) * 0.01
    parameters["Wya"] = rng.randn(n_y, n_a) * 0.01
    parameters["ba"] = np.zeros((n_a, 1), dtype=np.float64)
    parameters["by"] = np.zeros((n_y, 1), dtype=np.float64)
    return parameters
