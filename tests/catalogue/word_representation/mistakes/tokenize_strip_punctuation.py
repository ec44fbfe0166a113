"""tokenize splits on spaces and strips string.punctuation, which has neither ¡ nor ¿, and keeps "_"."""

FEEDBACK = {
    "es": "solo quita string.punctuation, sin ¡ ni ¿",
    "en": "strips string.punctuation only, which has neither ¡ nor ¿",
}

import string


def tokenize(text):
    words = [word.strip(string.punctuation) for word in text.lower().split()]
    return [word for word in words if word]
