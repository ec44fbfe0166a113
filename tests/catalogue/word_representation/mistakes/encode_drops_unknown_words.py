"""encode leaves unknown words out instead of mapping them to <UNK>."""

FEEDBACK = {
    "es": "descarta las palabras desconocidas en lugar de usar <UNK>",
    "en": "drops unknown words instead of using <UNK>",
}

import re

import numpy as np


def encode(text, word_to_index, add_eos=True):
    indices = [word_to_index[w] for w in re.findall(r"[^\W_]+", text.lower()) if w in word_to_index]
    if add_eos:
        indices.append(word_to_index["<EOS>"])
    return np.array(indices, dtype=int)
