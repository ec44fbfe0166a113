"""complete_analogy leaves only c out of the candidates, so it can answer a or b."""

FEEDBACK = {"es": "no deja fuera a, b y c", "en": "does not leave a, b and c out"}

import numpy as np


def complete_analogy(a, b, c, E, word_to_index):
    E = np.asarray(E, dtype=np.float64)
    target = E[:, word_to_index[b]] - E[:, word_to_index[a]] + E[:, word_to_index[c]]
    best_word, best = None, -np.inf
    for w, i in word_to_index.items():
        if w == c:  # c itself would always win
            continue
        similarity = np.dot(target, E[:, i]) / (np.linalg.norm(target) * np.linalg.norm(E[:, i]))
        if similarity > best:
            best_word, best = w, similarity
    return best_word
