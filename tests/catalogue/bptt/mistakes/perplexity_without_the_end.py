"""perplexity leaves out the last step of each name, the prediction of its end."""

import numpy as np

FEEDBACK = {
    "es": "deja fuera el último paso de cada nombre, la predicción de su final",
    "en": "leaves out the last step of each name, the prediction of its end",
}


def perplexity(y_preds, ys):
    total, characters = 0.0, 0
    for y_pred, y in zip(y_preds, ys):
        picked = np.take_along_axis(y_pred, y[np.newaxis], axis=0)[0][:, :-1]  # only the letters
        total -= np.sum(np.log(picked))
        characters += picked.size
    return float(np.exp(total / characters))
