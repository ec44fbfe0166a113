"""Reference solution: backpropagation through time and vanishing gradients.

Dimensions: n_x is the number of input features (for example the vocabulary size of a
one-hot input), n_a the number of hidden units, n_y the number of output classes, m the
number of examples in a batch (one example is a column) and T_x the number of time steps
(T_y = T_x when there is an output at every step).

The model, one step t at a time:
    a<t> = tanh(Waa a<t-1> + Wax x<t> + ba)
    y<t> = softmax(Wya a<t> + by)
and the loss is the sum over the steps, averaged over the m examples, of
-log y_pred[y<t>, i, t].

The backward pass of one step, with dz = da_next * (1 - a<t>**2) (the derivative of tanh
taken at its output a<t>):
    dxt = Wax^T dz      da_prev = Waa^T dz
    dWax = dz xt^T      dWaa = dz a_prev^T      dba = sum of dz over the m examples

Each function below is self-contained (numpy, and the forward pass of assignment 2, which
the student notebook imports from a shipped support module): the build copies it, by name,
into the student notebook to prove that the reference scores full marks. rnn_loss_and_gradients
calls cross_entropy_loss and rnn_backward, as students write it: grading runs a graded function
with the reference of those it calls (docs/grading.md, isolation), so that a mistake filled
into one function costs points in that function's question only.
"""

import numpy as np

from solutions.rnn_forward import rnn_cell_forward, rnn_forward, softmax  # noqa: F401


def rnn_cell_backward(da_next, cache):
    """Backward pass of one time step of the RNN.

    Arguments:
    da_next -- float64 array (n_a, m), the gradient of the loss with respect to a_next
    cache -- tuple (a_next, a_prev, xt, parameters), as returned by rnn_cell_forward:
             a_next (n_a, m), a_prev (n_a, m), xt (n_x, m) and the parameters dict with
             Wax (n_a, n_x), Waa (n_a, n_a), ba (n_a, 1)

    Returns:
    gradients -- dict of float64 arrays:
                 dxt -- (n_x, m), the gradient with respect to xt
                 da_prev -- (n_a, m), the gradient with respect to a_prev
                 dWax -- (n_a, n_x), dWaa -- (n_a, n_a), dba -- (n_a, 1), the gradients
                 with respect to the parameters, from this step only
    """
    if not isinstance(cache, tuple) or len(cache) != 4:
        raise ValueError("cache must be the tuple (a_next, a_prev, xt, parameters)")
    a_next, a_prev, xt, parameters = cache
    if not isinstance(parameters, dict) or "Wax" not in parameters or "Waa" not in parameters:
        raise ValueError("cache must end with the parameters dict, with Wax and Waa")
    a_next, a_prev, xt = (np.asarray(value, dtype=np.float64) for value in (a_next, a_prev, xt))
    Wax = np.asarray(parameters["Wax"], dtype=np.float64)
    Waa = np.asarray(parameters["Waa"], dtype=np.float64)
    da_next = np.asarray(da_next, dtype=np.float64)
    if a_next.ndim != 2 or a_prev.shape != a_next.shape:
        raise ValueError(f"cache holds a_next {a_next.shape} and a_prev {a_prev.shape}")
    if xt.ndim != 2 or xt.shape != (Wax.shape[1], a_next.shape[1]):
        raise ValueError(f"cache holds xt {xt.shape} that does not match Wax {Wax.shape}")
    if da_next.shape != a_next.shape:
        raise ValueError(f"da_next must have shape {a_next.shape}, not {da_next.shape}")

    # tanh'(z) = 1 - tanh(z)**2, and tanh(z) is a_next.
    dz = da_next * (1.0 - a_next**2)
    return {
        "dxt": Wax.T @ dz,
        "da_prev": Waa.T @ dz,
        "dWax": dz @ xt.T,
        "dWaa": dz @ a_prev.T,
        "dba": np.sum(dz, axis=1, keepdims=True),
    }


