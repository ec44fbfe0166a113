"""encode with a comprehension and np.fromiter."""

import re

import numpy as np


def encode(text, word_to_index, add_eos=True):
    words = re.findall(r"[^\W_]+", text.lower())
    if add_eos:
        words.append("<EOS>")
    unknown = word_to_index["<UNK>"]
    return np.fromiter((word_to_index.get(word, unknown) for word in words), dtype=np.int64, count=len(words))
