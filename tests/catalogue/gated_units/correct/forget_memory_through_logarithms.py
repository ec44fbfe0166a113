"""forget_gate_memory as exp(-d log(1 + exp(-bf))), the same number through logarithms."""

import numpy as np


def forget_gate_memory(bf, d):
    return np.exp(-d * np.log1p(np.exp(-bf)))
