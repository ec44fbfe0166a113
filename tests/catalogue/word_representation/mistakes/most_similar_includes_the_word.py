"""most_similar does not leave the word itself out."""

FEEDBACK = {
    "es": "incluye la propia palabra entre las parecidas",
    "en": "includes the word itself among the similar ones",
}

import numpy as np


def most_similar(word, E, word_to_index, k=5):
    E = np.asarray(E, dtype=np.float64)
    target = E[:, word_to_index[word]]
    index_to_word = {i: w for w, i in word_to_index.items()}
    scores = []
    for i in sorted(index_to_word):
        denominator = np.linalg.norm(target) * np.linalg.norm(E[:, i])
        scores.append((-(target @ E[:, i] / denominator) if denominator else 0.0, i))
    scores.sort()
    return [index_to_word[i] for _, i in scores[:k]]
