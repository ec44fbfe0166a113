"""many_to_one_forward ignores lengths (always the last step).

The padding after a short example's last real step keeps updating the hidden state, so the
output read at step T_x is not the one of the example's last word.
"""

from solutions.rnn_forward import rnn_cell_forward

FEEDBACK = {"es": "ignora lengths", "en": "ignores lengths"}


def many_to_one_forward(x, a0, parameters, lengths=None):
    a = a0
    for t in range(x.shape[2]):
        a, yt, _ = rnn_cell_forward(x[:, :, t], a, parameters)
    return yt
