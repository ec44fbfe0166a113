"""Reference solution: gated recurrent units (GRU) and long short-term memory (LSTM).

Dimensions: n_x is the number of input features, n_a the number of hidden units (and of
cell-state units in the LSTM), n_y the number of output classes, m the number of examples
in a batch (one example is a column) and T_x the number of time steps. sigma is the
logistic sigmoid 1 / (1 + exp(-z)); * is the elementwise product; [a; x] stacks a (n_a, m)
on top of x (n_x, m) into (n_a + n_x, m).

The GRU, one step t at a time (the lecture's full GRU; the state a<t> is the memory c<t>):
    Gamma_r = sigma(Wr [a<t-1>; x<t>] + br)                 the reset (relevance) gate
    Gamma_u = sigma(Wu [a<t-1>; x<t>] + bu)                 the update gate
    c~<t>   = tanh(Wc [Gamma_r * a<t-1>; x<t>] + bc)        the candidate
    a<t>    = Gamma_u * c~<t> + (1 - Gamma_u) * a<t-1>
    y<t>    = softmax(Wy a<t> + by)

The LSTM, one step t at a time:
    Gamma_f = sigma(Wf [a<t-1>; x<t>] + bf)                 the forget gate
    Gamma_i = sigma(Wi [a<t-1>; x<t>] + bi)                 the input (update) gate
    c~<t>   = tanh(Wc [a<t-1>; x<t>] + bc)                  the candidate
    c<t>    = Gamma_f * c<t-1> + Gamma_i * c~<t>            the cell state: an additive path
    Gamma_o = sigma(Wo [a<t-1>; x<t>] + bo)                 the output gate
    a<t>    = Gamma_o * tanh(c<t>)
    y<t>    = softmax(Wy a<t> + by)

PyTorch's nn.GRUCell and nn.LSTMCell compute the same kind of cell with other conventions:
their weights are stacked in one matrix in the order (r, z, n) for the GRU and (i, f, g, o)
for the LSTM, with separate input and hidden matrices and two biases (b_ih + b_hh play the
role of one b here); the GRU's z is 1 - Gamma_u (h' = (1 - z) * n + z * h), and its reset
gate multiplies W_hn h + b_hn after the product, not a<t-1> before it.

Each function below is self-contained (numpy, and softmax of assignment 2, which the
student notebook imports from a shipped support module): the build copies it, by name,
into the student notebook. gru_forward, lstm_forward and lstm_backward call the cell of
this contract, as students write them: grading runs a graded function with the reference
of those it calls (docs/grading.md, isolation).
"""

import numpy as np

from solutions.rnn_forward import softmax  # noqa: F401


