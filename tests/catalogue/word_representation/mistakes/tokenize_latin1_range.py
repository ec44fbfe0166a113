"""tokenize with the range [a-z0-9à-ÿ]+ cuts words at letters outside Latin-1 (ř, ł) and keeps ÷."""

FEEDBACK = {"es": "solo reconoce letras de Latin-1", "en": "recognises Latin-1 letters only"}

import re


def tokenize(text):
    return re.findall(r"[a-z0-9à-ÿ]+", text.lower())
