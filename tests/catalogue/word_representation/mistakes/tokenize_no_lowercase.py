"""tokenize does not lowercase the text."""

FEEDBACK = {"es": "no pasa el texto a minúsculas", "en": "does not lowercase the text"}

import re


def tokenize(text):
    return re.findall(r"[^\W_]+", text)
