"""tokenize does not lowercase the text."""

import re


def tokenize(text):
    return re.findall(r"[^\W_]+", text)
