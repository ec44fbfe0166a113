"""Loss and gradients step by step with rnn_cell_forward.

The forward pass is run one cell at a time; the backward loop handles one output and one
cell per step.
"""

import numpy as np

from solutions.rnn_forward import rnn_cell_forward


def rnn_loss_and_gradients(x, y, a0, parameters):
    n_x, m, T_x = x.shape
    Waa, Wya = parameters["Waa"], parameters["Wya"]
    states, probs = [a0], []
    for t in range(T_x):
        a_t, y_t, _ = rnn_cell_forward(x[:, :, t], states[-1], parameters)
        states.append(a_t)
        probs.append(y_t)

    rows = np.arange(m)
    loss = -sum(np.log(probs[t][y[:, t], rows]).sum() for t in range(T_x)) / m

    grads = {k: np.zeros_like(parameters[k[1:]]) for k in ("dWax", "dWaa", "dWya", "dba", "dby")}
    da_carry = np.zeros_like(a0)
    for t in reversed(range(T_x)):
        dlogits = probs[t].copy()
        dlogits[y[:, t], rows] -= 1.0
        dlogits /= m
        grads["dWya"] += dlogits @ states[t + 1].T
        grads["dby"] += dlogits.sum(axis=1, keepdims=True)
        dz = (Wya.T @ dlogits + da_carry) * (1.0 - states[t + 1] ** 2)
        grads["dWax"] += dz @ x[:, :, t].T
        grads["dWaa"] += dz @ states[t].T
        grads["dba"] += dz.sum(axis=1, keepdims=True)
        da_carry = Waa.T @ dz
    grads["da0"] = da_carry
    return float(loss), grads
