"""Return what cannot cross (generators, cycles, 300 MB): no undue points, feedback says why.

Return what cannot cross: a generator, a list that contains itself, lists nested 10 000 deep, a
300 MB array, 10 million ints: no more points than returning None, and the feedback says it
cannot be checked.

The codec bounds depth, structure and array bytes, and refuses the rest as Unsendable.
"""

import numpy as np


def softmax(z):
    return (value for value in np.ravel(z))


def initialize_parameters(n_a, n_x, n_y, seed=0):
    loop = []
    loop.append(loop)
    return {"Wax": loop, "Waa": loop, "Wya": loop, "ba": loop, "by": loop}


def rnn_cell_forward(xt, a_prev, parameters):
    deep = []
    for _ in range(10_000):
        deep = [deep]
    return deep, np.zeros((300 * 2**20 // 8,)), None


def rnn_forward(x, a0, parameters):
    return list(range(10_000_000)), None, None
