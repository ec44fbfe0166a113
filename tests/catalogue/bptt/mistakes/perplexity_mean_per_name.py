"""perplexity averages -log p over each name first, then over the names: short names weigh more."""

import numpy as np

FEEDBACK = {
    "es": "promedia por nombre y luego entre los nombres, no por carácter",
    "en": "averages per name and then over the names, not per character",
}


def perplexity(y_preds, ys):
    per_name = []
    for y_pred, y in zip(y_preds, ys):
        m, T_x = y.shape
        for i in range(m):
            per_name.append(-np.mean([np.log(y_pred[y[i, t], i, t]) for t in range(T_x)]))
    return float(np.exp(np.mean(per_name)))
