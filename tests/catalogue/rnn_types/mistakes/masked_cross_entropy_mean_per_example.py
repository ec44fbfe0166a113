"""masked_cross_entropy averages each example over its own real steps, then over the examples.

Short examples then weigh as much as long ones; the course's loss sums over the steps.
"""

import numpy as np

FEEDBACK = {"es": "promedia cada ejemplo sobre sus pasos", "en": "averages each example over its steps"}


def masked_cross_entropy(y_pred, y, lengths):
    m = y_pred.shape[1]
    total = 0.0
    for i in range(m):
        if lengths[i] > 0:
            steps = np.arange(lengths[i])
            total += np.mean(-np.log(y_pred[y[i, steps], i, steps]))
    return float(total / m)
