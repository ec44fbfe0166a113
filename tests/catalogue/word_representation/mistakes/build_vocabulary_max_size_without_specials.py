"""build_vocabulary keeps max_size words on top of the two special tokens."""

FEEDBACK = {"es": "max_size no cuenta <UNK> y <EOS>", "en": "max_size does not count <UNK> and <EOS>"}

import re


def build_vocabulary(sentences, max_size=None, min_count=1):
    counts = {}
    for sentence in sentences:
        for word in re.findall(r"[^\W_]+", sentence.lower()):
            counts[word] = counts.get(word, 0) + 1
    words = sorted((w for w in counts if counts[w] >= min_count), key=lambda w: (-counts[w], w))
    if max_size is not None:
        words = words[:max_size]
    word_to_index = {"<UNK>": 0, "<EOS>": 1}
    for i, word in enumerate(words):
        word_to_index[word] = i + 2
    return word_to_index
