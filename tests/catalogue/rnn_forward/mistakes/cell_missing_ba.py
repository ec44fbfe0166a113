"""rnn_cell_forward forgets the hidden bias ba.

Invisible while ba is zero, as initialize_parameters leaves it.
"""

import numpy as np

FEEDBACK = {"es": "falta el sesgo", "en": "the bias is missing"}


def rnn_cell_forward(xt, a_prev, parameters):
    Wax = parameters["Wax"]
    Waa = parameters["Waa"]
    Wya = parameters["Wya"]
    by = parameters["by"]
    a_next = np.tanh(np.dot(Waa, a_prev) + np.dot(Wax, xt))
    yt_pred = softmax(np.dot(Wya, a_next) + by)
    cache = (a_next, a_prev, xt, parameters)
    return a_next, yt_pred, cache
