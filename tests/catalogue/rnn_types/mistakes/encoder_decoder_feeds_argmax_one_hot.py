"""encoder_decoder_forward feeds the decoder the one-hot of argmax, not y_pred.

This mixes up the decoder of the contract with greedy decoding at inference time.
"""

import numpy as np

from solutions.rnn_forward import rnn_cell_forward


FEEDBACK = {
    "es": "alimenta al decodificador con el one-hot del argmax, no con su salida anterior y_pred completa",
    "en": "feeds the decoder the one-hot of the argmax, not its whole previous output y_pred",
}


def encoder_decoder_forward(x, a0, encoder, decoder, T_y):
    a = a0
    for t in range(x.shape[2]):
        a, _, _ = rnn_cell_forward(x[:, :, t], a, encoder)
    n_y = decoder["Wya"].shape[0]
    m = x.shape[1]
    y_pred = np.zeros((n_y, m, T_y))
    x_dec = np.zeros((n_y, m))
    for t in range(T_y):
        a, yt, _ = rnn_cell_forward(x_dec, a, decoder)
        y_pred[:, :, t] = yt
        x_dec = np.zeros((n_y, m))
        x_dec[np.argmax(yt, axis=0), np.arange(m)] = 1.0
    return y_pred
