"""tokenize by scanning characters with str.isalnum (the same set as [^\\W_])."""


def tokenize(text):
    tokens, current = [], []
    for character in text.lower():
        if character.isalnum():
            current.append(character)
        elif current:
            tokens.append("".join(current))
            current = []
    if current:
        tokens.append("".join(current))
    return tokens
