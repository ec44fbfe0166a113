"""most_similar ranks every word, the query too, and drops the first result, taking it for the word itself."""

import numpy as np


def most_similar(word, E, word_to_index, k=5):
    index_to_word = {i: w for w, i in word_to_index.items()}
    target = E[:, word_to_index[word]]
    similarities = np.array([cosine_similarity(target, E[:, i]) for i in range(E.shape[1])])
    order = np.argsort(-similarities, kind="stable")
    return [index_to_word[int(i)] for i in order[1 : k + 1]]