def gru_cell_forward(xt, a_prev, parameters):
    """One time step of the GRU, for a batch of m examples.

    Arguments:
    xt -- float64 array (n_x, m), the input x<t>
    a_prev -- float64 array (n_a, m), the state a<t-1>
    parameters -- dict with Wr, Wu, Wc (n_a, n_a + n_x), br, bu, bc (n_a, 1), Wy (n_y, n_a),
                  by (n_y, 1); each W multiplies the stack [a<t-1>; x<t>] (a on top)

    Returns:
    a_next -- float64 array (n_a, m), a<t> = Gamma_u * c~<t> + (1 - Gamma_u) * a<t-1>
    yt_pred -- float64 array (n_y, m), y<t> = softmax(Wy a<t> + by)
    cache -- tuple (a_next, a_prev, xt, gamma_r, gamma_u, cct, parameters), the gates
             Gamma_r, Gamma_u and the candidate c~<t>, each (n_a, m)
    """
    if not isinstance(parameters, dict):
        raise ValueError(f"parameters must be a dict, not {type(parameters).__name__}")
    for key in ("Wr", "br", "Wu", "bu", "Wc", "bc", "Wy", "by"):
        if key not in parameters:
            raise ValueError(f"parameters has no {key!r} entry")
    xt = np.asarray(xt, dtype=np.float64)
    a_prev = np.asarray(a_prev, dtype=np.float64)
    if xt.ndim != 2 or a_prev.ndim != 2 or a_prev.shape[1] != xt.shape[1]:
        raise ValueError(f"xt (n_x, m) and a_prev (n_a, m) must share m, not {xt.shape} and {a_prev.shape}")
    n_a, m = a_prev.shape
    n_x = xt.shape[0]
    for key in ("Wr", "Wu", "Wc"):
        if np.shape(parameters[key]) != (n_a, n_a + n_x):
            raise ValueError(
                f'parameters["{key}"] must have shape {(n_a, n_a + n_x)}, not {np.shape(parameters[key])}'
            )
        if np.shape(parameters["b" + key[1]]) != (n_a, 1):
            raise ValueError(f'parameters["b{key[1]}"] must have shape {(n_a, 1)}')
    Wr, Wu, Wc, Wy = (np.asarray(parameters[k], dtype=np.float64) for k in ("Wr", "Wu", "Wc", "Wy"))
    br, bu, bc, by = (np.asarray(parameters[k], dtype=np.float64) for k in ("br", "bu", "bc", "by"))
    if Wy.ndim != 2 or Wy.shape[1] != n_a or by.shape != (Wy.shape[0], 1):
        raise ValueError(f'parameters["Wy"] must have shape (n_y, {n_a}) and parameters["by"] (n_y, 1)')

    concat = np.concatenate([a_prev, xt], axis=0)
    gamma_r = 1.0 / (1.0 + np.exp(-(Wr @ concat + br)))
    gamma_u = 1.0 / (1.0 + np.exp(-(Wu @ concat + bu)))
    cct = np.tanh(Wc @ np.concatenate([gamma_r * a_prev, xt], axis=0) + bc)
    a_next = gamma_u * cct + (1.0 - gamma_u) * a_prev
    yt_pred = softmax(Wy @ a_next + by)
    cache = (a_next, a_prev, xt, gamma_r, gamma_u, cct, parameters)
    return a_next, yt_pred, cache


def gru_forward(x, a0, parameters):
    """Forward propagation of the GRU over T_x time steps, the same parameters at every step.

    Arguments:
    x -- float64 array (n_x, m, T_x), the inputs x<1>, ..., x<T_x>
    a0 -- float64 array (n_a, m), the initial state
    parameters -- dict with Wr, Wu, Wc (n_a, n_a + n_x), br, bu, bc (n_a, 1), Wy (n_y, n_a),
                  by (n_y, 1), as gru_cell_forward takes it

    Returns:
    a -- float64 array (n_a, m, T_x), the states: a[:, :, t] is a<t+1>
    y_pred -- float64 array (n_y, m, T_x), the predictions: y_pred[:, :, t] is y<t+1>
    caches -- tuple (list_of_step_caches, x): one gru_cell_forward cache per step, in order
    """
    x = np.asarray(x, dtype=np.float64)
    a0 = np.asarray(a0, dtype=np.float64)
    if x.ndim != 3 or x.shape[2] < 1:
        raise ValueError(f"x must have shape (n_x, m, T_x) with T_x >= 1, not {x.shape}")
    if a0.ndim != 2 or a0.shape[1] != x.shape[1]:
        raise ValueError(f"a0 must have shape (n_a, {x.shape[1]}), not {a0.shape}")
    if not isinstance(parameters, dict) or np.ndim(parameters.get("Wy")) != 2:
        raise ValueError('parameters must be a dict with a 2-D parameters["Wy"]')
    n_a, m = a0.shape
    T_x = x.shape[2]
    n_y = np.shape(parameters["Wy"])[0]

    a = np.zeros((n_a, m, T_x))
    y_pred = np.zeros((n_y, m, T_x))
    step_caches = []
    a_next = a0
    for t in range(T_x):
        a_next, yt_pred, cache = gru_cell_forward(x[:, :, t], a_next, parameters)
        a[:, :, t] = a_next
        y_pred[:, :, t] = yt_pred
        step_caches.append(cache)
    return a, y_pred, (step_caches, x)


