"""engine.text: what a submission wrote reaches a terminal, a CSV or a page without its
control characters, and bounded."""

import pytest

from autograder.engine.text import clean, clean_lines


@pytest.mark.parametrize(
    "attack",
    [
        "\x1b[2K\x1b[1Afake,10,10",  # erase the line above, print a forged row
        "\x1b]0;title\x07",  # set the terminal's title
        "\x1b]52;c;ZXZpbA==\x07",  # write the clipboard (OSC 52)
        "\x1b[8mconcealed\x1b[0m",
        "\x9b2J",  # the C1 form of CSI
        "evil\u202etxt.exe",  # right-to-left override
    ],
    ids=["erase-row", "title", "osc52", "conceal", "c1-csi", "bidi"],
)
def test_clean_drops_every_control_and_format_character(attack):
    cleaned = clean(attack)
    assert all(c.isprintable() for c in cleaned), repr(cleaned)
    assert "\x1b" not in cleaned and "\x07" not in cleaned and "\u202e" not in cleaned


def test_clean_puts_a_forged_csv_row_on_one_line():
    assert clean("ana\n,10,10\r\nbeto\tx") == "ana ,10,10  beto x"


def test_clean_lines_keeps_line_breaks_and_drops_escapes():
    assert clean_lines("uno\r\ndos\x1b[31m\ttres\rcuatro") == "uno\ndos[31m tres\ncuatro"


def test_clean_keeps_accents_and_other_scripts():
    assert clean("Ana Lucía Ortega — 山田") == "Ana Lucía Ortega — 山田"


def test_clean_bounds_the_length_and_marks_the_cut():
    assert clean("x" * 1000, limit=10) == "x" * 9 + "…"
    assert len(clean_lines("y\n" * 5000, limit=100)) == 100
