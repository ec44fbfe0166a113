"""build_vocabulary drops words seen exactly min_count times (> instead of >=)."""

FEEDBACK = {"es": "deja fuera las palabras vistas exactamente min_count veces (usa > en lugar de >=)", "en": "drops the words seen exactly min_count times (> instead of >=)"}

import re


def build_vocabulary(sentences, max_size=None, min_count=1):
    counts = {}
    for sentence in sentences:
        for word in re.findall(r"[^\W_]+", sentence.lower()):
            counts[word] = counts.get(word, 0) + 1
    words = sorted((w for w in counts if counts[w] > min_count), key=lambda w: (-counts[w], w))
    if max_size is not None:
        words = words[: max_size - 2]
    word_to_index = {"<UNK>": 0, "<EOS>": 1}
    for i, word in enumerate(words):
        word_to_index[word] = i + 2
    return word_to_index
