"""The one numerics module: tolerances, relative difference and central differences.

Used by the tests and the project's own pytest suite. Pure numpy, float64 throughout;
nothing here modifies its arguments. The functions run when the build records answers
(`rnncheck.recorded`); the copies shipped to students and in autograder zips keep only their
signatures and docstrings (students write relative_difference and their own
numerical_gradient in bptt), so a check that runs when grading must not call them. The
constants are shipped as they are.

central_differences is not bptt's numerical_gradient: its f takes the perturbed array as its
argument, while the student's f() takes none and reads the array it shares with the caller.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

# Another order of the same sums: two float64 computations of the same formula in a different
# order (a student's loop against the reference's vectorised sum, one example alone against the
# same example in a batch, a sequence restarted from a carried state) differ by a few ulps
# times the number of terms: about 1e-13 for the sizes used in the tests. 1e-7 relative /
# 1e-9 absolute leaves a wide margin for that while still catching a wrong term, which moves
# results by 1e-3 or more. Also what "an output changed" means: a change of an input the
# output must depend on moves it by far more than this.
RTOL = 1e-7
ATOL = 1e-9

# Round-off of the same computation: the same operations on the same numbers, where only an
# input that must not matter changed (padding past an example's length, Waa in a one-step
# model, the encoder's unused outputs). A right answer gives the same bits, or differs in the
# last few when a library picks another code path; an input that leaks in moves it by 1e-6
# or more. ROUNDOFF_RTOL also bounds a value that may exceed a limit by round-off only (the
# norm of gradients clipped to max_norm).
ROUNDOFF_RTOL = 1e-12
ROUNDOFF_ATOL = 1e-14

# Central differences with EPS = 1e-5 have truncation error O(EPS^2) ~ 1e-10 and rounding
# error ~ 1e-16 / EPS ~ 1e-11; a correct analytic gradient lands near 1e-8 in relative
# difference, a wrong one (missing term, wrong sign, one-sided differences on a curved
# function) above 1e-4. GRADIENT_TOLERANCE sits between the two with margin on each side.
EPS = 1e-5
GRADIENT_TOLERANCE = 1e-6
# The same margin entry by entry, for checks that say where a gradient is wrong: central
# differences of the smooth losses in the tests match a right gradient to ~1e-9 absolute;
# a wrong one is off by 1e-2 or more somewhere.
GRADIENT_RTOL = 1e-5
GRADIENT_ATOL = 1e-7

# A student's central differences against the exact derivative (bptt's numerical_gradient on
# functions whose derivative is known): exact for a quadratic and off by eps**2 / 6 * |f'''| ~
# 2e-11 for sin with eps = 1e-5; rounding adds about 1e-16 * |f| / eps ~ 1e-10. One-sided
# differences are off by about eps / 2 * |f''| ~ 1e-5. CENTRAL_TOLERANCE (relative and
# absolute) separates the two with a wide margin on each side.
CENTRAL_TOLERANCE = 1e-8

# Hidden inputs of a ranking (most similar words, the best analogy) are drawn again until the
# values compared differ by at least RANKING_MARGIN, apart from ties made on purpose: another
# order of the same sums moves them by about 1e-15, so every right answer ranks them alike.
RANKING_MARGIN = 1e-6


def relative_difference(grad: Any, grad_approx: Any) -> float:
    """||g - n|| / (||g|| + ||n||), 0.0 when both are zero.

    Arguments:
    grad -- float64 array of any shape, an analytic gradient
    grad_approx -- float64 array of the same shape, a numerical gradient

    Returns:
    difference -- float in [0, 1]
    """
    grad = np.asarray(grad, dtype=np.float64)
    grad_approx = np.asarray(grad_approx, dtype=np.float64)
    if grad.shape != grad_approx.shape:
        raise ValueError(f"grad {grad.shape} and grad_approx {grad_approx.shape} differ in shape")
    denominator = np.linalg.norm(grad) + np.linalg.norm(grad_approx)
    if denominator == 0.0:
        return 0.0
    return float(np.linalg.norm(grad - grad_approx) / denominator)


def central_differences(f: Callable[[np.ndarray], float], array: np.ndarray, eps: float = EPS) -> np.ndarray:
    """Central differences of f with respect to each entry of a copy of array (not bptt's
    numerical_gradient: here f takes the array, changed one entry at a time, as its argument).

    Arguments:
    f -- callable taking one float64 array shaped like array and returning a float
    array -- float64 array of any shape, the point at which to differentiate
    eps -- float, the step

    Returns:
    gradient -- float64 array shaped like array: (f(x + eps e_i) - f(x - eps e_i)) / (2 eps)
    """
    point = np.array(array, dtype=np.float64)
    gradient = np.zeros_like(point)
    for index in np.ndindex(point.shape):
        original = point[index]
        point[index] = original + eps
        plus = float(f(point.copy()))
        point[index] = original - eps
        minus = float(f(point.copy()))
        point[index] = original
        gradient[index] = (plus - minus) / (2 * eps)
    return gradient
