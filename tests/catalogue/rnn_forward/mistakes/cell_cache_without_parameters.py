"""rnn_cell_forward leaves parameters out of the cache: (a_next, a_prev, xt).

a_next and yt_pred are right; the cache has three entries instead of four.
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
    cache = (a_next, a_prev, xt)
    return a_next, yt_pred, cache
