"""Output gradient with its sign flipped: one_hot(y) - y_pred instead of y_pred - one_hot(y).

Every gradient comes out with the opposite sign, so gradient descent would climb the loss.
No FEEDBACK phrase: the grader's general analysis of gradients
(rnncheck.answers.wrong_term) names the term.
"""

import numpy as np

from solutions.rnn_forward import rnn_forward


def rnn_loss_and_gradients(x, y, a0, parameters):
    a, y_pred, caches = rnn_forward(x, a0, parameters)
    caches_list, x = caches
    n_y, m, T_x = y_pred.shape
    n_a = a0.shape[0]
    Wax, Waa, Wya = parameters["Wax"], parameters["Waa"], parameters["Wya"]

    loss = 0.0
    for t in range(T_x):
        for i in range(m):
            loss -= np.log(y_pred[y[i, t], i, t])
    loss = loss / m

    dWax = np.zeros_like(Wax)
    dWaa = np.zeros_like(Waa)
    dWya = np.zeros_like(Wya)
    dba = np.zeros((n_a, 1))
    dby = np.zeros((n_y, 1))
    da_next = np.zeros((n_a, m))
    for t in reversed(range(T_x)):
        dy = -y_pred[:, :, t].copy()
        dy[y[:, t], np.arange(m)] += 1
        dy = dy / m
        dWya += np.dot(dy, a[:, :, t].T)
        dby += np.sum(dy, axis=1, keepdims=True)
        a_next, a_prev, xt, _ = caches_list[t]
        dtanh = (np.dot(Wya.T, dy) + da_next) * (1 - a_next**2)
        dWax += np.dot(dtanh, xt.T)
        dWaa += np.dot(dtanh, a_prev.T)
        dba += np.sum(dtanh, axis=1, keepdims=True)
        da_next = np.dot(Waa.T, dtanh)

    gradients = {"dWax": dWax, "dWaa": dWaa, "dWya": dWya, "dba": dba, "dby": dby, "da0": da_next}
    return float(loss), gradients
