"""most_similar ranks by Euclidean distance instead of cosine similarity."""

FEEDBACK = {
    "es": "ordena por distancia euclídea en lugar de similitud coseno",
    "en": "ranks by Euclidean distance instead of cosine similarity",
}

import numpy as np


def most_similar(word, E, word_to_index, k=5):
    E = np.asarray(E, dtype=np.float64)
    target = E[:, word_to_index[word]]
    distances = []
    for w, i in word_to_index.items():
        if w != word:
            distances.append((np.linalg.norm(E[:, i] - target), i, w))
    distances.sort()
    return [w for _, _, w in distances[:k]]
