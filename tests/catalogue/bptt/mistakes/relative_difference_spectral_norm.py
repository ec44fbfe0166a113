"""relative_difference measures matrices with the spectral norm (np.linalg.norm(W, 2)) instead of
the L2 norm of all the entries."""

import numpy as np


def relative_difference(grad, grad_approx):
    grad, grad_approx = np.asarray(grad, dtype=np.float64), np.asarray(grad_approx, dtype=np.float64)
    order = 2 if grad.ndim == 2 else None
    size = np.linalg.norm(grad, order) + np.linalg.norm(grad_approx, order)
    if size == 0:
        return 0.0
    return float(np.linalg.norm(grad - grad_approx, order) / size)
