"""rnn_cell_forward stores the cache in the wrong order: (a_next, xt, a_prev, parameters).

a_next and yt_pred are right; the backward pass would read xt as a_prev.
"""

import numpy as np


def rnn_cell_forward(xt, a_prev, parameters):
    Wax = parameters["Wax"]
    Waa = parameters["Waa"]
    Wya = parameters["Wya"]
    ba = parameters["ba"]
    by = parameters["by"]
    a_next = np.tanh(Waa @ a_prev + Wax @ xt + ba)
    yt_pred = softmax(Wya @ a_next + by)
    cache = (a_next, xt, a_prev, parameters)
    return a_next, yt_pred, cache
