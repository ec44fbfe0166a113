"""reliable_distance reads the mean over the seeds, so one seed at chance can hide behind the others."""

import numpy as np

FEEDBACK = {
    "es": "mira la media de las semillas; cuenta que cada semilla llegue al umbral",
    "en": "reads the mean over the seeds; what counts is that every seed reaches the threshold",
}


def reliable_distance(accuracies, distances, threshold=0.95):
    reliable = 0
    for d, row in zip(distances, accuracies):
        if np.mean(row) < threshold:
            break
        reliable = int(d)
    return reliable
