"""rnn_cell_forward multiplies Waa by xt instead of a_prev, so a_prev is never used.

Raises a shape error when n_x != n_a; silently wrong when n_x == n_a.
"""

import numpy as np

FEEDBACK = {"es": "no usa a_prev", "en": "a_prev is unused"}


def rnn_cell_forward(xt, a_prev, parameters):
    Wax = parameters["Wax"]
    Waa = parameters["Waa"]
    Wya = parameters["Wya"]
    ba = parameters["ba"]
    by = parameters["by"]
    a_next = np.tanh(Waa @ xt + Wax @ xt + ba)
    yt_pred = softmax(Wya @ a_next + by)
    cache = (a_next, a_prev, xt, parameters)
    return a_next, yt_pred, cache
