"""encode never appends <EOS>."""

FEEDBACK = {"es": "no añade <EOS> al final", "en": "never appends <EOS>"}

import re

import numpy as np


def encode(text, word_to_index, add_eos=True):
    unk = word_to_index["<UNK>"]
    return np.array([word_to_index.get(w, unk) for w in re.findall(r"[^\W_]+", text.lower())], dtype=int)
