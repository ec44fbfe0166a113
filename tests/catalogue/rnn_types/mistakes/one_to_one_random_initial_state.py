"""one_to_one_forward starts from a random a_prev instead of zeros.

The output changes from one call to the next, and depends on Waa.
"""

import numpy as np

from solutions.rnn_forward import rnn_cell_forward


def one_to_one_forward(x, parameters):
    n_a = parameters["Waa"].shape[0]
    a_prev = np.random.randn(n_a, x.shape[1]) * 0.01
    _, y, _ = rnn_cell_forward(x, a_prev, parameters)
    return y
