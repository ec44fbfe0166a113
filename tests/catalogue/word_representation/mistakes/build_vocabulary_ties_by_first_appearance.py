"""build_vocabulary breaks ties by first appearance instead of string order."""

FEEDBACK = {"es": "desempata por el orden de primera aparición, no por el orden de las cadenas (sorted)", "en": "breaks ties by first appearance, not by string order (sorted)"}

import re


def build_vocabulary(sentences, max_size=None, min_count=1):
    counts = {}
    for sentence in sentences:
        for word in re.findall(r"[^\W_]+", sentence.lower()):
            counts[word] = counts.get(word, 0) + 1
    words = sorted(counts, key=lambda w: counts[w], reverse=True)
    words = [w for w in words if counts[w] >= min_count]
    if max_size is not None:
        words = words[: max_size - 2]
    word_to_index = {"<UNK>": 0, "<EOS>": 1}
    for i, word in enumerate(words):
        word_to_index[word] = i + 2
    return word_to_index
