"""reliable_distance takes the largest learned distance, even after a distance that failed."""

import numpy as np

FEEDBACK = {
    "es": "toma la mayor distancia aprendida aunque antes haya una que falló",
    "en": "takes the largest learned distance even when an earlier one failed",
}


def reliable_distance(accuracies, distances, threshold=0.95):
    learned = [int(d) for d, row in zip(distances, accuracies) if np.all(row >= threshold)]
    return max(learned, default=0)
