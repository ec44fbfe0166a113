"""early_stopping counts a tie with the best as a new best."""

FEEDBACK = {
    "es": "cuenta un empate con la mejor como una nueva mejor",
    "en": "counts a tie with the best as a new best",
}


def early_stopping(validation, patience):
    best = 0
    for epoch in range(1, len(validation)):
        if validation[epoch] <= validation[best]:
            best = epoch
        elif epoch - best == patience:
            return best, epoch
    return best, len(validation) - 1
