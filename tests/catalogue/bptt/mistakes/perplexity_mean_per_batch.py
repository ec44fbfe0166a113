"""perplexity averages -log p within each batch, then over the batches, whatever their size."""

import numpy as np

FEEDBACK = {
    "es": "promedia dentro de cada lote y luego entre los lotes, sin importar su tamaño",
    "en": "averages within each batch and then over the batches, whatever their size",
}


def perplexity(y_preds, ys):
    means = []
    for y_pred, y in zip(y_preds, ys):
        picked = np.take_along_axis(y_pred, y[np.newaxis], axis=0)[0]
        means.append(-np.mean(np.log(picked)))
    return float(np.exp(np.mean(means)))
