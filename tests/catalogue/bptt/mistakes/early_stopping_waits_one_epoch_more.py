"""early_stopping waits patience + 1 epochs without a new best before stopping."""

FEEDBACK = {
    "es": "espera una época de más: para cuando han pasado patience + 1 épocas sin mejorar",
    "en": "waits one epoch too many: it stops once patience + 1 epochs have passed without improving",
}


def early_stopping(validation, patience):
    best = 0
    for epoch in range(1, len(validation)):
        if validation[epoch] < validation[best]:
            best = epoch
        elif epoch - best > patience:
            return best, epoch
    return best, len(validation) - 1