def rnn_backward(da, caches):
    """Backward pass of the RNN over all the time steps (backpropagation through time).

    Arguments:
    da -- float64 array (n_a, m, T_x), the gradient of the loss with respect to each
          hidden state a<t> that comes from outside the recurrence (for example from the
          output y<t>); the gradient through a<t+1> is added here
    caches -- tuple (list_of_step_caches, x), as returned by rnn_forward: T_x caches
              (a_next, a_prev, xt, parameters) in order, and x (n_x, m, T_x)

    Returns:
    gradients -- dict of float64 arrays:
                 dx -- (n_x, m, T_x), the gradient with respect to the inputs
                 da0 -- (n_a, m), the gradient with respect to the initial hidden state
                 dWax -- (n_a, n_x), dWaa -- (n_a, n_a), dba -- (n_a, 1), the gradients
                 with respect to the parameters, summed over the T_x steps
    """
    if not isinstance(caches, tuple) or len(caches) != 2:
        raise ValueError("caches must be the tuple (list_of_step_caches, x)")
    step_caches, x = caches[0], np.asarray(caches[1], dtype=np.float64)
    if len(step_caches) == 0 or x.ndim != 3 or x.shape[2] != len(step_caches):
        raise ValueError(f"caches must hold one step cache per step of x {x.shape}")
    parameters = step_caches[0][3]
    Wax = np.asarray(parameters["Wax"], dtype=np.float64)
    Waa = np.asarray(parameters["Waa"], dtype=np.float64)
    (n_a, n_x), (_, m, T_x) = Wax.shape, x.shape
    da = np.asarray(da, dtype=np.float64)
    if da.shape != (n_a, m, T_x):
        raise ValueError(f"da must have shape {(n_a, m, T_x)}, not {da.shape}")

    dx = np.zeros((n_x, m, T_x))
    dWax = np.zeros((n_a, n_x))
    dWaa = np.zeros((n_a, n_a))
    dba = np.zeros((n_a, 1))
    da_prev = np.zeros((n_a, m))
    for t in reversed(range(T_x)):
        a_next, a_prev, xt, _ = step_caches[t]
        # a<t> feeds the outside (da[:, :, t]) and step t + 1 (da_prev, carried back).
        dz = (da[:, :, t] + da_prev) * (1.0 - np.asarray(a_next) ** 2)
        dx[:, :, t] = Wax.T @ dz
        da_prev = Waa.T @ dz
        dWax += dz @ np.asarray(xt).T
        dWaa += dz @ np.asarray(a_prev).T
        dba += np.sum(dz, axis=1, keepdims=True)
    return {"dx": dx, "da0": da_prev, "dWax": dWax, "dWaa": dWaa, "dba": dba}


def cross_entropy_loss(y_pred, y):
    """Cross-entropy loss of a sequence model: summed over the steps, mean over examples.

    Arguments:
    y_pred -- float64 array (n_y, m, T_y), the predicted probabilities: each column
              y_pred[:, i, t] sums to 1
    y -- int array (m, T_y), the true class index of each example at each step, in
         [0, n_y)

    Returns:
    loss -- float, (1 / m) * sum over i and t of -log y_pred[y[i, t], i, t]
    """
    y_pred = np.asarray(y_pred, dtype=np.float64)
    y = np.asarray(y)
    if y_pred.ndim != 3:
        raise ValueError(f"y_pred must have shape (n_y, m, T_y), not {y_pred.shape}")
    n_y, m, T_y = y_pred.shape
    if y.shape != (m, T_y):
        raise ValueError(f"y must have shape {(m, T_y)}, not {y.shape}")
    if y.size and not np.issubdtype(y.dtype, np.integer):
        raise ValueError(f"y must hold integer class indices, not {y.dtype}")
    if y.size and (y.min() < 0 or y.max() >= n_y):
        raise ValueError(f"y must lie in [0, {n_y}), got {y.min()}..{y.max()}")

    examples, steps = np.meshgrid(np.arange(m), np.arange(T_y), indexing="ij")
    picked = y_pred[y, examples, steps]  # (m, T_y): the probability of each true class
    return float(-np.sum(np.log(picked)) / m)


