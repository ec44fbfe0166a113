"""Softmax as exp(z - logsumexp(z)), the log-sum-exp computed by hand over axis 0."""

import numpy as np


def softmax(z):
    z = np.asarray(z, dtype=np.float64)
    z_max = z.max(axis=0, keepdims=True)
    log_sum_exp = z_max + np.log(np.exp(z - z_max).sum(axis=0, keepdims=True))
    return np.exp(z - log_sum_exp)
