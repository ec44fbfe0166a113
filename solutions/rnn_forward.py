"""Reference solution: forward propagation of a basic recurrent neural network.

Dimensions: n_x is the number of input features (for example the vocabulary size of a
one-hot input), n_a the number of hidden units, n_y the number of output classes, m the
number of examples in a batch (one example is a column) and T_x the number of time steps.

The model, one step t at a time:
    a<t> = tanh(Waa a<t-1> + Wax x<t> + ba)
    y<t> = softmax(Wya a<t> + by)

Each function below is self-contained (numpy only): the build copies it, by name, into the
student notebook to prove that the reference scores full marks. A function may call the
other functions of this contract (softmax, rnn_cell_forward) by name, and nothing else.
"""

import numpy as np


def softmax(z):
    """Softmax over axis 0: each column of z becomes a probability distribution.

    Arguments:
    z -- float64 array (n_y, ...), for example (n_y, m): one column of logits per example

    Returns:
    s -- float64 array of the shape of z, s = exp(z) / sum(exp(z)) over axis 0; computed
         as exp(z - max) so that large logits (1000) neither overflow nor give NaN
    """
    z = np.asarray(z, dtype=np.float64)
    if z.ndim == 0 or z.shape[0] == 0:
        raise ValueError(f"z must have at least one row (axis 0), not shape {z.shape}")
    # Subtracting the column maximum leaves the result unchanged and keeps exp() <= 1.
    e = np.exp(z - np.max(z, axis=0, keepdims=True))
    return e / np.sum(e, axis=0, keepdims=True)


def initialize_parameters(n_a, n_x, n_y, seed=0):
    """Small random weights and zero biases for a basic RNN.

    Arguments:
    n_a -- int, the number of hidden units
    n_x -- int, the number of input features
    n_y -- int, the number of output classes
    seed -- int, the seed of np.random.default_rng: the same seed gives the same parameters

    Returns:
    parameters -- dict of float64 arrays:
                  Wax -- (n_a, n_x), input to hidden, normal * 0.01
                  Waa -- (n_a, n_a), hidden to hidden, normal * 0.01
                  Wya -- (n_y, n_a), hidden to output, normal * 0.01
                  ba -- (n_a, 1), zeros
                  by -- (n_y, 1), zeros
    """
    for name, value in (("n_a", n_a), ("n_x", n_x), ("n_y", n_y)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"{name} must be a positive int, not {value!r}")
    rng = np.random.default_rng(seed)
    return {
        "Wax": rng.standard_normal((n_a, n_x)) * 0.01,
        "Waa": rng.standard_normal((n_a, n_a)) * 0.01,
        "Wya": rng.standard_normal((n_y, n_a)) * 0.01,
        "ba": np.zeros((n_a, 1)),
        "by": np.zeros((n_y, 1)),
    }