def rnn_loss_and_gradients(x, y, a0, parameters):
    """Loss and gradients of the full model, with an output at every step (T_y = T_x).

    Arguments:
    x -- float64 array (n_x, m, T_x), the inputs
    y -- int array (m, T_x), the true class index of each example at each step
    a0 -- float64 array (n_a, m), the initial hidden state
    parameters -- dict with Wax (n_a, n_x), Waa (n_a, n_a), Wya (n_y, n_a), ba (n_a, 1),
                  by (n_y, 1)

    Returns:
    loss -- float, the loss of cross_entropy_loss on the predictions of rnn_forward
    gradients -- dict of float64 arrays, the gradient of loss with respect to:
                 dWax -- (n_a, n_x), dWaa -- (n_a, n_a), dWya -- (n_y, n_a),
                 dba -- (n_a, 1), dby -- (n_y, 1), da0 -- (n_a, m)
    """
    a, y_pred, caches = rnn_forward(x, a0, parameters)
    n_y, m, T_x = y_pred.shape
    y = np.asarray(y)
    if y.shape != (m, T_x):
        raise ValueError(f"y must have shape {(m, T_x)}, not {y.shape}")
    if not np.issubdtype(y.dtype, np.integer):
        raise ValueError(f"y must hold integer class indices, not {y.dtype}")
    if y.min() < 0 or y.max() >= n_y:
        raise ValueError(f"y must lie in [0, {n_y}), got {y.min()}..{y.max()}")
    Wya = np.asarray(parameters["Wya"], dtype=np.float64)
    loss = cross_entropy_loss(y_pred, y)

    # Softmax and cross-entropy together: dL/dz<t> = (y_pred<t> - one_hot(y<t>)) / m.
    examples, steps = np.meshgrid(np.arange(m), np.arange(T_x), indexing="ij")
    dz_y = y_pred.copy()
    dz_y[y, examples, steps] -= 1.0
    dz_y /= m
    dWya = np.einsum("cmt,amt->ca", dz_y, a)
    dby = np.sum(dz_y, axis=(1, 2)).reshape(n_y, 1)
    da = np.einsum("ca,cmt->amt", Wya, dz_y)

    # Backpropagation through time: the gradient that reaches each a<t> from its output.
    backward = rnn_backward(da, caches)
    gradients = {key: backward[key] for key in ("dWax", "dWaa")}
    gradients.update({"dWya": dWya, "dba": backward["dba"], "dby": dby, "da0": backward["da0"]})
    return loss, gradients


def relative_difference(grad, grad_approx):
    """How far apart two gradients are, relative to their size.

    Arguments:
    grad -- float64 array of any shape, for example an analytic gradient
    grad_approx -- float64 array of the same shape, for example a numerical gradient

    Returns:
    difference -- float, ||grad - grad_approx|| / (||grad|| + ||grad_approx||) with the
                  L2 norm of all the entries, in [0, 1]; 0.0 when both are zero
    """
    shapes = np.shape(grad), np.shape(grad_approx)
    if shapes[0] != shapes[1]:
        raise ValueError(f"grad {shapes[0]} and grad_approx {shapes[1]} must have the same shape")
    g = np.asarray(grad, dtype=np.float64).ravel()
    n = np.asarray(grad_approx, dtype=np.float64).ravel()
    size = np.linalg.norm(g) + np.linalg.norm(n)
    return 0.0 if size == 0.0 else float(np.linalg.norm(g - n) / size)


def numerical_gradient(f, array, eps=1e-5):
    """Gradient of a scalar function by central differences, one entry at a time.

    Arguments:
    f -- callable with no arguments returning a float; it reads array, so changing an
         entry of array changes its value
    array -- float64 array of any shape, the variable; each entry is changed in place to
             entry + eps and entry - eps, then set back to its exact original value
    eps -- float > 0, the step

    Returns:
    grad -- float64 array of the shape of array: (f(entry + eps) - f(entry - eps)) / (2 eps)
            for each entry
    """
    if not callable(f):
        raise ValueError("f must be a callable with no arguments")
    if not isinstance(array, np.ndarray) or not np.issubdtype(array.dtype, np.floating):
        raise ValueError("array must be a numpy array of floats, changed in place")
    if not eps > 0:
        raise ValueError(f"eps must be positive, not {eps!r}")

    grad = np.zeros(array.shape)
    for index in np.ndindex(array.shape):
        original = array[index]
        try:
            array[index] = original + eps
            f_plus = float(f())
            array[index] = original - eps
            f_minus = float(f())
        finally:
            array[index] = original
        grad[index] = (f_plus - f_minus) / (2.0 * eps)
    return grad


def clip_gradients(gradients, max_value):
    """Clip every gradient elementwise to [-max_value, max_value].

    Arguments:
    gradients -- dict of float64 arrays, for example dWax, dWaa, dWya, dba, dby
    max_value -- float > 0

    Returns:
    clipped -- dict with the same keys: each array clipped entry by entry; gradients and
               its arrays are left unchanged
    """
    if not isinstance(gradients, dict):
        raise ValueError(f"gradients must be a dict, not {type(gradients).__name__}")
    if not max_value > 0:
        raise ValueError(f"max_value must be positive, not {max_value!r}")
    return {
        name: np.clip(np.asarray(g, dtype=np.float64), -max_value, max_value) for name, g in gradients.items()
    }


