"""most_similar ranks by the absolute value of the cosine: opposite words count as similar."""


def most_similar(word, E, word_to_index, k=5):
    target = E[:, word_to_index[word]]
    by_index = sorted(word_to_index.items(), key=lambda item: item[1])
    scored = [(w, abs(cosine_similarity(target, E[:, i]))) for w, i in by_index if w != word]
    scored.sort(key=lambda pair: -pair[1])
    return [w for w, _ in scored[:k]]
