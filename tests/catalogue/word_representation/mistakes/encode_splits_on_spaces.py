"""encode splits the text on spaces instead of tokenizing it: no lowercase, punctuation kept on the words."""

import numpy as np


def encode(text, word_to_index, add_eos=True):
    unk = word_to_index["<UNK>"]
    indices = [word_to_index.get(word, unk) for word in text.split()]
    if add_eos:
        indices.append(word_to_index["<EOS>"])
    return np.array(indices, dtype=np.int64)
