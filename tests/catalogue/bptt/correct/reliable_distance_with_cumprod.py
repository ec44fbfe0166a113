"""reliable_distance without a loop: the distances learned so far by every seed."""

import numpy as np


def reliable_distance(accuracies, distances, threshold=0.95):
    so_far = np.cumprod(np.all(np.asarray(accuracies) >= threshold, axis=1)).astype(bool)
    return int(np.asarray(distances)[so_far][-1]) if so_far.any() else 0
