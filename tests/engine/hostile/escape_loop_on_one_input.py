"""softmax loops forever on one input only: that case fails with the time limit, the rest pass.

softmax loops forever on one input only (the first q1 case's z): that case fails with the time-
limit message, q2-q4 keep full marks.

A call that times out ends the process; it is started again (cells re-run) for the next call.
"""

import numpy as np

_softmax = globals()["softmax"]


def softmax(z):
    z = np.asarray(z)
    if z.shape == (3, 2) and z[0, 0] == 1.0 and z[2, 1] == 0.0:
        while True:
            pass
    return _softmax(z)
