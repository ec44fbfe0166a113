"""tokenize uses \\w+, so "_" stays inside words."""

import re


def tokenize(text):
    return re.findall(r"\w+", text.lower())
