"""early_stopping keeps the parameters of the epoch where it stops, not those of the best epoch."""

FEEDBACK = {
    "es": "se queda con la época en que para, no con la mejor",
    "en": "keeps the epoch where it stops, not the best one",
}


def early_stopping(validation, patience):
    best = 0
    for epoch in range(1, len(validation)):
        if validation[epoch] < validation[best]:
            best = epoch
        elif epoch - best == patience:
            return epoch, epoch
    return len(validation) - 1, len(validation) - 1
