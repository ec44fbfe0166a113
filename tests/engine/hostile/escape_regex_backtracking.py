"""A backtracking regex in rnn_forward: q4 fails on the time limit then is skipped, q1-q3 pass.

rnn_forward runs a catastrophically backtracking regex (C code that never checks for signals) on
every call: q4 fails with the time-limit message, then "not called again", and q1-q3 keep full
marks.
"""

import re


def rnn_forward(x, a0, parameters):
    re.match(r"(a|aa)+$", "a" * 60 + "b")
    raise AssertionError("unreachable")
