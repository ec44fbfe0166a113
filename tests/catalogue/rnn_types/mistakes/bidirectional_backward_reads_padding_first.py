"""bidirectional_forward reverses the whole time axis for the backward direction, padding included.

For a padded sentence the backward direction reads the padding before its last real word, so
its states on the words are not the sentence's, and the padding changes the outputs.
"""

import numpy as np

from solutions.rnn_forward import softmax
from solutions.rnn_types import reverse_padded

FEEDBACK = {
    "es": "la dirección hacia atrás lee primero el relleno: debe empezar en la última palabra real (reverse_padded)",
    "en": "the backward direction reads the padding first: it must start at the last real word (reverse_padded)",
}


def bidirectional_forward(x, forward, backward, Wy, by, lengths=None):
    n_x, m, T_x = x.shape
    n_a = forward["Waa"].shape[0]
    if lengths is None:
        lengths = np.full(m, T_x)
    a_f = np.zeros((n_a, m, T_x))
    a_b = np.zeros((n_a, m, T_x))
    a = np.zeros((n_a, m))
    for t in range(T_x):
        a = np.tanh(forward["Waa"] @ a + forward["Wax"] @ x[:, :, t] + forward["ba"])
        a_f[:, :, t] = a
    a = np.zeros((n_a, m))
    for t in reversed(range(T_x)):
        a = np.tanh(backward["Waa"] @ a + backward["Wax"] @ x[:, :, t] + backward["ba"])
        a_b[:, :, t] = a
    y_pred = np.zeros((Wy.shape[0], m, T_x))
    for t in range(T_x):
        yt = softmax(Wy @ np.concatenate([a_f[:, :, t], a_b[:, :, t]]) + by)
        y_pred[:, :, t] = yt * (t < lengths)
    return y_pred
