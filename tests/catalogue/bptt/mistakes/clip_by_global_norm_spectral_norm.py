"""clip_by_global_norm adds up the spectral norms of the weight matrices (np.linalg.norm(W, 2))
instead of taking the L2 norm of all the entries."""

import numpy as np


def clip_by_global_norm(gradients, max_norm):
    total = np.sqrt(sum(np.linalg.norm(g, 2 if np.ndim(g) == 2 else None) ** 2 for g in gradients.values()))
    if total > max_norm:
        return {name: g * (max_norm / total) for name, g in gradients.items()}
    return {name: np.array(g, dtype=np.float64) for name, g in gradients.items()}
