"""one_to_many_sample feeds back the probabilities, not a one-hot.

The draw is recorded but the next input is yt_pred itself, as in the encoder-decoder, so
the next step does not know which index was chosen.
"""

import numpy as np

from solutions.rnn_forward import rnn_cell_forward

FEEDBACK = {
    "es": "realimenta el vector de probabilidades en lugar de un one-hot",
    "en": "feeds back the vector of probabilities instead of a one-hot",
}


def one_to_many_sample(parameters, T_y, rng, eos_index=None, greedy=False):
    n_y = parameters["Wya"].shape[0]
    n_a = parameters["Waa"].shape[0]
    x = np.zeros((n_y, 1))
    a = np.zeros((n_a, 1))
    indices = []
    for t in range(T_y):
        a, y, _ = rnn_cell_forward(x, a, parameters)
        if greedy:
            idx = int(np.argmax(y))
        else:
            idx = int(rng.choice(n_y, p=y.ravel()))
        indices.append(idx)
        if idx == eos_index:
            break
        x = y
    return indices
