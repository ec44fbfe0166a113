"""tokenize with \\w+ after turning every "_" into a space."""

import re


def tokenize(text):
    return re.findall(r"\w+", text.lower().replace("_", " "))
