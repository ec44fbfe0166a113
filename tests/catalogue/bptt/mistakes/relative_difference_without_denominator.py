"""Relative difference without the denominator.

||grad - grad_approx|| alone is an absolute difference: it depends on the size of the
gradients.
"""

import numpy as np

FEEDBACK = {
    "es": "no divide entre ||grad|| + ||grad_approx||",
    "en": "does not divide by ||grad|| + ||grad_approx||",
}


def relative_difference(grad, grad_approx):
    return float(np.linalg.norm(grad - grad_approx))
