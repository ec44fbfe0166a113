"""encoder_decoder_forward starts the decoder from zeros, not the encoder state.

The encoder runs, but its result is thrown away: the output does not depend on x at all.
"""

import numpy as np

from solutions.rnn_forward import rnn_cell_forward


FEEDBACK = {
    "es": "el decodificador empieza desde ceros y no desde el último estado del codificador",
    "en": "the decoder starts from zeros, not from the encoder's last state",
}


def encoder_decoder_forward(x, a0, encoder, decoder, T_y):
    a = a0
    for t in range(x.shape[2]):
        a, _, _ = rnn_cell_forward(x[:, :, t], a, encoder)
    n_y = decoder["Wya"].shape[0]
    m = x.shape[1]
    a_dec = np.zeros((decoder["Waa"].shape[0], m))
    y_prev = np.zeros((n_y, m))
    y_pred = np.zeros((n_y, m, T_y))
    for t in range(T_y):
        a_dec, y_prev, _ = rnn_cell_forward(y_prev, a_dec, decoder)
        y_pred[:, :, t] = y_prev
    return y_pred
