"""encode splits the text on spaces instead of tokenizing it: no lowercase, punctuation kept on the words."""

FEEDBACK = {"es": "separa el texto por espacios en lugar de usar tokenize: no pasa a minúsculas y deja la puntuación pegada a las palabras", "en": "splits the text on spaces instead of using tokenize: no lowercase, and punctuation stays on the words"}

import numpy as np


def encode(text, word_to_index, add_eos=True):
    unk = word_to_index["<UNK>"]
    indices = [word_to_index.get(word, unk) for word in text.split()]
    if add_eos:
        indices.append(word_to_index["<EOS>"])
    return np.array(indices, dtype=np.int64)
