"""one_to_many_sample draws twice per step (eos check, then the index fed back).

The draw compared with eos_index is thrown away unless it is eos, and a second draw is
recorded and fed back, so the generator advances twice per step (even without eos_index).
"""

import numpy as np

from solutions.rnn_forward import rnn_cell_forward

FEEDBACK = {"es": "muestrea dos veces por paso", "en": "draws twice per step"}


def one_to_many_sample(parameters, T_y, rng, eos_index=None, greedy=False):
    n_y = parameters["Wya"].shape[0]
    n_a = parameters["Waa"].shape[0]
    x = np.zeros((n_y, 1))
    a = np.zeros((n_a, 1))
    indices = []
    for t in range(T_y):
        a, y, _ = rnn_cell_forward(x, a, parameters)
        probs = y[:, 0]
        if greedy:
            idx = int(np.argmax(probs))
        else:
            if rng.choice(n_y, p=probs) == eos_index:
                indices.append(eos_index)
                break
            idx = int(rng.choice(n_y, p=probs))
        indices.append(idx)
        if idx == eos_index:
            break
        x = np.zeros((n_y, 1))
        x[idx] = 1
    return indices