def rnn_cell_forward(xt, a_prev, parameters):
    """One time step of the RNN, for a batch of m examples.

    Arguments:
    xt -- float64 array (n_x, m), the input x<t>
    a_prev -- float64 array (n_a, m), the hidden state a<t-1>
    parameters -- dict with Wax (n_a, n_x), Waa (n_a, n_a), Wya (n_y, n_a), ba (n_a, 1),
                  by (n_y, 1)

    Returns:
    a_next -- float64 array (n_a, m), a<t> = tanh(Waa a<t-1> + Wax x<t> + ba)
    yt_pred -- float64 array (n_y, m), y<t> = softmax(Wya a<t> + by), each column sums to 1
    cache -- tuple (a_next, a_prev, xt, parameters), what the backward pass needs
    """
    if not isinstance(parameters, dict):
        raise ValueError(f"parameters must be a dict, not {type(parameters).__name__}")
    for key in ("Wax", "Waa", "Wya", "ba", "by"):
        if key not in parameters:
            raise ValueError(f"parameters has no {key!r} entry")
    Wax = np.asarray(parameters["Wax"], dtype=np.float64)
    Waa = np.asarray(parameters["Waa"], dtype=np.float64)
    Wya = np.asarray(parameters["Wya"], dtype=np.float64)
    ba = np.asarray(parameters["ba"], dtype=np.float64)
    by = np.asarray(parameters["by"], dtype=np.float64)
    xt = np.asarray(xt, dtype=np.float64)
    a_prev = np.asarray(a_prev, dtype=np.float64)

    if Wax.ndim != 2:
        raise ValueError(f'parameters["Wax"] must have shape (n_a, n_x), not {Wax.shape}')
    n_a, n_x = Wax.shape
    if Waa.shape != (n_a, n_a):
        raise ValueError(f'parameters["Waa"] must have shape {(n_a, n_a)}, not {Waa.shape}')
    if Wya.ndim != 2 or Wya.shape[1] != n_a:
        raise ValueError(f'parameters["Wya"] must have shape (n_y, {n_a}), not {Wya.shape}')
    n_y = Wya.shape[0]
    if ba.shape != (n_a, 1):
        raise ValueError(f'parameters["ba"] must have shape {(n_a, 1)}, not {ba.shape}')
    if by.shape != (n_y, 1):
        raise ValueError(f'parameters["by"] must have shape {(n_y, 1)}, not {by.shape}')
    if xt.ndim != 2 or xt.shape[0] != n_x:
        raise ValueError(f"xt must have shape ({n_x}, m), not {xt.shape}")
    m = xt.shape[1]
    if a_prev.shape == (n_a, 1) and m != 1:
        # a_prev (n_a, 1) is one state for every example (a one-to-one network starts from
        # np.zeros((n_a, 1))): repeat it so that the cache holds a_prev (n_a, m).
        a_prev = np.repeat(a_prev, m, axis=1)
    if a_prev.shape != (n_a, m) and m == 1:
        raise ValueError(f"a_prev must have shape {(n_a, 1)}, not {a_prev.shape}")
    if a_prev.shape != (n_a, m):
        raise ValueError(f"a_prev must have shape {(n_a, m)} or {(n_a, 1)}, not {a_prev.shape}")

    a_next = np.tanh(Waa @ a_prev + Wax @ xt + ba)
    yt_pred = softmax(Wya @ a_next + by)
    cache = (a_next, a_prev, xt, parameters)
    return a_next, yt_pred, cache


def rnn_forward(x, a0, parameters):
    """Forward propagation over T_x time steps, the same parameters at every step.

    Arguments:
    x -- float64 array (n_x, m, T_x), the inputs x<1>, ..., x<T_x>
    a0 -- float64 array (n_a, m), the initial hidden state
    parameters -- dict with Wax (n_a, n_x), Waa (n_a, n_a), Wya (n_y, n_a), ba (n_a, 1),
                  by (n_y, 1)

    Returns:
    a -- float64 array (n_a, m, T_x), the hidden states: a[:, :, t] is a<t+1>
    y_pred -- float64 array (n_y, m, T_x), the predictions: y_pred[:, :, t] is y<t+1>
    caches -- tuple (list_of_step_caches, x): one rnn_cell_forward cache per step, in order
    """
    if not isinstance(parameters, dict):
        raise ValueError(f"parameters must be a dict, not {type(parameters).__name__}")
    for key in ("Wax", "Waa", "Wya", "ba", "by"):
        if key not in parameters:
            raise ValueError(f"parameters has no {key!r} entry")
    x = np.asarray(x, dtype=np.float64)
    a0 = np.asarray(a0, dtype=np.float64)
    Wax_shape = np.shape(parameters["Wax"])
    Wya_shape = np.shape(parameters["Wya"])
    if len(Wax_shape) != 2 or len(Wya_shape) != 2:
        raise ValueError('parameters["Wax"] and parameters["Wya"] must be 2-D arrays')
    n_a, n_x = Wax_shape
    n_y = Wya_shape[0]
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
