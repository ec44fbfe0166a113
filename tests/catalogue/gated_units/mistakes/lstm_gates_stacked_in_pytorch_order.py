"""lstm_cell_forward: the four weight matrices stacked into one and split in PyTorch's order (i, f, g, o): the forget and input gates swap."""

import numpy as np

FEEDBACK = {
    "es": "las compuertas están en otro orden: la de olvido y la de entrada intercambiadas",
    "en": "the gates are in another order: the forget and input gates swapped",
}


def lstm_cell_forward(xt, a_prev, c_prev, parameters):
    if c_prev.shape != a_prev.shape:
        raise ValueError(f"c_prev must have shape {a_prev.shape}, not {c_prev.shape}")
    n_a = a_prev.shape[0]
    W = np.concatenate([parameters[k] for k in ("Wf", "Wi", "Wc", "Wo")], axis=0)  # (4 n_a, n_a + n_x)
    b = np.concatenate([parameters[k] for k in ("bf", "bi", "bc", "bo")], axis=0)
    z = W @ np.concatenate([a_prev, xt], axis=0) + b
    it = 1 / (1 + np.exp(-z[:n_a]))  # as in torch.nn.LSTMCell: i, f, g, o
    ft = 1 / (1 + np.exp(-z[n_a : 2 * n_a]))
    cct = np.tanh(z[2 * n_a : 3 * n_a])
    ot = 1 / (1 + np.exp(-z[3 * n_a :]))
    c_next = ft * c_prev + it * cct
    a_next = ot * np.tanh(c_next)
    yt_pred = softmax(parameters["Wy"] @ a_next + parameters["by"])
    return a_next, c_next, yt_pred, (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)
