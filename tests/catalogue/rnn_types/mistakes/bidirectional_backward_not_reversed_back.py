"""bidirectional_forward does not reverse the backward states back: step t gets the state of another word."""

import numpy as np

from solutions.rnn_forward import softmax
from solutions.rnn_types import reverse_padded

FEEDBACK = {
    "es": "no vuelve a invertir los estados de la dirección hacia atrás: el paso t recibe el estado de otra palabra",
    "en": "does not reverse the backward direction's states back: step t gets the state of another word",
}


def bidirectional_forward(x, forward, backward, Wy, by, lengths=None):
    n_x, m, T_x = x.shape
    n_a = forward["Waa"].shape[0]
    if lengths is None:
        lengths = np.full(m, T_x)

    def run(inputs, p):
        a, states = np.zeros((n_a, m)), np.zeros((n_a, m, T_x))
        for t in range(T_x):
            a = np.tanh(p["Waa"] @ a + p["Wax"] @ inputs[:, :, t] + p["ba"])
            states[:, :, t] = a
        return states

    a_f = run(x, forward)
    a_b = run(reverse_padded(x, lengths), backward)
    y_pred = np.zeros((Wy.shape[0], m, T_x))
    for t in range(T_x):
        yt = softmax(Wy @ np.concatenate([a_f[:, :, t], a_b[:, :, t]]) + by)
        real = t < lengths
        y_pred[:, real, t] = yt[:, real]
    return y_pred
