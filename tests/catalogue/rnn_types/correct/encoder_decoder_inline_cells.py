"""encoder_decoder_forward with both cells written out (tanh, then a stable softmax)."""

import numpy as np


def encoder_decoder_forward(x, a0, encoder, decoder, T_y):
    state = a0
    for t in range(x.shape[2]):
        state = np.tanh(encoder["Waa"] @ state + encoder["Wax"] @ x[:, :, t] + encoder["ba"])
    outputs = []
    previous = np.zeros((decoder["Wya"].shape[0], x.shape[1]))
    for _ in range(T_y):
        state = np.tanh(decoder["Waa"] @ state + decoder["Wax"] @ previous + decoder["ba"])
        scores = decoder["Wya"] @ state + decoder["by"]
        exp = np.exp(scores - scores.max(axis=0, keepdims=True))
        previous = exp / exp.sum(axis=0, keepdims=True)
        outputs.append(previous)
    if not outputs:
        return np.zeros((decoder["Wya"].shape[0], x.shape[1], 0))
    return np.stack(outputs, axis=2)
