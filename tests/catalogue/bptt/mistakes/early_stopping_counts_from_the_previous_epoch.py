"""early_stopping starts waiting again whenever an epoch beats the one before it, not the best."""

FEEDBACK = {
    "es": "vuelve a empezar la espera cuando una época mejora a la anterior, aunque no a la mejor",
    "en": "starts the wait again when an epoch beats the previous one, even if not the best",
}


def early_stopping(validation, patience):
    best, waited = 0, 0
    for epoch in range(1, len(validation)):
        if validation[epoch] < validation[best]:
            best = epoch
        if validation[epoch] < validation[epoch - 1]:
            waited = 0
        else:
            waited += 1
            if waited == patience:
                return best, epoch
    return best, len(validation) - 1
