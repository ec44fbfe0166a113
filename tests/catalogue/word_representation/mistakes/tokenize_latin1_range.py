"""tokenize with the range [a-z0-9à-ÿ]+ cuts words at letters outside Latin-1 (ř, ł) and keeps ÷."""

import re


def tokenize(text):
    return re.findall(r"[a-z0-9à-ÿ]+", text.lower())
