"""tokenize with re.split on separators leaves empty strings where the text starts or ends with one."""

FEEDBACK = {
    "es": "devuelve cadenas vacías cuando el texto empieza o termina con un separador",
    "en": "returns empty strings when the text starts or ends with a separator",
}

import re


def tokenize(text):
    return re.split(r"[\W_]+", text.lower())
