"""embedding_lookup returns one row per word, (T, n_e), instead of one column."""

FEEDBACK = {"es": "devuelve una fila por palabra, (T, n_e), en lugar de una columna, (n_e, T)", "en": "returns one row per word, (T, n_e), instead of one column, (n_e, T)"}

import numpy as np


def embedding_lookup(E, indices):
    return np.asarray(E).T[np.asarray(indices)]
