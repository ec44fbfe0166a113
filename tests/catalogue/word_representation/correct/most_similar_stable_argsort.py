"""most_similar vectorised, with a stable argsort of minus the similarities."""

import numpy as np


def most_similar(word, E, word_to_index, k=5):
    E = np.asarray(E, dtype=np.float64)
    index_to_word = {i: w for w, i in word_to_index.items()}
    candidates = np.array(sorted(i for w, i in word_to_index.items() if w != word), dtype=np.int64)
    target = E[:, word_to_index[word]]
    columns = E[:, candidates]
    norms = np.linalg.norm(columns, axis=0) * np.linalg.norm(target)
    dots = columns.T @ target
    similarities = np.divide(dots, norms, out=np.zeros_like(dots), where=norms != 0)
    order = np.argsort(-similarities, kind="stable")
    return [index_to_word[int(i)] for i in candidates[order][:k]]
