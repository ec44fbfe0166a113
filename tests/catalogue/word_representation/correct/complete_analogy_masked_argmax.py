"""complete_analogy vectorised: -inf for a, b and c, then np.argmax (first maximum)."""

import numpy as np


def complete_analogy(a, b, c, E, word_to_index):
    E = np.asarray(E, dtype=np.float64)
    index_to_word = {i: w for w, i in word_to_index.items()}
    indices = np.array(sorted(index_to_word), dtype=np.int64)
    e_a, e_b, e_c = (E[:, word_to_index[w]] for w in (a, b, c))
    target = e_b - e_a + e_c
    columns = E[:, indices]
    norms = np.linalg.norm(columns, axis=0) * np.linalg.norm(target)
    dots = columns.T @ target
    similarities = np.divide(dots, norms, out=np.zeros_like(dots), where=norms != 0)
    for w in (a, b, c):
        similarities[indices == word_to_index[w]] = -np.inf
    return index_to_word[int(indices[np.argmax(similarities)])]
