"""most_similar ranks by dot product instead of cosine similarity."""

FEEDBACK = {
    "es": "ordena por producto punto en lugar de similitud coseno: la longitud de los vectores cuenta",
    "en": "ranks by dot product instead of cosine similarity: the length of the vectors counts",
}

import numpy as np


def most_similar(word, E, word_to_index, k=5):
    E = np.asarray(E, dtype=np.float64)
    j = word_to_index[word]
    scores = E.T @ E[:, j]
    index_to_word = {i: w for w, i in word_to_index.items()}
    order = [i for i in np.argsort(-scores, kind="stable") if i != j]
    return [index_to_word[int(i)] for i in order[:k]]
