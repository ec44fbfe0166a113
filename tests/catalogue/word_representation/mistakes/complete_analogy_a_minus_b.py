"""complete_analogy uses e_a - e_b + e_c instead of e_b - e_a + e_c."""

FEEDBACK = {"es": "busca cerca de e_a − e_b + e_c, no de e_b − e_a + e_c", "en": "searches near e_a − e_b + e_c, not e_b − e_a + e_c"}

import numpy as np


def complete_analogy(a, b, c, E, word_to_index):
    E = np.asarray(E, dtype=np.float64)
    target = E[:, word_to_index[a]] - E[:, word_to_index[b]] + E[:, word_to_index[c]]
    best_word, best = None, -np.inf
    for w, i in sorted(word_to_index.items(), key=lambda item: item[1]):
        if w in (a, b, c):
            continue
        denominator = np.linalg.norm(target) * np.linalg.norm(E[:, i])
        similarity = 0.0 if denominator == 0 else target @ E[:, i] / denominator
        if similarity > best:
            best_word, best = w, similarity
    return best_word
