"""tokenize with [a-z0-9]+ cuts words at accents and ñ."""

FEEDBACK = {"es": "solo reconoce letras ASCII", "en": "recognises ASCII letters only"}

import re


def tokenize(text):
    return re.findall(r"[a-z0-9]+", text.lower())
