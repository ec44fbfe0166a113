"""rnn_cell_forward uses the sigmoid instead of tanh for the hidden state."""

import numpy as np

FEEDBACK = {"es": "usa la sigmoide en lugar de tanh", "en": "uses the sigmoid instead of tanh"}


def rnn_cell_forward(xt, a_prev, parameters):
    Wax = parameters["Wax"]
    Waa = parameters["Waa"]
    Wya = parameters["Wya"]
    ba = parameters["ba"]
    by = parameters["by"]
    z = Waa @ a_prev + Wax @ xt + ba
    a_next = 1 / (1 + np.exp(-z))
    yt_pred = softmax(Wya @ a_next + by)
    cache = (a_next, a_prev, xt, parameters)
    return a_next, yt_pred, cache
