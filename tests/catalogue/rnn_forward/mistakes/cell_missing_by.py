"""rnn_cell_forward forgets the output bias by.

Invisible while by is zero, as initialize_parameters leaves it.
"""

import numpy as np

FEEDBACK = {"es": "falta el sesgo", "en": "the bias is missing"}


def rnn_cell_forward(xt, a_prev, parameters):
    Wax = parameters["Wax"]
    Waa = parameters["Waa"]
    Wya = parameters["Wya"]
    ba = parameters["ba"]
    a_next = np.tanh(np.dot(Waa, a_prev) + np.dot(Wax, xt) + ba)
    yt_pred = softmax(np.dot(Wya, a_next))
    cache = (a_next, a_prev, xt, parameters)
    return a_next, yt_pred, cache
