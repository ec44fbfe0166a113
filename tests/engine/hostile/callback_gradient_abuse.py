"""bptt q2: abuse the callable f passed to numerical_gradient: private parts refused, no undue points.

bptt q2: abuse the callable f the test passes to numerical_gradient (a handle back to the
grader): call it with 240 MB of arguments, call f.formula in the grader, reach private and
dunder attributes through raw callbacks, then flood the grader with calls: private attributes
are refused, the flood ends at the call's time limit, no more points than a numerical_gradient
that returns zeros, and the neighbours graded after keep their scores.
"""

import numpy as np


def numerical_gradient(f, array, eps=1e-5):
    tried = []

    def attempt(name, action):
        try:
            value = action()
            tried.append(f"{name}=ok:{type(value).__name__}")
        except Exception as error:
            tried.append(f"{name}={type(error).__name__}")

    raw = f._student.callback
    attempt("huge", lambda: f(np.zeros(30_000_000)))
    attempt("formula", lambda: f.formula(np.ones(1000)))
    attempt("log", lambda: f.log())
    attempt("_private", lambda: f._formula)
    attempt("raw_private", lambda: raw(f._handle, "_ReadsArray__log", (), {}))
    attempt("reduce", lambda: raw(f._handle, "__reduce_ex__", (2,), {}))
    attempt("getattribute", lambda: raw(f._handle, "__getattribute__", ("log",), {}))
    attempt("deepcopy", lambda: raw(f._handle, "__deepcopy__", ({},), {}))
    attempt("class", lambda: raw(f._handle, "__class__", (), {}))
    if array.shape == (2, 3):  # test_sum_of_sines_gives_cosines: report
        raise Exception("hostile-ran " + " ".join(tried))
    if array.shape == (3, 4):  # test_sum_of_squares_gives_twice_the_array: flood
        while True:
            f()
    return np.zeros_like(array)
