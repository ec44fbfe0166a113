"""relative_difference, sgd_step and spectral_radius written differently."""

import numpy as np


def relative_difference(grad, grad_approx):
    difference = np.sqrt(np.sum((grad - grad_approx) ** 2))
    size = np.sqrt(np.sum(grad**2)) + np.sqrt(np.sum(grad_approx**2))
    return 0.0 if size == 0 else float(difference / size)


def sgd_step(parameters, gradients, learning_rate):
    return {name: parameters[name] - learning_rate * gradients[f"d{name}"] for name in parameters}


def spectral_radius(W):
    return float(max(abs(eigenvalue) for eigenvalue in np.linalg.eigvals(W)))
