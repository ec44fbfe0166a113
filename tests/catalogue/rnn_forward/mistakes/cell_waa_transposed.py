"""rnn_cell_forward multiplies by Waa transposed: Waa.T @ a_prev.

Waa is square, so the shapes work out and only the values are wrong.
"""

import numpy as np

FEEDBACK = {"es": "usa Waa transpuesta", "en": "uses Waa transposed"}


def rnn_cell_forward(xt, a_prev, parameters):
    Wax = parameters["Wax"]
    Waa = parameters["Waa"]
    Wya = parameters["Wya"]
    ba = parameters["ba"]
    by = parameters["by"]
    a_next = np.tanh(Waa.T @ a_prev + Wax @ xt + ba)
    yt_pred = softmax(Wya @ a_next + by)
    cache = (a_next, a_prev, xt, parameters)
    return a_next, yt_pred, cache
