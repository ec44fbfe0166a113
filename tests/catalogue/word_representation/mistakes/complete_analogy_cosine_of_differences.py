"""complete_analogy compares the differences, cos(e_b - e_a, e_w - e_c), instead of cos(e_w, e_b - e_a + e_c)."""

import numpy as np


def complete_analogy(a, b, c, E, word_to_index):
    offset = E[:, word_to_index[b]] - E[:, word_to_index[a]]
    best_word, best_similarity = None, -np.inf
    for w, i in sorted(word_to_index.items(), key=lambda item: item[1]):
        if w in (a, b, c):
            continue
        similarity = cosine_similarity(offset, E[:, i] - E[:, word_to_index[c]])
        if similarity > best_similarity:
            best_word, best_similarity = w, similarity
    return best_word
