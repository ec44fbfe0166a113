"""A working forward pass of the basic RNN, shipped with the bptt assignment.

This assignment computes the backward pass of the RNN of assignment 2. Its forward pass is
given here, already written and tested, so that your own rnn_forward (and any bug left in
it) does not stand in your way: rnn_cell_backward and rnn_backward read the caches that
these functions return.

Dimensions: n_x is the size of one input x<t> (for example the vocabulary size of a one-hot
input), n_a the size of the hidden state a<t>, n_y the number of output classes, m the
number of examples in a batch (one example is a column) and T_x the number of time steps.

The model, one step t at a time:
    a<t> = tanh(Waa a<t-1> + Wax x<t> + ba)
    y<t> = softmax(Wya a<t> + by)

parameters is a dict of float64 arrays:
    Wax -- (n_a, n_x), multiplies the input x<t>
    Waa -- (n_a, n_a), multiplies the previous hidden state a<t-1>
    Wya -- (n_y, n_a), multiplies the hidden state a<t> to give the output
    ba  -- (n_a, 1), bias of the hidden state
    by  -- (n_y, 1), bias of the output
"""

import numpy as np


def softmax(z):
    """Softmax over axis 0: each column of z becomes a probability distribution.

    Arguments:
    z -- float64 array (n_y, ...) of scores, for example (n_y, m): one column per example

    Returns:
    probs -- float64 array of the shape of z: exp(z) / sum(exp(z)) over axis 0, computed
             after subtracting the largest score of each column, so that large scores
             neither overflow nor give NaN
    """
    z = np.asarray(z, dtype=np.float64)
    if z.ndim == 0 or z.shape[0] == 0:
        raise ValueError(f"z must have at least one row (axis 0), not shape {z.shape}")
    e = np.exp(z - np.max(z, axis=0, keepdims=True))
    return e / np.sum(e, axis=0, keepdims=True)


def _check_parameters(parameters):
    """The five parameters as float64 arrays, and (n_a, n_x, n_y); ValueError if malformed."""
    if not isinstance(parameters, dict):
        raise ValueError(f"parameters must be a dict, not {type(parameters).__name__}")
    for name in ("Wax", "Waa", "Wya", "ba", "by"):
        if name not in parameters:
            raise ValueError(f"parameters has no {name!r} entry")
    Wax, Waa, Wya, ba, by = (
        np.asarray(parameters[k], dtype=np.float64) for k in ("Wax", "Waa", "Wya", "ba", "by")
    )
    if Wax.ndim != 2:
        raise ValueError(f"parameters['Wax'] must have shape (n_a, n_x), not {Wax.shape}")
    n_a, n_x = Wax.shape
    if Waa.shape != (n_a, n_a):
        raise ValueError(f"parameters['Waa'] must have shape {(n_a, n_a)}, not {Waa.shape}")
    if Wya.ndim != 2 or Wya.shape[1] != n_a:
        raise ValueError(f"parameters['Wya'] must have shape (n_y, {n_a}), not {Wya.shape}")
    n_y = Wya.shape[0]
    if ba.shape != (n_a, 1):
        raise ValueError(f"parameters['ba'] must have shape {(n_a, 1)}, not {ba.shape}")
    if by.shape != (n_y, 1):
        raise ValueError(f"parameters['by'] must have shape {(n_y, 1)}, not {by.shape}")
    return (Wax, Waa, Wya, ba, by), (n_a, n_x, n_y)


def rnn_cell_forward(xt, a_prev, parameters):
    """One time step of the RNN, for a batch of m examples.

    Arguments:
    xt -- float64 array (n_x, m), the input x<t>
    a_prev -- float64 array (n_a, m), the previous hidden state a<t-1>
    parameters -- dict with Wax (n_a, n_x), Waa (n_a, n_a), Wya (n_y, n_a), ba (n_a, 1),
                  by (n_y, 1)

    Returns:
    a_next -- float64 array (n_a, m), the hidden state a<t> = tanh(Waa a<t-1> + Wax x<t> + ba)
    yt_pred -- float64 array (n_y, m), the output y<t> = softmax(Wya a<t> + by); each column
               sums to 1
    cache -- tuple (a_next, a_prev, xt, parameters), what the backward step needs; the
             parameters are the dict that was passed in
    """
    (Wax, Waa, Wya, ba, by), (n_a, n_x, _) = _check_parameters(parameters)
    xt = np.asarray(xt, dtype=np.float64)
    a_prev = np.asarray(a_prev, dtype=np.float64)
    if xt.ndim != 2 or xt.shape[0] != n_x:
        raise ValueError(f"xt must have shape ({n_x}, m), not {xt.shape}")
    if a_prev.shape != (n_a, xt.shape[1]):
        raise ValueError(f"a_prev must have shape {(n_a, xt.shape[1])}, not {a_prev.shape}")

    a_next = np.tanh(Waa @ a_prev + Wax @ xt + ba)
    yt_pred = softmax(Wya @ a_next + by)
    cache = (a_next, a_prev, xt, parameters)
    return a_next, yt_pred, cache


def rnn_forward(x, a0, parameters):
    """Forward propagation over T_x time steps, with the same parameters at every step.

    Arguments:
    x -- float64 array (n_x, m, T_x), the inputs x<1>, ..., x<T_x>
    a0 -- float64 array (n_a, m), the initial hidden state
    parameters -- dict with Wax (n_a, n_x), Waa (n_a, n_a), Wya (n_y, n_a), ba (n_a, 1),
                  by (n_y, 1)

    Returns:
    a -- float64 array (n_a, m, T_x), the hidden states: a[:, :, t] is a<t+1>
    y_pred -- float64 array (n_y, m, T_x), the predictions: y_pred[:, :, t] is y<t+1>
    caches -- tuple (list_of_step_caches, x): the rnn_cell_forward cache of every step, in
              order (caches[0][t] belongs to a[:, :, t]), and the inputs x
    """
    _, (n_a, n_x, n_y) = _check_parameters(parameters)
    x = np.asarray(x, dtype=np.float64)
    a0 = np.asarray(a0, dtype=np.float64)
    if x.ndim != 3 or x.shape[0] != n_x or x.shape[2] < 1:
        raise ValueError(f"x must have shape ({n_x}, m, T_x) with T_x >= 1, not {x.shape}")
    _, m, T_x = x.shape
    if a0.shape != (n_a, m):
        raise ValueError(f"a0 must have shape {(n_a, m)}, not {a0.shape}")

    a = np.zeros((n_a, m, T_x))
    y_pred = np.zeros((n_y, m, T_x))
    step_caches = []
    a_next = a0
    for t in range(T_x):
        a_next, yt_pred, cache = rnn_cell_forward(x[:, :, t], a_next, parameters)
        a[:, :, t] = a_next
        y_pred[:, :, t] = yt_pred
        step_caches.append(cache)
    return a, y_pred, (step_caches, x)
