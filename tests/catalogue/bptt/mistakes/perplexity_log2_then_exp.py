"""perplexity mixes bases: the mean of -log2 p, then e to that power."""

import numpy as np

FEEDBACK = {
    "es": "mezcla bases: media de -log2 p y luego exp; con log2 va 2 elevado a la media",
    "en": "mixes bases: the mean of -log2 p and then exp; log2 goes with 2 to the mean",
}


def perplexity(y_preds, ys):
    total, characters = 0.0, 0
    for y_pred, y in zip(y_preds, ys):
        picked = np.take_along_axis(y_pred, y[np.newaxis], axis=0)[0]
        total -= np.sum(np.log2(picked))
        characters += y.size
    return float(np.exp(total / characters))