def clip_by_global_norm(gradients, max_norm):
    """Rescale all the gradients together when their joint norm exceeds max_norm.

    Arguments:
    gradients -- dict of float64 arrays, for example dWax, dWaa, dWya, dba, dby
    max_norm -- float > 0

    Returns:
    clipped -- dict with the same keys: with total the L2 norm of all the entries of all
               the arrays, every array times max_norm / total when total > max_norm,
               otherwise every array with the same values; gradients and its arrays are
               left unchanged
    """
    if not isinstance(gradients, dict):
        raise ValueError(f"gradients must be a dict, not {type(gradients).__name__}")
    if not max_norm > 0:
        raise ValueError(f"max_norm must be positive, not {max_norm!r}")
    arrays = {name: np.array(g, dtype=np.float64) for name, g in gradients.items()}
    total = np.sqrt(sum(np.sum(g**2) for g in arrays.values()))
    if total > max_norm:
        # One factor for all the arrays keeps the direction of the whole gradient.
        return {name: g * (max_norm / total) for name, g in arrays.items()}
    return arrays


def sgd_step(parameters, gradients, learning_rate):
    """One step of gradient descent.

    Arguments:
    parameters -- dict of float64 arrays, for example Wax, Waa, Wya, ba, by
    gradients -- dict of float64 arrays with, for each parameter p, the key "d" + p and an
                 array of the shape of p (other keys, such as da0, are ignored)
    learning_rate -- float

    Returns:
    new_parameters -- dict with the keys of parameters:
                      p - learning_rate * gradients["d" + p]; the inputs are left unchanged
    """
    for argument, given in (("parameters", parameters), ("gradients", gradients)):
        if not isinstance(given, dict):
            raise ValueError(f"{argument} must be a dict, not {type(given).__name__}")
    new_parameters = {}
    for name, value in parameters.items():
        value = np.asarray(value, dtype=np.float64)
        if "d" + name not in gradients:
            raise ValueError(f"gradients has no 'd{name}' entry for parameter {name!r}")
        gradient = np.asarray(gradients["d" + name], dtype=np.float64)
        if gradient.shape != value.shape:
            raise ValueError(f"gradients['d{name}'] must have shape {value.shape}, not {gradient.shape}")
        new_parameters[name] = value - learning_rate * gradient
    return new_parameters


def gradient_norms_through_time(x, a0, parameters):
    """How the size of a gradient changes as it travels back through the steps.

    Starting with g<T_x> = ones (n_a, m) at the last step, the gradient is carried back one
    step at a time as g<t-1> = Waa^T (g<t> * (1 - a<t>**2)), where a<t> comes from
    rnn_forward(x, a0, parameters).

    Arguments:
    x -- float64 array (n_x, m, T_x), the inputs
    a0 -- float64 array (n_a, m), the initial hidden state
    parameters -- dict with Wax (n_a, n_x), Waa (n_a, n_a), Wya (n_y, n_a), ba (n_a, 1),
                  by (n_y, 1)

    Returns:
    norms -- float64 array (T_x,), [||g<1>||, ..., ||g<T_x>||] (Frobenius norms): the last
             entry is sqrt(n_a * m); if the entries shrink towards the start, the gradient
             vanishes; if they grow, it explodes
    """
    a, _, _ = rnn_forward(x, a0, parameters)
    Waa = np.asarray(parameters["Waa"], dtype=np.float64)
    n_a, m, T_x = a.shape
    norms = np.zeros(T_x)
    g = np.ones((n_a, m))
    norms[T_x - 1] = np.linalg.norm(g)
    for t in range(T_x - 1, 0, -1):
        # a[:, :, t] is a<t+1>: the state whose tanh the gradient goes back through.
        g = Waa.T @ (g * (1.0 - a[:, :, t] ** 2))
        norms[t - 1] = np.linalg.norm(g)
    return norms


def spectral_radius(W):
    """The spectral radius of a square matrix.

    Arguments:
    W -- float64 array (n, n), for example Waa (n_a, n_a)

    Returns:
    radius -- float, the largest absolute value (modulus) of the eigenvalues of W, which
              may be complex; the long-run rate of the recurrence without tanh:
              ||(W^T)^k||^(1/k) tends to radius as k grows
    """
    W = np.asarray(W, dtype=np.float64)
    if W.ndim != 2 or W.shape[0] != W.shape[1] or W.shape[0] == 0:
        raise ValueError(f"W must be a non-empty square matrix, not shape {W.shape}")
    return float(np.max(np.abs(np.linalg.eigvals(W))))


