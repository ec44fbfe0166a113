"""rnn_cell_forward has no recurrent term: a_prev is never used.

a<t> = tanh(Wax x<t> + ba), a feed-forward layer applied to each step on its own.
"""

import numpy as np

FEEDBACK = {"es": "no usa a_prev", "en": "a_prev is unused"}


def rnn_cell_forward(xt, a_prev, parameters):
    Wax = parameters["Wax"]
    Wya = parameters["Wya"]
    ba = parameters["ba"]
    by = parameters["by"]
    a_next = np.tanh(Wax @ xt + ba)
    yt_pred = softmax(Wya @ a_next + by)
    cache = (a_next, a_prev, xt, parameters)
    return a_next, yt_pred, cache
