"""A working RNN cell, shipped with the rnn_types assignment.

This assignment builds the types of RNN (one-to-one, many-to-one, many-to-many,
one-to-many, encoder-decoder) on top of one cell. The cell is given here, already
written, so that the assignment does not depend on your own rnn_forward.

Dimensions: n_x is the size of one input x<t>, n_a the size of the hidden state a<t>,
n_y the size of one output y<t>, m the number of examples in a batch (one example is a
column).

parameters is a dict of float64 arrays:
    Wax -- (n_a, n_x), multiplies the input x<t>
    Waa -- (n_a, n_a), multiplies the previous hidden state a<t-1>
    Wya -- (n_y, n_a), multiplies the hidden state a<t> to give the output
    ba  -- (n_a, 1), bias of the hidden state
    by  -- (n_y, 1), bias of the output
"""

import numpy as np


def softmax(z):
    """Softmax over axis 0 (one distribution per column), stable for large inputs.

    Arguments:
    z -- float64 array (n_y, ...) of scores, for example (n_y, m)

    Returns:
    probs -- float64 array of the same shape as z: exp(z) / sum(exp(z)) over axis 0,
             computed after subtracting the largest score of each column, so that large
             scores neither overflow nor give NaN
    """
    z = np.asarray(z, dtype=np.float64)
    if z.ndim == 0 or z.shape[0] == 0:
        raise ValueError(f"z must have at least one entry along axis 0, got shape {z.shape}")
    e = np.exp(z - z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)


def rnn_cell_forward(xt, a_prev, parameters):
    """One time step of the RNN.

    a<t> = tanh(Waa a<t-1> + Wax x<t> + ba)
    y<t> = softmax(Wya a<t> + by)

    Arguments:
    xt -- float64 array (n_x, m), the input x<t>
    a_prev -- float64 array (n_a, m), the previous hidden state a<t-1>
    parameters -- dict with Wax (n_a, n_x), Waa (n_a, n_a), Wya (n_y, n_a), ba (n_a, 1),
                  by (n_y, 1)

    Returns:
    a_next -- float64 array (n_a, m), the hidden state a<t>
    yt_pred -- float64 array (n_y, m), the output y<t>, each column sums to 1
    cache -- tuple (a_next, a_prev, xt, parameters), what the backward step needs
    """
    if not isinstance(parameters, dict):
        raise ValueError(f"parameters must be a dict, not {type(parameters).__name__}")
    for name in ("Wax", "Waa", "Wya", "ba", "by"):
        if name not in parameters:
            raise ValueError(f"parameters has no {name!r} entry")
    Wax = np.asarray(parameters["Wax"], dtype=np.float64)
    Waa = np.asarray(parameters["Waa"], dtype=np.float64)
    Wya = np.asarray(parameters["Wya"], dtype=np.float64)
    ba = np.asarray(parameters["ba"], dtype=np.float64)
    by = np.asarray(parameters["by"], dtype=np.float64)
    if Wax.ndim != 2:
        raise ValueError(f"parameters['Wax'] must have shape (n_a, n_x), not {Wax.shape}")
    n_a, n_x = Wax.shape
    if Waa.shape != (n_a, n_a):
        raise ValueError(f"parameters['Waa'] must have shape (n_a, n_a) = {(n_a, n_a)}, not {Waa.shape}")
    if Wya.ndim != 2 or Wya.shape[1] != n_a:
        raise ValueError(f"parameters['Wya'] must have shape (n_y, {n_a}), not {Wya.shape}")
    n_y = Wya.shape[0]
    if ba.shape != (n_a, 1):
        raise ValueError(f"parameters['ba'] must have shape (n_a, 1) = {(n_a, 1)}, not {ba.shape}")
    if by.shape != (n_y, 1):
        raise ValueError(f"parameters['by'] must have shape (n_y, 1) = {(n_y, 1)}, not {by.shape}")
    xt = np.asarray(xt, dtype=np.float64)
    a_prev = np.asarray(a_prev, dtype=np.float64)
    if xt.ndim != 2 or xt.shape[0] != n_x:
        raise ValueError(f"xt must have shape (n_x, m) with n_x = {n_x}, not {xt.shape}")
    if a_prev.shape != (n_a, xt.shape[1]):
        raise ValueError(f"a_prev must have shape (n_a, m) = {(n_a, xt.shape[1])}, not {a_prev.shape}")

    a_next = np.tanh(Waa @ a_prev + Wax @ xt + ba)
    yt_pred = softmax(Wya @ a_next + by)
    cache = (a_next, a_prev, xt, parameters)
    return a_next, yt_pred, cache
