"""Both clippings with np.minimum / np.maximum and one scale factor."""

import math

import numpy as np


def clip_gradients(gradients, max_value):
    return {k: np.maximum(np.minimum(g, max_value), -max_value) for k, g in gradients.items()}


def clip_by_global_norm(gradients, max_norm):
    total = math.sqrt(sum(float(np.vdot(g, g)) for g in gradients.values()))
    scale = max_norm / total if total > max_norm else 1.0
    return {k: g * scale for k, g in gradients.items()}
