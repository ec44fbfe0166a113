"""reliable_distance returns the first distance that fails instead of the last one learned."""

import numpy as np

FEEDBACK = {
    "es": "devuelve la primera distancia que falla, no la última aprendida",
    "en": "returns the first distance that fails, not the last one learned",
}


def reliable_distance(accuracies, distances, threshold=0.95):
    for d, row in zip(distances, accuracies):
        if not np.all(row >= threshold):
            return int(d)
    return int(distances[-1])
