"""tokenize splits on whitespace and keeps punctuation."""

FEEDBACK = {
    "es": "separa solo por espacios y deja la puntuación",
    "en": "splits on spaces only and keeps punctuation",
}


def tokenize(text):
    return text.lower().split()