def lstm_cell_forward(xt, a_prev, c_prev, parameters):
    """One time step of the LSTM, for a batch of m examples.

    Arguments:
    xt -- float64 array (n_x, m), the input x<t>
    a_prev -- float64 array (n_a, m), the hidden state a<t-1>
    c_prev -- float64 array (n_a, m), the cell state c<t-1>
    parameters -- dict with Wf, Wi, Wc, Wo (n_a, n_a + n_x), bf, bi, bc, bo (n_a, 1),
                  Wy (n_y, n_a), by (n_y, 1); each W multiplies the stack [a<t-1>; x<t>]
                  (a on top)

    Returns:
    a_next -- float64 array (n_a, m), a<t> = Gamma_o * tanh(c<t>)
    c_next -- float64 array (n_a, m), c<t> = Gamma_f * c<t-1> + Gamma_i * c~<t>
    yt_pred -- float64 array (n_y, m), y<t> = softmax(Wy a<t> + by)
    cache -- tuple (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters): the
             gates Gamma_f, Gamma_i, Gamma_o and the candidate c~<t>, each (n_a, m)
    """
    if not isinstance(parameters, dict):
        raise ValueError(f"parameters must be a dict, not {type(parameters).__name__}")
    for key in ("Wf", "bf", "Wi", "bi", "Wc", "bc", "Wo", "bo", "Wy", "by"):
        if key not in parameters:
            raise ValueError(f"parameters has no {key!r} entry")
    xt = np.asarray(xt, dtype=np.float64)
    a_prev = np.asarray(a_prev, dtype=np.float64)
    c_prev = np.asarray(c_prev, dtype=np.float64)
    if xt.ndim != 2 or a_prev.ndim != 2 or a_prev.shape[1] != xt.shape[1]:
        raise ValueError(f"xt (n_x, m) and a_prev (n_a, m) must share m, not {xt.shape} and {a_prev.shape}")
    if c_prev.shape != a_prev.shape:
        raise ValueError(f"c_prev must have the shape of a_prev {a_prev.shape}, not {c_prev.shape}")
    n_a, m = a_prev.shape
    n_x = xt.shape[0]
    for key in ("Wf", "Wi", "Wc", "Wo"):
        if np.shape(parameters[key]) != (n_a, n_a + n_x):
            raise ValueError(
                f'parameters["{key}"] must have shape {(n_a, n_a + n_x)}, not {np.shape(parameters[key])}'
            )
        if np.shape(parameters["b" + key[1]]) != (n_a, 1):
            raise ValueError(f'parameters["b{key[1]}"] must have shape {(n_a, 1)}')
    Wf, Wi, Wc, Wo, Wy = (np.asarray(parameters[k], dtype=np.float64) for k in ("Wf", "Wi", "Wc", "Wo", "Wy"))
    bf, bi, bc, bo, by = (np.asarray(parameters[k], dtype=np.float64) for k in ("bf", "bi", "bc", "bo", "by"))
    if Wy.ndim != 2 or Wy.shape[1] != n_a or by.shape != (Wy.shape[0], 1):
        raise ValueError(f'parameters["Wy"] must have shape (n_y, {n_a}) and parameters["by"] (n_y, 1)')

    concat = np.concatenate([a_prev, xt], axis=0)
    ft = 1.0 / (1.0 + np.exp(-(Wf @ concat + bf)))
    it = 1.0 / (1.0 + np.exp(-(Wi @ concat + bi)))
    cct = np.tanh(Wc @ concat + bc)
    c_next = ft * c_prev + it * cct
    ot = 1.0 / (1.0 + np.exp(-(Wo @ concat + bo)))
    a_next = ot * np.tanh(c_next)
    yt_pred = softmax(Wy @ a_next + by)
    cache = (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)
    return a_next, c_next, yt_pred, cache


