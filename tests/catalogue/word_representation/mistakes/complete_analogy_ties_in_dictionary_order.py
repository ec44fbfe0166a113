"""complete_analogy breaks ties in the dictionary's order instead of by the lower index."""

import numpy as np

FEEDBACK = {
    "es": "desempata por el orden del diccionario",
    "en": "breaks ties by the dictionary's order",
}


def complete_analogy(a, b, c, E, word_to_index):
    target = E[:, word_to_index[b]] - E[:, word_to_index[a]] + E[:, word_to_index[c]]
    best_word, best_similarity = None, -np.inf
    for w, i in word_to_index.items():  # in the order the dictionary lists them
        if w in (a, b, c):
            continue
        similarity = cosine_similarity(target, E[:, i])
        if similarity > best_similarity:
            best_word, best_similarity = w, similarity
    return best_word
