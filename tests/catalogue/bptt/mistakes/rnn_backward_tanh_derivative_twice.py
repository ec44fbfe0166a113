"""rnn_backward multiplies by tanh' before calling rnn_cell_backward, which multiplies by it again.

The cell's backward pass already takes da_next through tanh: the gradient gets (1 - a**2) twice.
"""

import numpy as np

FEEDBACK = {"es": "aplica la derivada de tanh dos veces", "en": "applies the derivative of tanh twice"}


def rnn_backward(da, caches):
    step_caches, x = caches
    n_x, m, T_x = x.shape
    n_a = da.shape[0]
    gradients = {
        "dx": np.zeros((n_x, m, T_x)),
        "da0": np.zeros((n_a, m)),
        "dWax": np.zeros((n_a, n_x)),
        "dWaa": np.zeros((n_a, n_a)),
        "dba": np.zeros((n_a, 1)),
    }
    da_prev = np.zeros((n_a, m))
    for t in reversed(range(T_x)):
        a_next = step_caches[t][0]
        da_next = (da[:, :, t] + da_prev) * (1 - a_next**2)
        step = rnn_cell_backward(da_next, step_caches[t])
        gradients["dx"][:, :, t] = step["dxt"]
        da_prev = step["da_prev"]
        gradients["dWax"] += step["dWax"]
        gradients["dWaa"] += step["dWaa"]
        gradients["dba"] += step["dba"]
    gradients["da0"] = da_prev
    return gradients
