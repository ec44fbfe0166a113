"""most_similar scoring every other word with cosine_similarity and a stable sort by score."""


def most_similar(word, E, word_to_index, k=5):
    target = E[:, word_to_index[word]]
    by_index = sorted(word_to_index.items(), key=lambda item: item[1])
    scored = [(w, cosine_similarity(target, E[:, i])) for w, i in by_index if w != word]
    scored.sort(key=lambda pair: -pair[1])  # stable: equal scores keep the lower index first
    return [w for w, _ in scored[:k]]
