"""tokenize uses \\w+, so "_" stays inside words."""

FEEDBACK = {"es": 'usa \\w+, que no separa en "_"', "en": 'uses \\w+, which does not split at "_"'}

import re


def tokenize(text):
    return re.findall(r"\w+", text.lower())
