"""build_vocabulary with collections.Counter and one sort on (-count, word)."""

import re
from collections import Counter


def build_vocabulary(sentences, max_size=None, min_count=1):
    counts = Counter(word for sentence in sentences for word in re.split(r"[\W_]+", sentence.lower()) if word)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    words = [word for word, count in ranked if count >= min_count]
    if max_size is not None:
        words = words[: max(max_size - 2, 0)]
    return {word: index for index, word in enumerate(["<UNK>", "<EOS>"] + words)}
