"""Return objects that lie (== always True, __array__, __float__): no undue points.

Return objects that lie: an ndarray subclass whose == is always True, a dict subclass, objects
with __array__, __float__, __len__, __iter__: no more points than a notebook whose functions
return None.

Only plain data crosses to the grader (engine.codec); anything else arrives as an inert stand-in
that no check accepts.
"""

import numpy as np


class AlwaysEqual(np.ndarray):
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    def __array_finalize__(self, obj):
        pass


class LyingDict(dict):
    def __getitem__(self, key):
        return np.zeros((1, 1)).view(AlwaysEqual)

    def keys(self):
        return ["Wax", "Waa", "Wya", "ba", "by"]


class Chameleon:
    shape = (3, 2)
    dtype = np.dtype("float64")

    def __array__(self, dtype=None, copy=None):
        return np.full((3, 2), 1 / 3)

    def __float__(self):
        return 0.5

    def __len__(self):
        return 3

    def __iter__(self):
        return iter([np.zeros((5, 10)), np.zeros((2, 10)), ()])

    def __eq__(self, other):
        return True


def softmax(z):
    return np.full(np.shape(z), 1.0 / max(1, np.shape(z)[0])).view(AlwaysEqual)


def initialize_parameters(n_a, n_x, n_y, seed=0):
    return LyingDict(Wax=np.zeros((n_a, n_x)))


def rnn_cell_forward(xt, a_prev, parameters):
    return Chameleon()


def rnn_forward(x, a0, parameters):
    return (Chameleon(), np.zeros(1).view(AlwaysEqual), Chameleon())
