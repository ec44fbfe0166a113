"""one_to_many_sample as a while loop, with the one-hot taken as a column of the identity."""

import numpy as np

from solutions.rnn_forward import rnn_cell_forward


def one_to_many_sample(parameters, T_y, rng, eos_index=None, greedy=False):
    vocab = parameters["Wya"].shape[0]
    identity = np.eye(vocab)
    x = np.zeros((vocab, 1))
    a = np.zeros((parameters["Waa"].shape[0], 1))
    sequence = []
    while len(sequence) < T_y:
        a, probs, _ = rnn_cell_forward(x, a, parameters)
        probs = probs.ravel()
        choice = probs.argmax() if greedy else rng.choice(vocab, p=probs)
        sequence.append(int(choice))
        if eos_index is not None and choice == eos_index:
            break
        x = identity[:, [choice]]
    return sequence
