"""reliable_distance counts a distance as learned when any seed learned it."""

import numpy as np

FEEDBACK = {
    "es": "basta con que una semilla llegue al umbral; deben llegar todas",
    "en": "is satisfied when one seed reaches the threshold; all of them must",
}


def reliable_distance(accuracies, distances, threshold=0.95):
    reliable = 0
    for d, row in zip(distances, accuracies):
        if np.max(row) < threshold:
            break
        reliable = int(d)
    return reliable
