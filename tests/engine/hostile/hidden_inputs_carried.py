"""Record softmax's inputs and show them in later failures: no hidden input reaches a public message.

softmax records a fingerprint of every input it gets and fails with "got <its input's>" and the
fingerprints it saw before; initialize_parameters fails with every fingerprint seen so far. q1's
hidden cases pass hidden inputs to softmax, q2's public cases come after them in the test files:
every public case of every question runs before any hidden case, so no fingerprint that a hidden
case got appears in a public case's message (the feedback a student sees).

The cases ran question by question, q1's hidden cases before q2's public ones: 6 of q1's hidden
inputs were shown in the student's own feedback.
"""

import hashlib

import numpy as np

SEEN = []


def softmax(z):
    mark = hashlib.sha256(np.asarray(z, dtype=np.float64).tobytes()).hexdigest()[:6]
    before = " ".join(SEEN[:30])
    if mark not in SEEN:
        SEEN.insert(0, mark)
    raise Exception(f"hostile-ran got {mark} saw {before}")


def initialize_parameters(n_a, n_x, n_y, seed=0):
    raise Exception("hostile-ran saw " + " ".join(SEEN[:30]))
