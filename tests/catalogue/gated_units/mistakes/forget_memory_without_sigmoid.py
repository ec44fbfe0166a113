"""forget_gate_memory: bf ** d, the bias itself taken as the gate, without the sigmoid."""

import numpy as np

FEEDBACK = {"es": "la compuerta es sigma(bf), no bf", "en": "the gate is sigma(bf), not bf"}


def forget_gate_memory(bf, d):
    return np.asarray(bf, dtype=float) ** d
