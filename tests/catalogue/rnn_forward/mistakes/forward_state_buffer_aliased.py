"""rnn_forward writes every state into one buffer: all the stored states equal the last one.

a_next[:] = ... reuses the same array at every step, and the list of states and the caches
keep references to it. y_pred is right; a and the caches are wrong as soon as T_x > 1.
"""

import numpy as np

FEEDBACK = {
    "es": "todos los estados guardados son el mismo arreglo",
    "en": "every stored state is the same array",
}


def rnn_forward(x, a0, parameters):
    Wax = parameters["Wax"]
    Waa = parameters["Waa"]
    Wya = parameters["Wya"]
    ba = parameters["ba"]
    by = parameters["by"]
    n_x, m, T_x = x.shape
    n_a = Waa.shape[0]
    states, predictions, caches = [], [], []
    a_prev = a0
    a_next = np.zeros((n_a, m))
    for t in range(T_x):
        xt = x[:, :, t]
        a_next[:] = np.tanh(Waa @ a_prev + Wax @ xt + ba)
        yt_pred = softmax(Wya @ a_next + by)
        states.append(a_next)
        predictions.append(yt_pred)
        caches.append((a_next, a_prev, xt, parameters))
        a_prev = a_next
    a = np.stack(states, axis=2)
    y_pred = np.stack(predictions, axis=2)
    return a, y_pred, (caches, x)
