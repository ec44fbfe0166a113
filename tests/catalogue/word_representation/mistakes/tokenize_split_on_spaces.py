"""tokenize splits on whitespace and keeps punctuation."""


def tokenize(text):
    return text.lower().split()