def lstm_forward(x, a0, parameters):
    """Forward propagation of the LSTM over T_x time steps, from c<0> = 0.

    Arguments:
    x -- float64 array (n_x, m, T_x), the inputs x<1>, ..., x<T_x>
    a0 -- float64 array (n_a, m), the initial hidden state (the initial cell state is zeros)
    parameters -- dict with Wf, Wi, Wc, Wo (n_a, n_a + n_x), bf, bi, bc, bo (n_a, 1),
                  Wy (n_y, n_a), by (n_y, 1), as lstm_cell_forward takes it

    Returns:
    a -- float64 array (n_a, m, T_x), the hidden states: a[:, :, t] is a<t+1>
    y_pred -- float64 array (n_y, m, T_x), the predictions: y_pred[:, :, t] is y<t+1>
    c -- float64 array (n_a, m, T_x), the cell states: c[:, :, t] is c<t+1>
    caches -- tuple (list_of_step_caches, x): one lstm_cell_forward cache per step, in order
    """
    x = np.asarray(x, dtype=np.float64)
    a0 = np.asarray(a0, dtype=np.float64)
    if x.ndim != 3 or x.shape[2] < 1:
        raise ValueError(f"x must have shape (n_x, m, T_x) with T_x >= 1, not {x.shape}")
    if a0.ndim != 2 or a0.shape[1] != x.shape[1]:
        raise ValueError(f"a0 must have shape (n_a, {x.shape[1]}), not {a0.shape}")
    if not isinstance(parameters, dict) or np.ndim(parameters.get("Wy")) != 2:
        raise ValueError('parameters must be a dict with a 2-D parameters["Wy"]')
    n_a, m = a0.shape
    T_x = x.shape[2]
    n_y = np.shape(parameters["Wy"])[0]

    a = np.zeros((n_a, m, T_x))
    c = np.zeros((n_a, m, T_x))
    y_pred = np.zeros((n_y, m, T_x))
    step_caches = []
    a_next, c_next = a0, np.zeros((n_a, m))
    for t in range(T_x):
        a_next, c_next, yt_pred, cache = lstm_cell_forward(x[:, :, t], a_next, c_next, parameters)
        a[:, :, t] = a_next
        c[:, :, t] = c_next
        y_pred[:, :, t] = yt_pred
        step_caches.append(cache)
    return a, y_pred, c, (step_caches, x)


def lstm_cell_backward(da_next, dc_next, cache):
    """Backward pass of one time step of the LSTM.

    Arguments:
    da_next -- float64 array (n_a, m), the gradient of the loss with respect to a_next
    dc_next -- float64 array (n_a, m), the gradient of the loss with respect to c_next that
               comes from the next step (through c<t+1> = Gamma_f c<t> + ...)
    cache -- tuple (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters), as
             returned by lstm_cell_forward

    Returns:
    gradients -- dict of float64 arrays:
                 dxt -- (n_x, m), da_prev -- (n_a, m), dc_prev -- (n_a, m), the gradients
                 with respect to x<t>, a<t-1> and c<t-1>
                 dWf, dWi, dWc, dWo -- (n_a, n_a + n_x), dbf, dbi, dbc, dbo -- (n_a, 1), the
                 gradients with respect to the parameters, of this step only
    """
    if not isinstance(cache, tuple) or len(cache) != 10:
        raise ValueError("cache must be the tuple of 10 entries that lstm_cell_forward returns")
    a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters = cache
    da_next = np.asarray(da_next, dtype=np.float64)
    dc_next = np.asarray(dc_next, dtype=np.float64)
    if da_next.shape != np.shape(a_next):
        raise ValueError(f"da_next must have the shape of a_next {np.shape(a_next)}, not {da_next.shape}")
    if dc_next.shape != np.shape(c_next):
        raise ValueError(f"dc_next must have the shape of c_next {np.shape(c_next)}, not {dc_next.shape}")
    n_a = np.shape(a_next)[0]

    tanh_c = np.tanh(c_next)
    # c<t> reaches the loss along two paths: through a<t> = Gamma_o tanh(c<t>), and on to c<t+1>.
    dc = dc_next + da_next * ot * (1.0 - tanh_c**2)
    dot = da_next * tanh_c * ot * (1.0 - ot)
    dcct = dc * it * (1.0 - cct**2)
    dit = dc * cct * it * (1.0 - it)
    dft = dc * c_prev * ft * (1.0 - ft)

    concat = np.concatenate([a_prev, xt], axis=0)
    gradients = {}
    dconcat = np.zeros(concat.shape)
    for gate, dz in (("f", dft), ("i", dit), ("c", dcct), ("o", dot)):
        W = np.asarray(parameters["W" + gate], dtype=np.float64)
        gradients["dW" + gate] = dz @ concat.T
        gradients["db" + gate] = np.sum(dz, axis=1, keepdims=True)
        dconcat += W.T @ dz
    gradients["da_prev"] = dconcat[:n_a]
    gradients["dxt"] = dconcat[n_a:]
    gradients["dc_prev"] = dc * ft
    return gradients


