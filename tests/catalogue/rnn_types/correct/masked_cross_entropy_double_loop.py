"""masked_cross_entropy with two plain loops, over the examples and over each one's real steps."""

import math


def masked_cross_entropy(y_pred, y, lengths):
    m = y_pred.shape[1]
    loss = 0.0
    for i in range(m):
        for t in range(int(lengths[i])):
            loss += -math.log(y_pred[y[i, t], i, t])
    return loss / m