def perplexity(y_preds, ys):
    """Perplexity of a language model on a set of batches: exp of the mean loss per character.

    Arguments:
    y_preds -- list of float64 arrays, one per batch: y_pred (n_y, m, T_x) the predicted
               probabilities of that batch, each column y_pred[:, i, t] summing to 1 (the
               batches may differ in m and T_x)
    ys -- list of int arrays of the same length, one per batch: y (m, T_x) the true class
          index of each example at each step, in [0, n_y); every step counts, the last one
          (the end of a name) too

    Returns:
    perplexity -- float, exp(-(1 / N) * sum over the batches, i and t of log y_pred[y[i, t], i, t])
                  with N the number of characters of all the batches together (the sum of
                  m * T_x); 1.0 for a model sure of every right character, n_y for one that
                  spreads the probability evenly over the n_y classes
    """
    if not isinstance(y_preds, (list, tuple)) or not isinstance(ys, (list, tuple)):
        raise ValueError("y_preds and ys must be lists, one array per batch")
    if len(y_preds) != len(ys):
        raise ValueError(f"y_preds has {len(y_preds)} batches but ys has {len(ys)}")
    total, characters = 0.0, 0
    for k, (y_pred, y) in enumerate(zip(y_preds, ys)):
        y_pred, y = np.asarray(y_pred, dtype=np.float64), np.asarray(y)
        if y_pred.ndim != 3 or y.shape != y_pred.shape[1:]:
            raise ValueError(
                f"batch {k}: y_pred {y_pred.shape} must be (n_y, m, T_x) and y (m, T_x), not {y.shape}"
            )
        if y.size and (not np.issubdtype(y.dtype, np.integer) or y.min() < 0 or y.max() >= y_pred.shape[0]):
            raise ValueError(f"batch {k}: y must hold integer class indices in [0, {y_pred.shape[0]})")
        # (m, T_x): the probability of each true character.
        picked = np.take_along_axis(y_pred, y[np.newaxis], axis=0)[0]
        total -= np.sum(np.log(picked))
        characters += y.size
    if characters == 0:
        raise ValueError("ys holds no characters")
    return float(np.exp(total / characters))


def early_stopping(validation, patience):
    """When to stop training, and which epoch's parameters to keep, from a validation curve.

    Arguments:
    validation -- float64 array (E + 1,), validation[e] the validation perplexity (or loss)
                  after epoch e, validation[0] before training
    patience -- int >= 1, how many epochs in a row without a new best to wait before stopping

    Returns:
    best -- int, the epoch with the lowest validation value among the epochs 0..stop (the
            first of them on a tie): its parameters are the ones to keep
    stop -- int, the first epoch e at which patience epochs have passed since the best so
            far without going below it (e - best == patience), or E if that never happens;
            the values after stop are never looked at
    """
    validation = np.asarray(validation, dtype=np.float64)
    if validation.ndim != 1 or validation.size == 0:
        raise ValueError(f"validation must be a non-empty 1-D array, not shape {validation.shape}")
    if isinstance(patience, bool) or not isinstance(patience, (int, np.integer)) or patience < 1:
        raise ValueError(f"patience must be an integer >= 1, not {patience!r}")
    best = 0
    for epoch in range(1, validation.size):
        if validation[epoch] < validation[best]:
            best = epoch
        elif epoch - best == patience:
            return best, epoch
    return best, validation.size - 1


def reliable_distance(accuracies, distances, threshold=0.95):
    """How far the agreement is learned reliably: the reading of the agreement experiment.

    Arguments:
    accuracies -- float64 array (n_d, n_seeds), accuracies[k, s] the accuracy of the network
                  trained with seed s on sentences with distances[k] filler words
    distances -- int array (n_d,), the distances d, increasing
    threshold -- float, the accuracy that counts as learned

    Returns:
    reliable -- int, the largest distance d such that every seed reaches at least threshold at
                d and at every smaller distance of the list; 0 if some seed misses it at the
                first distance
    """
    accuracies = np.asarray(accuracies, dtype=np.float64)
    distances = np.asarray(distances)
    if accuracies.ndim != 2 or distances.shape != (accuracies.shape[0],):
        raise ValueError(
            f"accuracies (n_d, n_seeds) {accuracies.shape} and distances (n_d,) {distances.shape} differ"
        )
    reliable = 0
    for d, row in zip(distances, accuracies):
        if not np.all(row >= threshold):
            break
        reliable = int(d)
    return reliable
