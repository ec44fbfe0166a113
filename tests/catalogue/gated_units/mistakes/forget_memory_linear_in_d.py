"""forget_gate_memory: sigma(bf) * d instead of sigma(bf) ** d."""

import numpy as np

FEEDBACK = {
    "es": "la memoria se multiplica por Gamma_f en cada paso: es sigma(bf) ** d, no sigma(bf) * d",
    "en": "the memory is multiplied by Gamma_f at every step: it is sigma(bf) ** d, not sigma(bf) * d",
}


def forget_gate_memory(bf, d):
    return 1 / (1 + np.exp(-bf)) * d
