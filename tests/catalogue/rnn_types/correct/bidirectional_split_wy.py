"""bidirectional_forward with Wy split in two halves instead of stacking the states."""

import numpy as np

from solutions.rnn_forward import softmax
from solutions.rnn_types import reverse_padded


def bidirectional_forward(x, forward, backward, Wy, by, lengths=None):
    n_x, m, T_x = x.shape
    n_a = forward["Waa"].shape[0]
    if lengths is None:
        lengths = np.full(m, T_x)
    x_back = reverse_padded(x, lengths)
    a_f, a_b = np.zeros((n_a, m, T_x)), np.zeros((n_a, m, T_x))
    a, b = np.zeros((n_a, m)), np.zeros((n_a, m))
    for t in range(T_x):
        a = np.tanh(forward["Waa"] @ a + forward["Wax"] @ x[:, :, t] + forward["ba"])
        b = np.tanh(backward["Waa"] @ b + backward["Wax"] @ x_back[:, :, t] + backward["ba"])
        a_f[:, :, t], a_b[:, :, t] = a, b
    a_b = reverse_padded(a_b, lengths)
    W_forward, W_backward = Wy[:, :n_a], Wy[:, n_a:]
    mask = np.arange(T_x)[np.newaxis, :] < np.asarray(lengths)[:, np.newaxis]  # (m, T_x)
    y_pred = np.zeros((Wy.shape[0], m, T_x))
    for t in range(T_x):
        y_pred[:, :, t] = softmax(W_forward @ a_f[:, :, t] + W_backward @ a_b[:, :, t] + by) * mask[:, t]
    return y_pred
