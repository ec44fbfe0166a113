"""dWaa written as a_prev dz^T, the transpose of dz a_prev^T.

Waa is square, so the transposed product has the right shape and nothing raises. No
FEEDBACK phrase: the grader's general analysis of gradients (rnncheck.answers.wrong_term)
names the term.
"""

import numpy as np


def rnn_cell_backward(da_next, cache):
    (a_next, a_prev, xt, parameters) = cache
    Wax = parameters["Wax"]
    Waa = parameters["Waa"]

    dtanh = da_next * (1 - a_next**2)

    dxt = np.dot(Wax.T, dtanh)
    dWax = np.dot(dtanh, xt.T)
    da_prev = np.dot(Waa.T, dtanh)
    dWaa = np.dot(a_prev, dtanh.T)
    dba = np.sum(dtanh, axis=1, keepdims=True)

    return {"dxt": dxt, "da_prev": da_prev, "dWax": dWax, "dWaa": dWaa, "dba": dba}
