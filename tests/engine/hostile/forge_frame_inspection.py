"""Hunt for the expected answer in frames, gc and modules: nothing found, no undue points.

Look for the expected answer from inside a call: the caller's frames
(sys._getframe(n).f_locals), gc.get_objects(), every module: nothing there but the student's own
arguments, so no more points than returning None.

The expected values live in the grader process; the student process holds only what it was sent.
"""

import gc
import sys

import numpy as np


def _hunt(shape):
    found = []
    depth = 1
    while True:
        try:
            frame = sys._getframe(depth)
        except ValueError:
            break
        for key, value in frame.f_locals.items():
            if "expect" in key or "answer" in key or "reference" in key:
                found.append(value)
        depth += 1
    for obj in gc.get_objects():
        if isinstance(obj, dict) and ("expected" in obj or "answers" in obj):
            found.append(obj.get("expected", obj.get("answers")))
    for module in list(sys.modules.values()):
        for name in ("_answers", "ANSWERS", "expected", "_stored"):
            if hasattr(module, name):
                found.append(getattr(module, name))
    for value in found:
        if isinstance(value, np.ndarray) and value.shape == shape:
            return value
    return None


def softmax(z):
    return _hunt(np.shape(z))


def initialize_parameters(n_a, n_x, n_y, seed=0):
    return _hunt((n_a, n_x))


def rnn_cell_forward(xt, a_prev, parameters):
    return _hunt(np.shape(a_prev)), None, None


def rnn_forward(x, a0, parameters):
    return _hunt(np.shape(a0) + np.shape(x)[2:]), None, None
