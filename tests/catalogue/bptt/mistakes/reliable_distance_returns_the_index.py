"""reliable_distance returns the position in the list, not the distance d."""

import numpy as np

FEEDBACK = {
    "es": "devuelve la posición en la lista, no la distancia d",
    "en": "returns the position in the list, not the distance d",
}


def reliable_distance(accuracies, distances, threshold=0.95):
    reliable = 0
    for k, row in enumerate(accuracies):
        if not np.all(row >= threshold):
            break
        reliable = k
    return reliable
