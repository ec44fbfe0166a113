"""reliable_distance asks for an accuracy strictly above the threshold: reaching it is not enough."""

import numpy as np

FEEDBACK = {
    "es": "pide una exactitud mayor que el umbral; llegar a él ya cuenta",
    "en": "asks for an accuracy above the threshold; reaching it counts already",
}


def reliable_distance(accuracies, distances, threshold=0.95):
    reliable = 0
    for d, row in zip(distances, accuracies):
        if not np.all(row > threshold):
            break
        reliable = int(d)
    return reliable
