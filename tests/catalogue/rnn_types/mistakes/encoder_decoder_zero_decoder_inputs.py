"""encoder_decoder_forward feeds zeros to the decoder at every step.

The decoder never sees what it produced, so only its hidden state carries the sequence.
"""

import numpy as np

from solutions.rnn_forward import rnn_cell_forward

FEEDBACK = {
    "es": "alimenta ceros al decodificador en cada paso",
    "en": "feeds zeros to the decoder at every step",
}


def encoder_decoder_forward(x, a0, encoder, decoder, T_y):
    a = a0
    for t in range(x.shape[2]):
        a, _, _ = rnn_cell_forward(x[:, :, t], a, encoder)
    n_y = decoder["Wya"].shape[0]
    m = x.shape[1]
    y_pred = np.zeros((n_y, m, T_y))
    for t in range(T_y):
        a, yt, _ = rnn_cell_forward(np.zeros((n_y, m)), a, decoder)
        y_pred[:, :, t] = yt
    return y_pred
