"""Text that came from a submission, made safe to show: no control characters, bounded.

A file name, an exception's type or message, a cell's error: any of them may carry escape
sequences that rewrite an instructor's terminal (erase a row, set the title, write the
clipboard through OSC 52), newlines that forge CSV rows, or bidirectional overrides that
reorder what a reader sees. Every such string passes through `clean` (one line: a file name, a
reason, a table cell) or `clean_lines` (a message that may keep its line breaks) before it
reaches a terminal, a CSV, HTML, Markdown or Gradescope's results.json.
"""

from __future__ import annotations

import unicodedata

# Unicode categories never shown as such: controls (C0, C1, DEL), formats (bidirectional
# overrides and isolates, zero-width characters), surrogates, private use, unassigned.
_HIDDEN = {"Cc", "Cf", "Cs", "Co", "Cn"}
_SPACES = {"\t", "\n", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"}
ELLIPSIS = "…"


def _visible(character: str) -> bool:
    return unicodedata.category(character) not in _HIDDEN


def clean(text: object, limit: int = 500) -> str:
    """text on one line: every line break or tab a space, every other control or format
    character dropped, at most `limit` characters (an ellipsis marks a cut)."""
    out = []
    for character in str(text):
        if character in _SPACES:
            out.append(" ")
        elif _visible(character):
            out.append(character)
    return _cut("".join(out), limit)


def clean_lines(text: object, limit: int = 2000) -> str:
    """text with its line breaks kept ("\\r\\n" and "\\r" become "\\n"), tabs as spaces, every
    other control or format character dropped, at most `limit` characters."""
    out = []
    for character in str(text).replace("\r\n", "\n"):
        if character == "\n":
            out.append("\n")
        elif character in _SPACES:
            out.append("\n" if character in ("\r", "\u2028", "\u2029", "\x85") else " ")
        elif _visible(character):
            out.append(character)
    return _cut("".join(out), limit)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(0, limit - 1)] + ELLIPSIS