def lstm_backward(da, caches):
    """Backward pass of the LSTM over all the time steps (backpropagation through time).

    Arguments:
    da -- float64 array (n_a, m, T_x), the gradient of the loss with respect to each hidden
          state a<t> from outside the recurrence (for example, from the output y<t>); the
          gradient through a<t+1> and c<t+1> is added here
    caches -- tuple (list_of_caches, x), as returned by lstm_forward: T_x caches of
              lstm_cell_forward in order, and x (n_x, m, T_x)

    Returns:
    gradients -- dict of float64 arrays:
                 dx -- (n_x, m, T_x), the gradient with respect to the inputs
                 da0 -- (n_a, m), the gradient with respect to the initial hidden state
                 dWf, dWi, dWc, dWo -- (n_a, n_a + n_x), dbf, dbi, dbc, dbo -- (n_a, 1), the
                 gradients with respect to the parameters, summed over the T_x steps
    """
    if not isinstance(caches, tuple) or len(caches) != 2:
        raise ValueError("caches must be the tuple (list_of_caches, x) that lstm_forward returns")
    step_caches, x = caches
    da = np.asarray(da, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 3 or len(step_caches) != x.shape[2]:
        raise ValueError("caches must hold one step cache per time step of x (n_x, m, T_x)")
    n_x, m, T_x = x.shape
    n_a = np.shape(step_caches[0][0])[0]
    if da.shape != (n_a, m, T_x):
        raise ValueError(f"da must have shape {(n_a, m, T_x)}, not {da.shape}")

    dx = np.zeros((n_x, m, T_x))
    gradients = {}
    for gate in "fico":
        gradients["dW" + gate] = np.zeros((n_a, n_a + n_x))
        gradients["db" + gate] = np.zeros((n_a, 1))
    da_prevt = np.zeros((n_a, m))
    dc_prevt = np.zeros((n_a, m))
    for t in reversed(range(T_x)):
        step = lstm_cell_backward(da[:, :, t] + da_prevt, dc_prevt, step_caches[t])
        dx[:, :, t] = step["dxt"]
        da_prevt, dc_prevt = step["da_prev"], step["dc_prev"]
        for gate in "fico":
            gradients["dW" + gate] += step["dW" + gate]
            gradients["db" + gate] += step["db" + gate]
    gradients["dx"] = dx
    gradients["da0"] = da_prevt
    return gradients


def cell_state_gradient_norms(caches):
    """How the gradient of c<T_x> travels back along the cell state's additive path alone.

    Arguments:
    caches -- tuple (list_of_caches, x), as returned by lstm_forward

    Returns:
    norms -- float64 array (T_x,): with g<T_x> = ones (n_a, m) and
             g<t-1> = Gamma_f<t> * g<t> (the direct term of c<t> = Gamma_f<t> c<t-1> + ...),
             [||g<1>||, ..., ||g<T_x>||] (Frobenius norms)
    """
    if not isinstance(caches, tuple) or len(caches) != 2:
        raise ValueError("caches must be the tuple (list_of_caches, x) that lstm_forward returns")
    step_caches = caches[0]
    if len(step_caches) < 1:
        raise ValueError("caches must hold at least one step cache")
    T_x = len(step_caches)
    g = np.ones(np.shape(step_caches[-1][1]))
    norms = np.zeros(T_x)
    for t in reversed(range(T_x)):
        norms[t] = np.linalg.norm(g)
        g = np.asarray(step_caches[t][4], dtype=np.float64) * g  # the cache's Gamma_f<t+1>
    return norms


def forget_gate_memory(bf, d):
    """The share of each cell-state unit that survives d steps when the forget gate is its bias
    alone (weights and inputs zero, so Gamma_f = sigma(bf) at every step).

    Arguments:
    bf -- float64 array (n_a, 1), the forget gate's bias
    d -- int >= 0, the number of steps

    Returns:
    kept -- float64 array (n_a, 1), sigma(bf) ** d
    """
    bf = np.asarray(bf, dtype=np.float64)
    if bf.ndim != 2 or bf.shape[1] != 1:
        raise ValueError(f"bf must have shape (n_a, 1), not {bf.shape}")
    if isinstance(d, bool) or not isinstance(d, (int, np.integer)) or d < 0:
        raise ValueError(f"d must be an int >= 0, not {d!r}")
    return (1.0 / (1.0 + np.exp(-bf))) ** d
