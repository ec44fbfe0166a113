"""cell_state_gradient_norms: each step multiplies by its own Gamma_f<t> instead of that of the step after it."""

import numpy as np

FEEDBACK = {
    "es": "g<t-1> = Gamma_f<t> * g<t>: usas la compuerta de olvido de un paso antes",
    "en": "g<t-1> = Gamma_f<t> * g<t>: you use the forget gate of one step earlier",
}


def cell_state_gradient_norms(caches):
    step_caches = caches[0]
    T_x = len(step_caches)
    g = np.ones(step_caches[-1][0].shape)
    norms = np.zeros(T_x)
    for t in reversed(range(T_x)):
        g = step_caches[t][4] * g
        norms[t] = np.linalg.norm(g)
    return norms
