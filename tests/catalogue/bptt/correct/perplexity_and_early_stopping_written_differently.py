"""perplexity with log2 and 2 to the power (the same number), early_stopping with a counter."""

import numpy as np


def perplexity(y_preds, ys):
    logs = np.concatenate(
        [
            np.log2(y_pred[y, np.arange(y.shape[0])[:, None], np.arange(y.shape[1])]).ravel()
            for y_pred, y in zip(y_preds, ys)
        ]
    )
    return float(2.0 ** (-logs.mean()))


def early_stopping(validation, patience):
    best, best_value, waited = 0, validation[0], 0
    for epoch, value in enumerate(validation[1:], start=1):
        if value < best_value:
            best, best_value, waited = epoch, value, 0
            continue
        waited += 1
        if waited == patience:
            return (best, epoch)
    return (best, len(validation) - 1)
