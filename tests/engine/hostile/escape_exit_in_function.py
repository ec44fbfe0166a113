"""Functions that exit (sys.exit, os._exit): only their questions fail, with the reason said.

Functions that end the process: initialize_parameters calls sys.exit, rnn_forward calls
os._exit: q2 says "tried to end the program", q4 says "ended your notebook's process", q1 and q3
keep full marks.
"""

import os
import sys


def initialize_parameters(n_a, n_x, n_y, seed=0):
    sys.exit(1)


def rnn_forward(x, a0, parameters):
    os._exit(1)
