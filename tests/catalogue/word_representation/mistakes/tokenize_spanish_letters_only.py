"""tokenize lists the letters of Spanish, [a-z0-9áéíóúüñ]+, and cuts words at other letters (ë, ç, ã)."""

FEEDBACK = {
    "es": "solo acepta las letras del español; «ë», «ç» o «ř» también son letras",
    "en": 'accepts only the letters of Spanish; "ë", "ç" or "ř" are letters too',
}

import re


def tokenize(text):
    return re.findall(r"[a-z0-9áéíóúüñ]+", text.lower())
