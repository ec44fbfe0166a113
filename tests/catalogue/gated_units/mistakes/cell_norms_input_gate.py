"""cell_state_gradient_norms: multiplies by the input gate (cache position 5) instead of the forget gate."""

import numpy as np

FEEDBACK = {
    "es": "el camino directo de c<t-1> a c<t> pasa por la compuerta de olvido, no por la de entrada",
    "en": "the direct path from c<t-1> to c<t> goes through the forget gate, not the input gate",
}


def cell_state_gradient_norms(caches):
    step_caches = caches[0]
    T_x = len(step_caches)
    g = np.ones(step_caches[-1][0].shape)
    norms = np.zeros(T_x)
    for t in reversed(range(T_x)):
        norms[t] = np.linalg.norm(g)
        g = step_caches[t][5] * g
    return norms
