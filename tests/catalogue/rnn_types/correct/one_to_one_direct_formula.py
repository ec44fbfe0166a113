"""one_to_one_forward written out without the cell: with a_prev = 0 the Waa term vanishes."""

import numpy as np


def one_to_one_forward(x, parameters):
    a = np.tanh(parameters["Wax"] @ x + parameters["ba"])
    z = parameters["Wya"] @ a + parameters["by"]
    z = z - np.max(z, axis=0)
    return np.exp(z) / np.sum(np.exp(z), axis=0)
