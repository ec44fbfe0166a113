"""bidirectional_forward one example at a time, over its real steps only, reversing with Python's reversed."""

import numpy as np

from solutions.rnn_forward import softmax


def bidirectional_forward(x, forward, backward, Wy, by, lengths=None):
    n_x, m, T_x = x.shape
    n_a = forward["Waa"].shape[0]
    y_pred = np.zeros((Wy.shape[0], m, T_x))
    for i in range(m):
        length = T_x if lengths is None else int(lengths[i])
        ahead = {}
        a = np.zeros((n_a, 1))
        for t in range(length):
            a = np.tanh(forward["Waa"] @ a + forward["Wax"] @ x[:, i, t : t + 1] + forward["ba"])
            ahead[t] = a
        behind = {}
        a = np.zeros((n_a, 1))
        for t in reversed(range(length)):
            a = np.tanh(backward["Waa"] @ a + backward["Wax"] @ x[:, i, t : t + 1] + backward["ba"])
            behind[t] = a
        for t in range(length):
            y_pred[:, i, t] = softmax(Wy @ np.vstack([ahead[t], behind[t]]) + by)[:, 0]
    return y_pred
