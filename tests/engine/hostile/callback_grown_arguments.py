"""bptt q2: grow the array to 8 MiB and call f 40 times: the grader keeps at most 64 MiB of it.

bptt q2: numerical_gradient grows the array it was given to 8 MiB in place, then calls f 40
times; each callback brings the grown array along (f reads it) and the test's f keeps a copy of
what it read at every call. The callbacks of one call may bring the grader 64 MiB in all: past
that they are refused (ValueError), the grader's memory stays within its bound and the
submissions graded after it keep their exact scores.

Every callback's arguments were applied to the test's array and copied by f: 14 callbacks of
256 MiB took the grader to 3.3 GB and a MemoryError.
"""

import numpy as np


def numerical_gradient(f, array, eps=1e-5):
    if array.shape != (3, 4):  # test_sum_of_squares_gives_twice_the_array only
        return np.zeros_like(array)
    array.resize((2**20,), refcheck=False)
    done, refused = 0, "nothing"
    for _ in range(40):
        try:
            f()
            done += 1
        except Exception as error:
            refused = f"{type(error).__name__}: {error}"
            break
    raise Exception(f"hostile-ran {done} calls; then {refused}")
