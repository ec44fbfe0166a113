"""cell_state_gradient_norms from a reversed cumulative product of the forget gates."""

import numpy as np


def cell_state_gradient_norms(caches):
    forget = np.stack([cache[4] for cache in caches[0]])  # (T_x, n_a, m)
    shifted = np.concatenate([forget[1:], np.ones_like(forget[:1])])  # Gamma_f<t+1>, ones after the last
    products = np.cumprod(shifted[::-1], axis=0)[::-1]
    return np.sqrt(np.sum(products**2, axis=(1, 2)))
