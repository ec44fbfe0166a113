"""most_similar reverses an ascending argsort, so ties go to the higher index."""

import numpy as np


def most_similar(word, E, word_to_index, k=5):
    E = np.asarray(E, dtype=np.float64)
    j = word_to_index[word]
    norms = np.linalg.norm(E, axis=0) * np.linalg.norm(E[:, j])
    dots = E.T @ E[:, j]
    similarities = np.divide(dots, norms, out=np.zeros_like(dots), where=norms != 0)
    index_to_word = {i: w for w, i in word_to_index.items()}
    order = [int(i) for i in np.argsort(similarities, kind="stable")[::-1] if i != j]
    return [index_to_word[i] for i in order[:k]]
