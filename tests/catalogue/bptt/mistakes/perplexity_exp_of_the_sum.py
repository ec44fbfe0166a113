"""perplexity takes exp of the sum of -log p instead of its mean per character."""

import numpy as np

FEEDBACK = {
    "es": "toma la exponencial de la suma de -log p, no de su media por carácter",
    "en": "takes exp of the sum of -log p, not of its mean per character",
}


def perplexity(y_preds, ys):
    total = 0.0
    for y_pred, y in zip(y_preds, ys):
        m, T_x = y.shape
        for i in range(m):
            for t in range(T_x):
                total -= np.log(y_pred[y[i, t], i, t])
    return float(np.exp(total))
